// multipart/form-data parsing for uploads: boundaries, fields, files, malformed bodies.
#include "api/multipart.h"

#include <gtest/gtest.h>

namespace parley::api {
namespace {

TEST(Multipart, Boundary) {
  EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=abc"), "abc");
  EXPECT_EQ(multipart_boundary("Multipart/Form-Data; charset=x; boundary=\"a b\""), "a b");
  EXPECT_FALSE(multipart_boundary("application/json"));
  EXPECT_FALSE(multipart_boundary("multipart/form-data"));
}

TEST(Multipart, ParsesFieldsAndFiles) {
  using namespace std::string_literals;
  // The file holds a NUL and a near-delimiter.
  std::string body =
      "preamble\r\n--XY\r\nContent-Disposition: form-data; name=\"emoji\"\r\n\r\n"
      "{\"name\":\"x\"}\r\n--XY\r\nContent-Disposition: form-data; name=\"image\"; "
      "filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n--X\0y\r\n--XY--\r\n"s;
  auto parts = parse_multipart(body, "XY");
  ASSERT_TRUE(parts);
  ASSERT_EQ(parts->size(), 2u);
  EXPECT_EQ((*parts)[0].name, "emoji");
  EXPECT_EQ((*parts)[0].filename, "");
  EXPECT_EQ((*parts)[0].data, "{\"name\":\"x\"}");
  EXPECT_EQ((*parts)[1].name, "image");
  EXPECT_EQ((*parts)[1].filename, "a.png");
  EXPECT_EQ((*parts)[1].content_type, "image/png");
  EXPECT_EQ((*parts)[1].data, "\x89PNG\r\n--X\0y"s);
}

TEST(Multipart, RejectsMalformedBodies) {
  EXPECT_FALSE(parse_multipart("no delimiter here", "XY"));
  EXPECT_FALSE(
      parse_multipart("--XY\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue", "XY"));
  EXPECT_FALSE(parse_multipart("--XYjunk", "XY"));
  auto empty = parse_multipart("--XY--\r\n", "XY");
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty->empty());
}

}  // namespace
}  // namespace parley::api
