// Tests for upload image derivatives: EXIF orientation turns images upright before sizes,
// thumbnails, previews and mini previews are computed; the thumbnail covers the 120x100 box.
#include "files/images.h"

#include <vips/vips.h>

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace parley::files {
namespace {

struct Unref {
  void operator()(VipsImage* i) const { g_object_unref(i); }
};
using Image = std::unique_ptr<VipsImage, Unref>;

// A JPEG of width x height pixels carrying EXIF orientation `orientation` (1: none).
std::string make_jpeg(int width, int height, int orientation) {
  (void)image_size("");  // initialises libvips
  VipsImage* black = nullptr;
  EXPECT_EQ(vips_black(&black, width, height, "bands", 3, nullptr), 0);
  Image base(black);
  VipsImage* copy = nullptr;
  EXPECT_EQ(vips_copy(base.get(), &copy, nullptr), 0);
  Image img(copy);
  if (orientation != 1) vips_image_set_int(img.get(), VIPS_META_ORIENTATION, orientation);
  void* buf = nullptr;
  size_t len = 0;
  EXPECT_EQ(vips_jpegsave_buffer(img.get(), &buf, &len, nullptr), 0);
  std::string out(static_cast<const char*>(buf), len);
  g_free(buf);
  return out;
}

std::pair<int, int> jpeg_size(const std::string& jpeg) {
  EXPECT_EQ(jpeg.substr(0, 2), std::string("\xff\xd8", 2));
  Image img(vips_image_new_from_buffer(jpeg.data(), jpeg.size(), "", nullptr));
  EXPECT_TRUE(img);
  if (!img) return {0, 0};
  return {vips_image_get_width(img.get()), vips_image_get_height(img.get())};
}

TEST(ImagesTest, Orientation6SwapsDimensionsAndRotatesThumbnail) {
  std::string jpeg = make_jpeg(300, 150, 6);
  auto size = image_size(jpeg);
  ASSERT_TRUE(size);
  EXPECT_EQ(size->width, 150);
  EXPECT_EQ(size->height, 300);
  auto d = derive_images(jpeg);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->size.width, 150);
  EXPECT_EQ(d->size.height, 300);
  // Upright the image is tall: the thumbnail is 120 wide (unrotated it would be 200x100).
  EXPECT_EQ(jpeg_size(d->thumbnail), std::make_pair(120, 240));
  EXPECT_EQ(jpeg_size(d->preview), std::make_pair(150, 300));
  EXPECT_EQ(jpeg_size(d->mini_preview), std::make_pair(16, 16));
}

TEST(ImagesTest, UnrotatedWideImageThumbnailIs100High) {
  std::string jpeg = make_jpeg(300, 150, 1);
  auto d = derive_images(jpeg);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->size.width, 300);
  EXPECT_EQ(jpeg_size(d->thumbnail), std::make_pair(200, 100));
}

TEST(ImagesTest, SmallImagesKeepTheirSizeAndPreviewsAreCappedAt1920) {
  auto small = derive_images(make_jpeg(60, 40, 1));
  ASSERT_TRUE(small);
  EXPECT_EQ(jpeg_size(small->thumbnail), std::make_pair(60, 40));
  auto wide = derive_images(make_jpeg(3840, 200, 1));
  ASSERT_TRUE(wide);
  EXPECT_EQ(jpeg_size(wide->preview), std::make_pair(1920, 100));
  auto [tw, th] = jpeg_size(wide->thumbnail);
  EXPECT_EQ(th, 100);
  EXPECT_EQ(tw, 1920);
}

TEST(ImagesTest, UndecodableDataIsNotAnImage) {
  EXPECT_FALSE(image_size("definitely not an image"));
  EXPECT_FALSE(derive_images(std::string("\xff\xd8\xff\xe0 truncated", 16)));
}

TEST(ImagesTest, SvgSizeFromAttributesOrViewBox) {
  auto a = svg_size(
      "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
      "width=\"120px\" height='80'><rect/></svg>");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->width, 120);
  EXPECT_EQ(a->height, 80);
  auto b = svg_size("<svg stroke-width=\"3\" width=\"100%\" viewBox=\"0 0 64.5 32\"></svg>");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->width, 64);
  EXPECT_EQ(b->height, 32);
  EXPECT_FALSE(svg_size("<svg></svg>"));
  EXPECT_FALSE(svg_size("not svg"));
}

}  // namespace
}  // namespace parley::files
