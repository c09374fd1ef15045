// Format and pixel size of an image read from the first bytes of the file (PNG, GIF, JPEG, WebP,
// BMP), for metadata.images of posts that link to images.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace parley::links {

struct ImageInfo {
  std::string format;  // "png", "gif", "jpeg", "webp", "bmp"
  uint32_t width = 0;
  uint32_t height = 0;
  uint32_t frame_count = 0;  // GIF only: frames found in the bytes read
};

std::optional<ImageInfo> sniff_image(std::string_view bytes);

}  // namespace parley::links
