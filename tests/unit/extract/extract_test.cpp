// The content extractors on documents built here: plain text, PDF, docx, pptx, odt, xlsx, HTML
// and zip archives, and extract_text's choice among them.
#include "extract/extract.h"
#include "extract/zip_reader.h"

#include "../support/documents.h"

#include <gtest/gtest.h>

namespace parley::extract {
namespace {

using test::make_docx;
using test::make_pdf;
using test::make_zip;

bool has(const std::string& text, std::string_view word) {
  return text.find(word) != std::string::npos;
}

TEST(PlainTextTest, TakesTextAndRefusesBinary) {
  EXPECT_EQ(plain_text("hello\tworld\r\nsecond line"), "hello\tworld\r\nsecond line");
  EXPECT_EQ(plain_text("naïve café — 東京"), "naïve café — 東京");
  EXPECT_EQ(plain_text(""), "");
  EXPECT_FALSE(plain_text(std::string("ab\0cd more text", 15)));
  EXPECT_FALSE(plain_text("a bell \a rings"));
  EXPECT_TRUE(plain_text("ends with\a")) << "the last bytes of the KiB are not checked";
  EXPECT_FALSE(plain_text("\xEF\xBB\xBFwith a byte order mark"));  // U+FEFF is a format char
  EXPECT_FALSE(plain_text("private \xEE\x80\x80 use"));
  // Bytes that are not UTF-8 read as U+FFFD, which passes (as in Go).
  EXPECT_TRUE(plain_text("latin1 caf\xE9 text"));
  // Only the first KiB is checked.
  std::string late = std::string(2000, 'a') + std::string(1, '\0');
  EXPECT_EQ(plain_text(late), late);
  EXPECT_FALSE(plain_text(std::string(500, 'a') + std::string(1, '\0') + std::string(600, 'a')));
}

TEST(PdfTextTest, ReadsEveryPage) {
  auto text = pdf_text(make_pdf({"Quarterly zebrafish census", "second (page) here"}));
  ASSERT_TRUE(text);
  EXPECT_TRUE(has(*text, "zebrafish")) << *text;
  EXPECT_TRUE(has(*text, "second (page) here")) << *text;
  EXPECT_FALSE(pdf_text("%PDF-1.4 truncated garbage"));
  EXPECT_FALSE(pdf_text("plain words"));
}

TEST(OfficeTextTest, DocxBodyAndHeaders) {
  auto text = office_text("docx", make_docx({"first marmalade paragraph", "second"}, "Top banner"));
  ASSERT_TRUE(text);
  EXPECT_TRUE(has(*text, "first marmalade paragraph\nsecond\n")) << *text;
  EXPECT_LT(text->find("Top banner"), text->find("marmalade"));
  EXPECT_FALSE(office_text("docx", "not a zip"));
  EXPECT_FALSE(office_text("docx", make_zip({{"other.xml", "<a/>"}})));
}

TEST(OfficeTextTest, PptxSlidesInOrder) {
  auto slide = [](const std::string& words) {
    return R"(<p:sld xmlns:p="p" xmlns:a="a"><p:txBody><a:p><a:r><a:t>)" + words +
           "</a:t></a:r></a:p></p:txBody></p:sld>";
  };
  auto text = office_text("pptx", make_zip({{"ppt/presentation.xml", "<p/>"},
                                            {"ppt/slides/slide10.xml", slide("tenth")},
                                            {"ppt/slides/slide2.xml", slide("second")}}));
  ASSERT_TRUE(text);
  EXPECT_EQ(*text, "second\n\ntenth\n\n");
}

TEST(OfficeTextTest, OdtContent) {
  std::string content =
      R"(<office:document-content xmlns:office="o" xmlns:text="t"><office:body><office:text>)"
      R"(<text:h>Title</text:h><text:p>alpha<text:s/>beta<text:tab/>gamma</text:p>)"
      "</office:text></office:body></office:document-content>";
  auto text = office_text("odt", make_zip({{"mimetype", "application/vnd.oasis.opendocument.text"},
                                           {"content.xml", content}}));
  ASSERT_TRUE(text);
  EXPECT_EQ(*text, "Title\nalpha beta\tgamma\n");
}

TEST(OfficeTextTest, XlsxSheetsRowsAndSharedStrings) {
  std::string ns = R"( xmlns="m" xmlns:r="r")";
  auto text = office_text(
      "xlsx",
      make_zip({
          {"xl/workbook.xml", "<workbook" + ns +
                                  R"(><sheets><sheet name="Budget" r:id="rId1"/>)"
                                  R"(<sheet name="Empty" r:id="rId2"/></sheets></workbook>)"},
          {"xl/_rels/workbook.xml.rels",
           R"(<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/>)"
           R"(<Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml"/></Relationships>)"},
          {"xl/sharedStrings.xml",
           R"(<sst><si><t>pineapple</t></si><si><r><t>rich </t></r><r><t>text</t></r></si></sst>)"},
          {"xl/worksheets/sheet1.xml",
           R"(<worksheet><sheetData><row><c t="s"><v>0</v></c><c><v>42.5</v></c></row>)"
           R"(<row><c><v></v></c></row><row><c/><c t="inlineStr"><is><t>inline</t></is></c>)"
           R"(<c t="s"><v>1</v></c></row></sheetData></worksheet>)"},
          {"xl/worksheets/sheet2.xml", "<worksheet><sheetData/></worksheet>"},
      }));
  ASSERT_TRUE(text);
  EXPECT_EQ(*text, "=== Budget ===\npineapple\t42.5\n\tinline\trich text\n\n\n=== Empty ===\n");
}

TEST(HtmlTextTest, BodyTextWithoutScripts) {
  auto text = html_text(
      "<html><head><title>T</title><style>.x{}</style></head><body><h1>Heading</h1>"
      "<p>Some <b>bold</b> words</p><script>var hidden = 1;</script><p>last&amp;final</p>"
      "</body></html>");
  ASSERT_TRUE(text);
  EXPECT_EQ(*text, "Heading\nSome bold words\nlast&final\n");
}

TEST(ZipTextTest, NamesAndWithRecursionPlainEntries) {
  auto zip = make_zip({{"docs/", ""},
                       {"docs/readme.txt", "walrus inside"},
                       {"bin/data.bin", std::string("\0\1\2", 3)},
                       {"report.docx", make_docx({"pelican"})}});
  auto names = zip_text(zip, {});
  ASSERT_TRUE(names);
  EXPECT_EQ(*names, "docs/readme.txt bin/data.bin report.docx ");
  auto deep = zip_text(zip, {true, 0});
  ASSERT_TRUE(deep);
  EXPECT_TRUE(has(*deep, "docs/readme.txt walrus inside ")) << *deep;
  EXPECT_FALSE(has(*deep, "pelican")) << "entries are read as plain text only";
  // An entry larger than the limit fails the archive.
  EXPECT_FALSE(zip_text(zip, {true, 5}));
  EXPECT_TRUE(zip_text(zip, {false, 5}));
  EXPECT_FALSE(zip_text("PK not really", {}));
}

TEST(ZipReaderTest, AllReadsShareOneInflationBudget) {
  std::string kb(1024, 'x');
  auto data = make_zip({{"a.xml", kb}, {"b.xml", kb}, {"c.xml", kb}});
  auto zip = ZipReader::open(data, 2500);
  ASSERT_TRUE(zip);
  EXPECT_TRUE(zip->read("a.xml", 4096));
  EXPECT_TRUE(zip->read("b.xml", 4096));
  EXPECT_FALSE(zip->read("c.xml", 4096)) << "each part is small, but together they pass the budget";
}

TEST(ExtractTextTest, ChoosesByExtensionThenFallsBackToPlain) {
  Settings s;
  EXPECT_TRUE(has(extract_text("Report.PDF", make_pdf({"heron"}), s), "heron"));
  EXPECT_TRUE(has(extract_text("a.docx", make_docx({"ibis"}), s), "ibis"));
  EXPECT_EQ(extract_text("notes.md", "# kestrel", s), "# kestrel");
  EXPECT_EQ(extract_text("noextension", "plain words", s), "plain words");
  // A .pdf that is not a PDF but text is read as text, as Mattermost falls through.
  EXPECT_EQ(extract_text("fake.pdf", "just text", s), "just text");
  EXPECT_EQ(extract_text("bin.dat", std::string("\0\0\0", 3), s), "");
  EXPECT_EQ(extract_text("a.zip", make_zip({{"x/y.txt", "osprey"}}), s), "x/y.txt ");
  EXPECT_EQ(extract_text("a.zip", make_zip({{"x/y.txt", "osprey"}}), {true, 0}), "x/y.txt osprey ");
  // A damaged docx is binary: nothing.
  EXPECT_EQ(extract_text("broken.docx", make_zip({{"word/other.xml", "<a/>"}}), s), "");
}

}  // namespace
}  // namespace parley::extract
