// Loads libvips.so.42 with dlopen and binds the functions of files::VipsApi (see vips_api.h).
#include "files/vips_api.h"

#include "util/log.h"

#include <optional>
#include <string>

namespace parley::files {
namespace {

// What VIPS_INIT checks before vips_init: the library's ABI is the one the headers describe.
bool abi_matches(const VipsApi& v) {
  return v.version(3) - v.version(5) == VIPS_LIBRARY_CURRENT - VIPS_LIBRARY_AGE;
}

std::optional<VipsApi> load() {
  util::SharedLibrary lib("libvips.so.42");
  VipsApi v;
#define BIND(prefix, name) &&lib.bind(v.name, #prefix #name)
  bool bound = lib.loaded() PARLEY_VIPS_FUNCTIONS(BIND);
#undef BIND
  if (!bound) {
    log::error("libvips could not be loaded: images cannot be processed", {{"error", lib.error()}});
    return std::nullopt;
  }
  if (!abi_matches(v)) {
    log::error("libvips ABI mismatch: images cannot be processed",
               {{"library_abi", v.version(3) - v.version(5)},
                {"expected_abi", VIPS_LIBRARY_CURRENT - VIPS_LIBRARY_AGE}});
    return std::nullopt;
  }
  if (v.init("parley") != 0) {
    log::error("libvips could not be initialised: images cannot be processed",
               {{"error", v.error_buffer()}});
    v.error_clear();
    return std::nullopt;
  }
  v.cache_set_max(0);
  return v;
}

}  // namespace

const VipsApi* vips_api() {
  static const std::optional<VipsApi> api = load();
  return api ? &*api : nullptr;
}

}  // namespace parley::files
