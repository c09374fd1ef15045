// Custom emoji image rules: small images kept as they are, large PNG/JPEG scaled into 128x128 as
// PNG, animated GIFs scaled and kept animated, oversized and non-image data refused.
#include "app/emoji_image.h"

#include "links/image_info.h"

#include <gtest/gtest.h>
#include <vips/vips.h>

#include <memory>
#include <string>

namespace parley::app {
namespace {

// An image of the given size and format ("png", "jpeg", "gif"), `pages` frames tall for GIF.
std::string encode(int width, int height, const char* format, int pages = 1) {
  EXPECT_EQ(VIPS_INIT("parley-test"), 0);
  VipsImage* black = nullptr;
  EXPECT_EQ(vips_black(&black, width, height * pages, "bands", 3, nullptr), 0);
  VipsImage* grey = nullptr;
  EXPECT_EQ(vips_linear1(black, &grey, 1.0, 90.0, "uchar", TRUE, nullptr), 0);
  g_object_unref(black);
  if (pages > 1) vips_image_set_int(grey, "page-height", height);
  void* buf = nullptr;
  size_t len = 0;
  std::string f = format;
  int rc = f == "png"   ? vips_pngsave_buffer(grey, &buf, &len, nullptr)
           : f == "gif" ? vips_gifsave_buffer(grey, &buf, &len, nullptr)
                        : vips_jpegsave_buffer(grey, &buf, &len, nullptr);
  EXPECT_EQ(rc, 0);
  g_object_unref(grey);
  std::string out(static_cast<const char*>(buf), len);
  g_free(buf);
  return out;
}

TEST(EmojiImage, SmallImagesAreKeptByteForByte) {
  auto png = encode(40, 20, "png");
  auto r = prepare_emoji_image(png);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->format, "png");
  EXPECT_EQ(r->bytes, png);
}

TEST(EmojiImage, LargeJpegBecomesAPngThatFits) {
  auto r = prepare_emoji_image(encode(400, 100, "jpeg"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->format, "png");
  auto info = links::sniff_image(r->bytes);
  ASSERT_TRUE(info);
  EXPECT_EQ(info->format, "png");
  EXPECT_EQ(info->width, 128u);
  EXPECT_EQ(info->height, 32u);
}

TEST(EmojiImage, LargeAnimatedGifStaysAnAnimatedGif) {
  auto r = prepare_emoji_image(encode(256, 200, "gif", 3));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->format, "gif");
  auto info = links::sniff_image(r->bytes);
  ASSERT_TRUE(info);
  EXPECT_EQ(info->width, 128u);
  EXPECT_EQ(info->height, 100u);
  EXPECT_EQ(info->frame_count, 3u);
}

TEST(EmojiImage, RefusesOversizedAndNonImages) {
  auto big = prepare_emoji_image(encode(1100, 10, "png"));
  ASSERT_FALSE(big);
  EXPECT_EQ(big.error().id, "api.emoji.upload.large_image.too_large.app_error");
  auto text = prepare_emoji_image("definitely not an image");
  ASSERT_FALSE(text);
  EXPECT_EQ(text.error().id, "api.emoji.upload.image.app_error");
  EXPECT_EQ(text.error().status_code, 400);
}

}  // namespace
}  // namespace parley::app
