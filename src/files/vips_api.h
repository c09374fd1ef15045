// The libvips (and glib) functions Parley uses, loaded with dlopen on first use rather than
// linked: libvips pulls in ~100 libraries (librsvg, OpenEXR, poppler, cairo, ...) that an idle
// server should not map. Types come from the vips headers, so a changed signature fails to
// compile; libvips.so.42 is the ABI these headers describe.
#pragma once

#include "util/shared_library.h"

#include <vips/vips.h>

#include <memory>

namespace parley::files {

// X(prefix, name): the function prefix##name, held in the member `name`.
#define PARLEY_VIPS_FUNCTIONS(X)       \
  X(vips_, version)                    \
  X(vips_, init)                       \
  X(vips_, cache_set_max)              \
  X(vips_, error_buffer)               \
  X(vips_, error_clear)                \
  X(vips_, image_new_from_buffer)      \
  X(vips_, image_get_width)            \
  X(vips_, image_get_height)           \
  X(vips_, image_get_typeof)           \
  X(vips_, image_get_int)              \
  X(vips_, image_hasalpha)             \
  X(vips_, image_guess_interpretation) \
  X(vips_, array_double_newv)          \
  X(vips_, area_unref)                 \
  X(vips_, autorot)                    \
  X(vips_, resize)                     \
  X(vips_, flatten)                    \
  X(vips_, colourspace)                \
  X(vips_, thumbnail_image)            \
  X(vips_, thumbnail_buffer)           \
  X(vips_, jpegsave_buffer)            \
  X(vips_, pngsave_buffer)             \
  X(vips_, gifsave_buffer)             \
  X(g_, object_ref)                    \
  X(g_, object_unref)                  \
  X(g_, free)

struct VipsApi {
  PARLEY_VIPS_FUNCTIONS(PARLEY_DL_MEMBER)
};

// libvips loaded and initialised (ABI check as VIPS_INIT does, operation cache off so that
// uploads do not keep pixels alive) by the first call; nullptr, with one error logged, when
// libvips cannot be loaded or initialised. Thread-safe.
const VipsApi* vips_api();

// Owns a VipsImage reference; only ever holds images made through vips_api().
struct VipsImageUnref {
  void operator()(VipsImage* image) const { vips_api()->object_unref(image); }
};
using VipsImagePtr = std::unique_ptr<VipsImage, VipsImageUnref>;

// Owns a buffer that libvips allocated (g_free).
struct VipsBufferFree {
  void operator()(void* p) const { vips_api()->free(p); }
};
using VipsBuffer = std::unique_ptr<void, VipsBufferFree>;

}  // namespace parley::files
