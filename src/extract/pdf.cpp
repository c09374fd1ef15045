// PDF text through poppler-glib, loaded on first use (Mattermost reads PDFs with a Go PDF
// library): the text of each page in reading order. Encrypted documents that need a password,
// and any PDF when poppler-glib cannot be loaded, give nullopt.
#include "extract/extract.h"

#include "extract/poppler_api.h"

#include <memory>

namespace parley::extract {
namespace {

// Releases a GObject (document, page) through the loaded library.
struct Unref {
  const PopplerApi* api;
  void operator()(gpointer object) const { api->object_unref(object); }
};

}  // namespace

std::optional<std::string> pdf_text(std::string_view data) {
  if (data.substr(0, 1024).find("%PDF-") == std::string_view::npos) return std::nullopt;
  const PopplerApi* api = poppler_api();
  if (!api) return std::nullopt;
  // The document reads `data` in place; it is released before this function returns.
  GBytes* bytes = api->bytes_new_static(data.data(), data.size());
  GError* error = nullptr;
  std::unique_ptr<PopplerDocument, Unref> doc(api->document_new_from_bytes(bytes, nullptr, &error),
                                              Unref{api});
  api->bytes_unref(bytes);  // the document holds its own reference
  if (error) api->error_free(error);
  if (!doc) return std::nullopt;  // damaged, or encrypted with a password
  std::string out;
  int pages = api->document_get_n_pages(doc.get());
  for (int i = 0; i < pages; ++i) {
    std::unique_ptr<PopplerPage, Unref> page(api->document_get_page(doc.get(), i), Unref{api});
    if (!page) continue;
    char* text = api->page_get_text(page.get());
    if (i) out += '\n';
    if (text) out += text;
    api->free(text);
  }
  return out;
}

}  // namespace parley::extract
