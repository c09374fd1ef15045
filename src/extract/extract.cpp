// extract_text: Mattermost's combined extractor. Extensions are compared in lower case.
#include "extract/extract.h"

#include <algorithm>

namespace parley::extract {
namespace {

std::string lower_extension(std::string_view name) {
  auto slash = name.rfind('/');
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  auto dot = name.rfind('.');
  if (dot == std::string_view::npos) return "";
  std::string ext(name.substr(dot + 1));
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

bool one_of(std::string_view ext, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), ext) != list.end();
}

}  // namespace

std::string extract_text(std::string_view name, std::string_view data, const Settings& settings) {
  const std::string ext = lower_extension(name);
  std::optional<std::string> text;
  if (one_of(ext, {"docx", "pptx", "odt", "xlsx", "xlsm", "xltx", "xltm"}))
    text = office_text(ext, data);
  else if (ext == "html")
    text = html_text(data);
  if (!text && ext == "pdf") text = pdf_text(data);
  if (!text && ext == "zip") text = zip_text(data, settings);
  if (!text) text = plain_text(data);
  return text.value_or("");
}

}  // namespace parley::extract
