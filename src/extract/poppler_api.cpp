// Loads libpoppler-glib.so.8 with dlopen and binds the functions of extract::PopplerApi.
#include "extract/poppler_api.h"

#include "util/log.h"

#include <optional>

namespace parley::extract {
namespace {

// Poppler reports damaged input through glib's log (domain "Poppler"); a malformed upload is
// not worth a line.
void quiet(const gchar*, GLogLevelFlags, const gchar*, gpointer) {}

std::optional<PopplerApi> load() {
  util::SharedLibrary lib("libpoppler-glib.so.8");
  PopplerApi p;
#define BIND(prefix, name) &&lib.bind(p.name, #prefix #name)
  bool bound = lib.loaded() PARLEY_POPPLER_FUNCTIONS(BIND);
#undef BIND
  if (!bound) {
    log::error("poppler-glib could not be loaded: PDF text is not extracted",
               {{"error", lib.error()}});
    return std::nullopt;
  }
  p.log_set_handler("Poppler",
                    static_cast<GLogLevelFlags>(G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE |
                                                G_LOG_LEVEL_INFO | G_LOG_LEVEL_DEBUG),
                    quiet, nullptr);
  return p;
}

}  // namespace

const PopplerApi* poppler_api() {
  static const std::optional<PopplerApi> api = load();
  return api ? &*api : nullptr;
}

}  // namespace parley::extract
