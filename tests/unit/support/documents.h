// Test fixtures built at run time: zip archives (libzip, in memory), office packages made of
// them, and minimal hand-written PDFs with one line of Helvetica text per page.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace parley::test {

using ZipEntries = std::vector<std::pair<std::string, std::string>>;  // path, bytes

std::string make_zip(const ZipEntries& entries);
// A PDF 1.4 document with one page per string (ASCII text).
std::string make_pdf(const std::vector<std::string>& pages);
// A docx whose body has one paragraph per string (a run each), with optional header text.
std::string make_docx(const std::vector<std::string>& paragraphs, const std::string& header = "");

}  // namespace parley::test
