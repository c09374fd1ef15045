// Emoji image checks and resizing with libvips (see emoji_image.h).
#include "app/emoji_image.h"

#include "links/image_info.h"

#include <vips/vips.h>

#include <memory>

namespace parley::app {
namespace {

bool vips_ready() {
  static const bool ready = VIPS_INIT("parley") == 0;
  return ready;
}

struct GObjectDeleter {
  void operator()(VipsImage* i) const { g_object_unref(i); }
};
using VipsPtr = std::unique_ptr<VipsImage, GObjectDeleter>;

struct GFreeDeleter {
  void operator()(void* p) const { g_free(p); }
};

AppError not_an_image() {
  return AppError::make("api.emoji.upload.image.app_error",
                        "Unable to create the emoji. File must be a PNG, JPEG, or GIF.", 400);
}

}  // namespace

std::string emoji_image_format(std::string_view data) {
  auto info = links::sniff_image(data);
  return info ? info->format : "";
}

Result<EmojiImage> prepare_emoji_image(std::string_view data) {
  auto info = links::sniff_image(data);
  if (!info || info->format == "bmp" || info->width == 0 || info->height == 0)
    return not_an_image();
  if (!vips_ready())
    return AppError::make("api.emoji.upload.large_image.decode_error",
                          "Unable to create the emoji. An error occurred when decoding the image.",
                          500);
  // Decoding the header proves the data is an image libvips can read.
  VipsPtr header(vips_image_new_from_buffer(data.data(), data.size(), "", nullptr));
  if (!header) {
    vips_error_clear();
    return not_an_image();
  }
  if (static_cast<int>(info->width) > kMaxEmojiOriginalSide ||
      static_cast<int>(info->height) > kMaxEmojiOriginalSide)
    return AppError::make("api.emoji.upload.large_image.too_large.app_error",
                          "Unable to create emoji. Image must be less than 1028 by 1028 pixels.",
                          400);
  if (static_cast<int>(info->width) <= kMaxEmojiSide &&
      static_cast<int>(info->height) <= kMaxEmojiSide)
    return EmojiImage{std::string(data), info->format};

  bool gif = info->format == "gif";
  VipsImage* raw = nullptr;
  if (vips_thumbnail_buffer(const_cast<char*>(data.data()), data.size(), &raw, kMaxEmojiSide,
                            "height", kMaxEmojiSide, "option_string", gif ? "n=-1" : "",
                            nullptr) != 0) {
    vips_error_clear();
    return AppError::make("api.emoji.upload.large_image.decode_error",
                          "Unable to create the emoji. An error occurred when decoding the image.",
                          400);
  }
  VipsPtr resized(raw);
  void* out = nullptr;
  size_t out_len = 0;
  int rc = gif ? vips_gifsave_buffer(resized.get(), &out, &out_len, nullptr)
               : vips_pngsave_buffer(resized.get(), &out, &out_len, nullptr);
  std::unique_ptr<void, GFreeDeleter> owned(out);
  if (rc != 0) {
    vips_error_clear();
    return AppError::make("api.emoji.upload.large_image.encode_error",
                          "Unable to create the emoji. An error occurred when encoding the image.",
                          400);
  }
  return EmojiImage{std::string(static_cast<const char*>(out), out_len), gif ? "gif" : "png"};
}

}  // namespace parley::app
