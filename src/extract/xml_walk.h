// A streaming walk over an XML document (libxml2's reader, no network, no external entities):
// element starts and ends by local name (namespace prefix dropped) and text, for the extractors
// of XML-based office formats.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace parley::extract {

class XmlElement {
 public:
  explicit XmlElement(void* reader) : reader_(reader) {}
  std::string_view name() const;  // local name, e.g. "t" for <w:t>
  // An attribute by its name as written (e.g. "r:id", "t"); nullopt when absent.
  std::optional<std::string> attribute(const char* qualified_name) const;

 private:
  void* reader_;
};

struct XmlHandlers {
  std::function<void(const XmlElement&)> start;  // also for empty elements, then `end`
  std::function<void(std::string_view name)> end;
  std::function<void(std::string_view text)> text;  // text, CDATA and white space
};

// false when the document is not well-formed (what was walked before the error was reported).
bool walk_xml(std::string_view xml, const XmlHandlers& handlers);

// The text inside elements named in `text_in` (every text when empty), a line break after each
// element named in `lines`, a tab for each element named in `tabs` and a space for each one
// named in `spaces`. Names are local names.
struct XmlTextRules {
  std::initializer_list<std::string_view> text_in;
  std::initializer_list<std::string_view> lines;
  std::initializer_list<std::string_view> tabs;
  std::initializer_list<std::string_view> spaces;
};
std::optional<std::string> xml_text(std::string_view xml, const XmlTextRules& rules);

}  // namespace parley::extract
