// Tests for the multipart/form-data parser used by file uploads.
#include "api/multipart.h"

#include <gtest/gtest.h>

namespace parley::api {
namespace {

TEST(MultipartTest, ReadsContentTypeBoundary) {
  auto t = parse_multipart_content_type("multipart/form-data; boundary=\"abc 1\"");
  EXPECT_EQ(t.type, MultipartType::ok);
  EXPECT_EQ(t.boundary, "abc 1");
  EXPECT_EQ(parse_multipart_content_type("Multipart/Form-Data;boundary=x").boundary, "x");
  EXPECT_EQ(parse_multipart_content_type("multipart/form-data").type,
            MultipartType::missing_boundary);
  EXPECT_EQ(parse_multipart_content_type("image/png").type, MultipartType::not_multipart);
  EXPECT_EQ(parse_multipart_content_type("").type, MultipartType::not_multipart);
}

TEST(MultipartTest, SplitsFieldsAndFiles) {
  using namespace std::string_literals;
  std::string body =
      "preamble\r\n--XyZ\r\nContent-Disposition: form-data; name=\"channel_id\"\r\n\r\nchan\r\n"
      "--XyZ\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a \\\"b\\\".txt\"\r\n"
      "Content-Type: text/plain\r\n\r\nline1\r\nline2\r\n"
      "--XyZ\r\nContent-Disposition: form-data; name=\"files\"; filename=\"x\"; "
      "filename*=UTF-8''%C3%A9t%C3%A9.png\r\n\r\n\x89PNG\0\r\n--XyZ--\r\n"s;
  auto parts = parse_multipart(body, "XyZ");
  ASSERT_TRUE(parts);
  ASSERT_EQ(parts->size(), 3u);
  EXPECT_EQ((*parts)[0].name, "channel_id");
  EXPECT_FALSE((*parts)[0].filename);
  EXPECT_EQ((*parts)[0].data, "chan");
  EXPECT_EQ((*parts)[1].filename, "a \"b\".txt");
  EXPECT_EQ((*parts)[1].content_type, "text/plain");
  EXPECT_EQ((*parts)[1].data, "line1\r\nline2");
  EXPECT_EQ((*parts)[2].filename, "\xc3\xa9t\xc3\xa9.png");
  EXPECT_EQ((*parts)[2].data, std::string("\x89PNG\0", 5));
}

TEST(MultipartTest, RejectsMalformedBodies) {
  EXPECT_FALSE(parse_multipart("no delimiter here", "b"));
  EXPECT_FALSE(parse_multipart(
      "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nunterminated", "b"));
  EXPECT_FALSE(parse_multipart("--b\r\nContent-Disposition: form-data; name=\"a\"", "b"));
  auto empty = parse_multipart("--b--\r\n", "b");
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty->empty());
}

}  // namespace
}  // namespace parley::api
