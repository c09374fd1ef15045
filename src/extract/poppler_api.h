// The poppler-glib (and glib) functions the PDF extractor uses, loaded with dlopen on first use
// rather than linked, like libvips (files/vips_api.h): poppler and its dependencies stay out of
// an idle server's memory. Types come from the poppler-glib headers.
#pragma once

#include "util/shared_library.h"

#include <poppler.h>

namespace parley::extract {

// X(prefix, name): the function prefix##name, held in the member `name`.
#define PARLEY_POPPLER_FUNCTIONS(X)    \
  X(poppler_, document_new_from_bytes) \
  X(poppler_, document_get_n_pages)    \
  X(poppler_, document_get_page)       \
  X(poppler_, page_get_text)           \
  X(g_, bytes_new_static)              \
  X(g_, bytes_unref)                   \
  X(g_, object_unref)                  \
  X(g_, error_free)                    \
  X(g_, free)                          \
  X(g_, log_set_handler)

struct PopplerApi {
  PARLEY_POPPLER_FUNCTIONS(PARLEY_DL_MEMBER)
};

// libpoppler-glib.so.8 loaded by the first call, its log messages (damaged input) silenced;
// nullptr, with one error logged, when it cannot be loaded. Thread-safe.
const PopplerApi* poppler_api();

}  // namespace parley::extract
