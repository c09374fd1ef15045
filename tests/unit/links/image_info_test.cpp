// Image header sniffing for metadata.images: PNG, GIF (with frames), JPEG, and junk.
#include "links/image_info.h"

#include <gtest/gtest.h>

namespace parley::links {
namespace {

TEST(ImageInfo, Png) {
  std::string png("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\x01\x2c\0\0\0\xc8", 24);
  auto i = sniff_image(png);
  ASSERT_TRUE(i);
  EXPECT_EQ(i->format, "png");
  EXPECT_EQ(i->width, 300u);
  EXPECT_EQ(i->height, 200u);
}

TEST(ImageInfo, GifCountsFrames) {
  // 2x1 GIF89a, no global palette, two image descriptors each with one empty data sub-block.
  std::string gif("GIF89a\x02\0\x01\0\0\0\0", 13);
  for (int f = 0; f < 2; ++f) gif += std::string("\x2c\0\0\0\0\x02\0\x01\0\0\x02\x01\x00\0", 14);
  gif += ';';
  auto i = sniff_image(gif);
  ASSERT_TRUE(i);
  EXPECT_EQ(i->format, "gif");
  EXPECT_EQ(i->width, 2u);
  EXPECT_EQ(i->height, 1u);
  EXPECT_EQ(i->frame_count, 2u);
}

TEST(ImageInfo, JpegSkipsSegmentsToStartOfFrame) {
  std::string jpg("\xFF\xD8\xFF\xE0\0\x04xx\xFF\xC0\0\x11\x08\0\x78\x01\x40", 18);
  auto i = sniff_image(jpg);
  ASSERT_TRUE(i);
  EXPECT_EQ(i->format, "jpeg");
  EXPECT_EQ(i->width, 320u);
  EXPECT_EQ(i->height, 120u);
}

TEST(ImageInfo, RejectsJunkAndTruncatedData) {
  EXPECT_FALSE(sniff_image(""));
  EXPECT_FALSE(sniff_image("<html>"));
  EXPECT_FALSE(sniff_image(std::string("\xFF\xD8\xFF\xE0\0\x40", 6)));
  EXPECT_FALSE(sniff_image("\x89PNG"));
}

}  // namespace
}  // namespace parley::links
