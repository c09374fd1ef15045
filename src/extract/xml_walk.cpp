// walk_xml over libxml2's xmlTextReader, and the rule-driven text collector built on it.
#include "extract/xml_walk.h"

#include <libxml/xmlreader.h>

#include <algorithm>
#include <memory>

namespace parley::extract {
namespace {

xmlTextReaderPtr as_reader(void* r) {
  return static_cast<xmlTextReaderPtr>(r);
}

std::string_view view(const xmlChar* s) {
  return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view();
}

bool contains(std::initializer_list<std::string_view> names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

std::string_view XmlElement::name() const {
  return view(xmlTextReaderConstLocalName(as_reader(reader_)));
}

std::optional<std::string> XmlElement::attribute(const char* qualified_name) const {
  xmlChar* v = xmlTextReaderGetAttribute(as_reader(reader_),
                                         reinterpret_cast<const xmlChar*>(qualified_name));
  if (!v) return std::nullopt;
  std::string out(view(v));
  xmlFree(v);
  return out;
}

bool walk_xml(std::string_view xml, const XmlHandlers& handlers) {
  // No XML_PARSE_NOENT (entities stay unexpanded) and no DTD loading; NONET forbids fetches.
  std::unique_ptr<xmlTextReader, void (*)(xmlTextReaderPtr)> reader(
      xmlReaderForMemory(xml.data(), static_cast<int>(xml.size()), nullptr, nullptr,
                         XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING),
      xmlFreeTextReader);
  if (!reader) return false;
  XmlElement element(reader.get());
  int status;
  while ((status = xmlTextReaderRead(reader.get())) == 1) {
    switch (xmlTextReaderNodeType(reader.get())) {
      case XML_READER_TYPE_ELEMENT: {
        bool empty = xmlTextReaderIsEmptyElement(reader.get()) == 1;
        if (handlers.start) handlers.start(element);
        if (empty && handlers.end) handlers.end(element.name());
        break;
      }
      case XML_READER_TYPE_END_ELEMENT:
        if (handlers.end) handlers.end(element.name());
        break;
      case XML_READER_TYPE_TEXT:
      case XML_READER_TYPE_CDATA:
      case XML_READER_TYPE_WHITESPACE:
      case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
        if (handlers.text) handlers.text(view(xmlTextReaderConstValue(reader.get())));
        break;
      default:
        break;
    }
  }
  return status == 0;
}

std::optional<std::string> xml_text(std::string_view xml, const XmlTextRules& rules) {
  std::string out;
  int inside = 0;  // open elements named in text_in
  bool every = rules.text_in.size() == 0;
  XmlHandlers h;
  h.start = [&](const XmlElement& e) {
    auto name = e.name();
    if (contains(rules.text_in, name)) ++inside;
    if (contains(rules.tabs, name)) out += '\t';
    if (contains(rules.spaces, name)) out += ' ';
  };
  h.end = [&](std::string_view name) {
    if (contains(rules.text_in, name)) --inside;
    if (contains(rules.lines, name)) out += '\n';
  };
  h.text = [&](std::string_view text) {
    if (every || inside > 0) out += text;
  };
  if (!walk_xml(xml, h)) return std::nullopt;
  return out;
}

}  // namespace parley::extract
