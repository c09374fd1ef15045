// Tests for the PNG encoder: signature, IHDR, chunk CRCs and the pixels round-trip.
#include "util/png.h"

#include "../support/png_decode.h"

#include <gtest/gtest.h>

namespace parley {
namespace {

TEST(PngTest, EncodesSignatureHeaderAndPixels) {
  // 3x2: red, green, blue / white, black, grey.
  std::string rgb("\xff\x00\x00\x00\xff\x00\x00\x00\xff\xff\xff\xff\x00\x00\x00\x80\x80\x80", 18);
  std::string png = png::encode_rgb(3, 2, rgb);
  ASSERT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  // IHDR is the first chunk: length 13, then width 3, height 2, depth 8, colour type 2.
  EXPECT_EQ(test::read_u32(png, 8), 13u);
  EXPECT_EQ(png.substr(12, 4), "IHDR");
  EXPECT_EQ(test::read_u32(png, 16), 3u);
  EXPECT_EQ(test::read_u32(png, 20), 2u);
  EXPECT_EQ(png[24], 8);
  EXPECT_EQ(png[25], 2);
  auto decoded = test::decode_png(png);  // checks every CRC and IEND
  EXPECT_EQ(decoded.width, 3u);
  EXPECT_EQ(decoded.height, 2u);
  EXPECT_EQ(decoded.rgb, rgb);
  EXPECT_EQ(decoded.pixel(2, 0), std::string("\x00\x00\xff", 3));
  EXPECT_EQ(png.substr(png.size() - 8, 4), "IEND");
}

TEST(PngTest, LargeImagesCompress) {
  std::string rgb(std::size_t{128} * 128 * 3, '\x42');
  std::string png = png::encode_rgb(128, 128, rgb);
  EXPECT_LT(png.size(), rgb.size() / 10);
  EXPECT_EQ(test::decode_png(png).rgb, rgb);
}

TEST(PngTest, RejectsMismatchedSizes) {
  EXPECT_THROW(png::encode_rgb(2, 2, std::string(11, '\0')), std::invalid_argument);
  EXPECT_THROW(png::encode_rgb(0, 1, ""), std::invalid_argument);
}

}  // namespace
}  // namespace parley
