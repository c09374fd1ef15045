// Custom emoji images as Mattermost stores them: a GIF, PNG, JPEG or WebP of at most 1028x1028
// pixels, scaled down with libvips (loaded on first use) to fit 128x128 when larger (animated
// GIFs stay animated GIFs, other formats become PNG); smaller images are kept byte for byte.
#pragma once

#include "util/app_error.h"

#include <string>
#include <string_view>

namespace parley::app {

inline constexpr std::size_t kMaxEmojiFileSize = 512 * 1024;  // MaxEmojiFileSize
inline constexpr int kMaxEmojiSide = 128;
inline constexpr int kMaxEmojiOriginalSide = 1028;

struct EmojiImage {
  std::string bytes;
  std::string format;  // "gif", "png", "jpeg", "webp": the Content-Type is image/<format>
};

// 400 api.emoji.upload.image.app_error when not a decodable image,
// 400 api.emoji.upload.large_image.too_large.app_error above 1028x1028.
Result<EmojiImage> prepare_emoji_image(std::string_view data);

// The image format of stored emoji bytes ("" when unknown).
std::string emoji_image_format(std::string_view data);

}  // namespace parley::app
