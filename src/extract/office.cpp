// Office Open XML (docx, pptx, xlsx and its macro / template variants) and OpenDocument text
// (odt): the packages are zip archives whose XML parts hold the text (what Mattermost reads with
// docconv and excelize).
#include "extract/extract.h"
#include "extract/xml_walk.h"
#include "extract/zip_reader.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <regex>
#include <vector>

namespace parley::extract {
namespace {

// Inflated size of any one XML part read (a larger part is skipped: a zip bomb, not a document).
constexpr uint64_t kMaxPart = 64 * 1024 * 1024;

// Parts whose names match `pattern`, ordered by the number in their name (slide2 before slide10).
std::vector<std::string> numbered_parts(const ZipReader& zip, const std::regex& pattern) {
  std::vector<std::pair<long, std::string>> found;
  for (const auto& e : zip.entries()) {
    std::smatch m;
    if (std::regex_match(e.name, m, pattern))
      found.emplace_back(std::stol("0" + m[1].str()), e.name);
  }
  std::sort(found.begin(), found.end());
  std::vector<std::string> out;
  for (auto& [n, name] : found) out.push_back(std::move(name));
  return out;
}

// docx: headers, the body, then footers (docconv's order); the text of <w:t> runs.
std::optional<std::string> docx_text(const ZipReader& zip) {
  auto body = zip.read("word/document.xml", kMaxPart);
  if (!body) return std::nullopt;
  XmlTextRules rules{{"t"}, {"p"}, {"tab"}, {}};
  std::string out;
  auto add = [&](const std::string& part) {
    auto xml = zip.read(part, kMaxPart);
    if (!xml) return;
    if (auto text = xml_text(*xml, rules)) out += *text + "\n";
  };
  for (const auto& p : numbered_parts(zip, std::regex(R"(word/header(\d*)\.xml)"))) add(p);
  auto text = xml_text(*body, rules);
  if (!text) return std::nullopt;
  out += *text + "\n";
  for (const auto& p : numbered_parts(zip, std::regex(R"(word/footer(\d*)\.xml)"))) add(p);
  return out;
}

// pptx: the <a:t> runs of every slide, in slide order.
std::optional<std::string> pptx_text(const ZipReader& zip) {
  auto slides = numbered_parts(zip, std::regex(R"(ppt/slides/slide(\d+)\.xml)"));
  if (slides.empty() && !zip.find("ppt/presentation.xml")) return std::nullopt;
  std::string out;
  for (const auto& s : slides) {
    auto xml = zip.read(s, kMaxPart);
    if (!xml) continue;
    if (auto text = xml_text(*xml, {{"t"}, {"p"}, {}, {}})) out += *text + "\n";
  }
  return out;
}

// odt: every text of content.xml; paragraphs and headings on their own lines.
std::optional<std::string> odt_text(const ZipReader& zip) {
  auto xml = zip.read("content.xml", kMaxPart);
  if (!xml) return std::nullopt;
  return xml_text(*xml, {{}, {"p", "h", "line-break"}, {"tab"}, {"s"}});
}

// The text of each <si> of sharedStrings.xml (rich text runs joined).
std::vector<std::string> shared_strings(const ZipReader& zip) {
  std::vector<std::string> out;
  auto xml = zip.read("xl/sharedStrings.xml", kMaxPart);
  if (!xml) return out;
  int in_t = 0;
  bool in_phonetic = false;
  XmlHandlers h;
  h.start = [&](const XmlElement& e) {
    if (e.name() == "si") out.emplace_back();
    if (e.name() == "rPh") in_phonetic = true;
    if (e.name() == "t") ++in_t;
  };
  h.end = [&](std::string_view name) {
    if (name == "rPh") in_phonetic = false;
    if (name == "t") --in_t;
  };
  h.text = [&](std::string_view text) {
    if (in_t > 0 && !in_phonetic && !out.empty()) out.back() += text;
  };
  walk_xml(*xml, h);
  return out;
}

// The cells of one worksheet, a line per non-empty row, cells separated by tabs.
std::string sheet_rows(std::string_view xml, const std::vector<std::string>& strings) {
  std::string out, row, value, type;
  int cells = 0;
  bool row_has_text = false, in_value = false, in_inline = false;
  XmlHandlers h;
  h.start = [&](const XmlElement& e) {
    auto n = e.name();
    if (n == "row") {
      row.clear();
      cells = 0;
      row_has_text = false;
    } else if (n == "c") {
      type = e.attribute("t").value_or("");
      value.clear();
    } else if (n == "v") {
      in_value = true;
    } else if (n == "is") {
      in_inline = true;
    }
  };
  h.end = [&](std::string_view n) {
    if (n == "v") {
      in_value = false;
    } else if (n == "is") {
      in_inline = false;
    } else if (n == "c") {
      std::string cell = value;
      if (type == "s") {
        std::size_t index = 0;
        auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), index);
        cell = ec == std::errc() && index < strings.size() ? strings[index] : "";
      }
      if (cells++ > 0) row += '\t';
      row += cell;
      if (cell.find_first_not_of(" \t\r\n") != std::string::npos) row_has_text = true;
    } else if (n == "row" && row_has_text) {
      out += row + "\n";
    }
  };
  h.text = [&](std::string_view text) {
    if (in_value || in_inline) value += text;
  };
  walk_xml(xml, h);
  return out;
}

// Resolves a relationship target against the xl/ folder ("worksheets/sheet1.xml" or
// "/xl/worksheets/sheet1.xml").
std::string xl_part(const std::string& target) {
  if (target.starts_with('/')) return target.substr(1);
  return "xl/" + target;
}

// xlsx: "=== name ===" then the sheet's rows, for each sheet in workbook order.
std::optional<std::string> xlsx_text(const ZipReader& zip) {
  auto workbook = zip.read("xl/workbook.xml", kMaxPart);
  if (!workbook) return std::nullopt;
  std::map<std::string, std::string> targets;  // relationship id -> part
  if (auto rels = zip.read("xl/_rels/workbook.xml.rels", kMaxPart)) {
    XmlHandlers h;
    h.start = [&](const XmlElement& e) {
      if (e.name() != "Relationship") return;
      auto id = e.attribute("Id");
      auto target = e.attribute("Target");
      if (id && target) targets[*id] = xl_part(*target);
    };
    walk_xml(*rels, h);
  }
  std::vector<std::pair<std::string, std::string>> sheets;  // name, part
  XmlHandlers h;
  h.start = [&](const XmlElement& e) {
    if (e.name() != "sheet") return;
    auto name = e.attribute("name");
    auto id = e.attribute("r:id");
    if (name && id && targets.contains(*id)) sheets.emplace_back(*name, targets[*id]);
  };
  if (!walk_xml(*workbook, h)) return std::nullopt;
  auto strings = shared_strings(zip);
  std::string out;
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    if (i) out += "\n\n";
    out += "=== " + sheets[i].first + " ===\n";
    if (auto xml = zip.read(sheets[i].second, kMaxPart)) out += sheet_rows(*xml, strings);
  }
  return out;
}

}  // namespace

std::optional<std::string> office_text(std::string_view extension, std::string_view data) {
  auto zip = ZipReader::open(data);
  if (!zip) return std::nullopt;
  if (extension == "docx") return docx_text(*zip);
  if (extension == "pptx") return pptx_text(*zip);
  if (extension == "odt") return odt_text(*zip);
  if (extension == "xlsx" || extension == "xlsm" || extension == "xltx" || extension == "xltm")
    return xlsx_text(*zip);
  return std::nullopt;
}

}  // namespace parley::extract
