// HTML text (Mattermost converts HTML with docconv): libxml2's forgiving HTML parser, the text
// of the body (or of the whole document when it has none) without scripts, styles and other
// non-content elements; block elements end a line.
#include "extract/extract.h"

#include <libxml/HTMLparser.h>

#include <limits>
#include <memory>

namespace parley::extract {
namespace {

bool named(const xmlNode* n, std::initializer_list<const char*> names) {
  for (const char* name : names)
    if (xmlStrcasecmp(n->name, reinterpret_cast<const xmlChar*>(name)) == 0) return true;
  return false;
}

void collect(const xmlNode* node, std::string& out) {
  for (const xmlNode* n = node; n; n = n->next) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      if (n->content) out += reinterpret_cast<const char*>(n->content);
      continue;
    }
    if (n->type != XML_ELEMENT_NODE) continue;
    if (named(n, {"script", "style", "noscript", "template", "head", "svg", "iframe"})) continue;
    if (named(n, {"br"})) out += '\n';
    collect(n->children, out);
    if (named(n, {"p",     "div", "li", "tr",  "h1",         "h2",      "h3",
                  "h4",    "h5",  "h6", "pre", "blockquote", "section", "article",
                  "table", "ul",  "ol", "dd",  "dt",         "header",  "footer"}))
      out += '\n';
    else if (named(n, {"td", "th"}))
      out += '\t';
  }
}

const xmlNode* find_body(const xmlNode* node) {
  for (const xmlNode* n = node; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    if (named(n, {"body"})) return n;
    if (const xmlNode* b = find_body(n->children)) return b;
  }
  return nullptr;
}

}  // namespace

std::optional<std::string> html_text(std::string_view data) {
  if (data.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) return std::nullopt;
  std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)> doc(
      htmlReadMemory(
          data.data(), static_cast<int>(data.size()), nullptr, nullptr,
          HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING),
      xmlFreeDoc);
  if (!doc) return std::nullopt;
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  std::string out;
  if (const xmlNode* body = find_body(root))
    collect(body->children, out);
  else
    collect(root, out);
  return out;
}

}  // namespace parley::extract
