// make_zip over libzip's in-memory sources; make_pdf writes objects and the xref by hand.
#include "documents.h"

#include <zip.h>

#include <cstdio>
#include <memory>
#include <stdexcept>

namespace parley::test {

std::string make_zip(const ZipEntries& entries) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* out = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (!out) throw std::runtime_error("zip_source_buffer_create");
  zip_source_keep(out);  // read back after zip_close
  zip_t* archive = zip_open_from_source(out, ZIP_TRUNCATE, &error);
  if (!archive) throw std::runtime_error("zip_open_from_source");
  for (const auto& [name, bytes] : entries) {
    zip_source_t* s = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
    if (!s || zip_file_add(archive, name.c_str(), s, ZIP_FL_ENC_UTF_8) < 0)
      throw std::runtime_error("zip_file_add " + name);
  }
  if (zip_close(archive) != 0) throw std::runtime_error("zip_close");
  std::unique_ptr<zip_source_t, void (*)(zip_source_t*)> src(out, zip_source_free);
  zip_stat_t st;
  if (zip_source_open(src.get()) != 0 || zip_source_stat(src.get(), &st) != 0)
    throw std::runtime_error("zip_source_open");
  std::string data(st.size, '\0');
  if (zip_source_read(src.get(), data.data(), data.size()) != static_cast<zip_int64_t>(st.size))
    throw std::runtime_error("zip_source_read");
  zip_source_close(src.get());
  return data;
}

std::string make_pdf(const std::vector<std::string>& pages) {
  const int n = static_cast<int>(pages.size());
  const int font = 3 + 2 * n;
  std::vector<std::string> objects;
  std::string kids;
  for (int i = 0; i < n; ++i) kids += std::to_string(3 + 2 * i) + " 0 R ";
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(n) + " >>");
  for (int i = 0; i < n; ++i) {
    std::string text;
    for (char c : pages[i]) {
      if (c == '(' || c == ')' || c == '\\') text += '\\';
      text += c;
    }
    std::string stream = "BT /F1 12 Tf 72 720 Td (" + text + ") Tj ET";
    objects.push_back(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font "
        "<< /F1 " +
        std::to_string(font) + " 0 R >> >> /Contents " + std::to_string(4 + 2 * i) + " 0 R >>");
    objects.push_back("<< /Length " + std::to_string(stream.size()) + " >>\nstream\n" + stream +
                      "\nendstream");
  }
  objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (auto off : offsets) {
    char line[24];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", off);
    pdf += line;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

std::string make_docx(const std::vector<std::string>& paragraphs, const std::string& header) {
  const std::string ns =
      R"(xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main")";
  std::string body;
  for (const auto& p : paragraphs) body += "<w:p><w:r><w:t>" + p + "</w:t></w:r></w:p>";
  ZipEntries entries{
      {"[Content_Types].xml",
       R"(<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>)"},
      {"word/document.xml",
       "<?xml version=\"1.0\"?><w:document " + ns + "><w:body>" + body + "</w:body></w:document>"}};
  if (!header.empty())
    entries.emplace_back("word/header1.xml", "<?xml version=\"1.0\"?><w:hdr " + ns +
                                                 "><w:p><w:r><w:t>" + header +
                                                 "</w:t></w:r></w:p></w:hdr>");
  return make_zip(entries);
}

}  // namespace parley::test
