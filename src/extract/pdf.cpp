// PDF text through poppler's C++ interface (Mattermost reads PDFs with a Go PDF library): the
// text of each page in reading order. Encrypted documents that need a password give nullopt.
#include "extract/extract.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <limits>
#include <memory>
#include <mutex>

namespace parley::extract {
namespace {

// Poppler reports damaged input on stderr by default; a malformed upload is not worth a line.
void quiet(const std::string&, void*) {}

}  // namespace

std::optional<std::string> pdf_text(std::string_view data) {
  static std::once_flag silenced;
  std::call_once(silenced, [] { poppler::set_debug_error_function(quiet, nullptr); });
  if (data.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()) ||
      data.substr(0, 1024).find("%PDF-") == std::string_view::npos)
    return std::nullopt;
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(data.data(), static_cast<int>(data.size())));
  if (!doc || doc->is_locked()) return std::nullopt;
  std::string out;
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) continue;
    auto utf8 = page->text().to_utf8();
    if (i) out += '\n';
    out.append(utf8.data(), utf8.size());
  }
  return out;
}

}  // namespace parley::extract
