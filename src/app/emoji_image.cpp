// Emoji image checks and resizing with libvips, loaded on first use (see emoji_image.h).
#include "app/emoji_image.h"

#include "files/vips_api.h"
#include "links/image_info.h"

namespace parley::app {
namespace {

using files::VipsApi;

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
  const VipsApi* v = files::vips_api();
  if (!v)
    return AppError::make("api.emoji.upload.large_image.decode_error",
                          "Unable to create the emoji. An error occurred when decoding the image.",
                          500);
  // Decoding the header proves the data is an image libvips can read.
  files::VipsImagePtr header(v->image_new_from_buffer(data.data(), data.size(), "", nullptr));
  if (!header) {
    v->error_clear();
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
  if (v->thumbnail_buffer(const_cast<char*>(data.data()), data.size(), &raw, kMaxEmojiSide,
                          "height", kMaxEmojiSide, "option_string", gif ? "n=-1" : "",
                          nullptr) != 0) {
    v->error_clear();
    return AppError::make("api.emoji.upload.large_image.decode_error",
                          "Unable to create the emoji. An error occurred when decoding the image.",
                          400);
  }
  files::VipsImagePtr resized(raw);
  void* out = nullptr;
  size_t out_len = 0;
  int rc = gif ? v->gifsave_buffer(resized.get(), &out, &out_len, nullptr)
               : v->pngsave_buffer(resized.get(), &out, &out_len, nullptr);
  files::VipsBuffer owned(out);
  if (rc != 0) {
    v->error_clear();
    return AppError::make("api.emoji.upload.large_image.encode_error",
                          "Unable to create the emoji. An error occurred when encoding the image.",
                          400);
  }
  return EmojiImage{std::string(static_cast<const char*>(out), out_len), gif ? "gif" : "png"};
}

}  // namespace parley::app
