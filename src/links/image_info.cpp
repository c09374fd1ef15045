// Image header sniffing (see image_info.h): reads only fixed header fields, never decodes pixels.
#include "links/image_info.h"

namespace parley::links {
namespace {

uint32_t be16(std::string_view b, std::size_t i) {
  return (static_cast<uint8_t>(b[i]) << 8) | static_cast<uint8_t>(b[i + 1]);
}
uint32_t le16(std::string_view b, std::size_t i) {
  return (static_cast<uint8_t>(b[i + 1]) << 8) | static_cast<uint8_t>(b[i]);
}
uint32_t be32(std::string_view b, std::size_t i) {
  return (be16(b, i) << 16) | be16(b, i + 2);
}
uint32_t le24(std::string_view b, std::size_t i) {
  return le16(b, i) | (static_cast<uint8_t>(b[i + 2]) << 16);
}
uint32_t le32(std::string_view b, std::size_t i) {
  return le16(b, i) | (le16(b, i + 2) << 16);
}

// Walks GIF blocks to count image descriptors; stops quietly at truncated data.
uint32_t gif_frames(std::string_view b) {
  std::size_t pos = 13;
  auto flags = static_cast<uint8_t>(b[10]);
  if (flags & 0x80) pos += 3u * (1u << ((flags & 7) + 1));
  uint32_t frames = 0;
  auto skip_sub_blocks = [&] {
    while (pos < b.size()) {
      auto len = static_cast<uint8_t>(b[pos]);
      pos += 1 + len;
      if (len == 0) return true;
    }
    return false;
  };
  while (pos < b.size()) {
    auto tag = static_cast<uint8_t>(b[pos]);
    if (tag == 0x3B) break;
    if (tag == 0x21) {
      pos += 2;
      if (!skip_sub_blocks()) break;
    } else if (tag == 0x2C) {
      if (pos + 10 > b.size()) break;
      ++frames;
      auto f = static_cast<uint8_t>(b[pos + 9]);
      pos += 10;
      if (f & 0x80) pos += 3u * (1u << ((f & 7) + 1));
      pos += 1;  // LZW minimum code size
      if (!skip_sub_blocks()) break;
    } else {
      break;
    }
  }
  return frames;
}

std::optional<ImageInfo> jpeg(std::string_view b) {
  std::size_t pos = 2;
  while (pos + 4 <= b.size()) {
    if (static_cast<uint8_t>(b[pos]) != 0xFF) return std::nullopt;
    auto marker = static_cast<uint8_t>(b[pos + 1]);
    if (marker == 0xFF) {
      ++pos;
      continue;
    }
    if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
      pos += 2;
      continue;
    }
    uint32_t len = be16(b, pos + 2);
    bool sof =
        marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (sof) {
      if (pos + 9 > b.size()) return std::nullopt;
      return ImageInfo{"jpeg", be16(b, pos + 7), be16(b, pos + 5), 0};
    }
    if (len < 2) return std::nullopt;
    pos += 2 + len;
  }
  return std::nullopt;
}

}  // namespace

std::optional<ImageInfo> sniff_image(std::string_view b) {
  if (b.size() >= 24 && b.substr(0, 8) == "\x89PNG\r\n\x1a\n" && b.substr(12, 4) == "IHDR")
    return ImageInfo{"png", be32(b, 16), be32(b, 20), 0};
  if (b.size() >= 13 && (b.substr(0, 6) == "GIF87a" || b.substr(0, 6) == "GIF89a"))
    return ImageInfo{"gif", le16(b, 6), le16(b, 8), gif_frames(b)};
  if (b.size() >= 4 && static_cast<uint8_t>(b[0]) == 0xFF && static_cast<uint8_t>(b[1]) == 0xD8)
    return jpeg(b);
  if (b.size() >= 30 && b.substr(0, 4) == "RIFF" && b.substr(8, 4) == "WEBP") {
    auto chunk = b.substr(12, 4);
    if (chunk == "VP8X") return ImageInfo{"webp", le24(b, 24) + 1, le24(b, 27) + 1, 0};
    if (chunk == "VP8 " && b.size() >= 30)
      return ImageInfo{"webp", le16(b, 26) & 0x3FFF, le16(b, 28) & 0x3FFF, 0};
    if (chunk == "VP8L" && b.size() >= 25) {
      uint32_t bits = le32(b, 21);
      return ImageInfo{"webp", (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1, 0};
    }
  }
  if (b.size() >= 26 && b.substr(0, 2) == "BM") {
    auto h = static_cast<int32_t>(le32(b, 22));
    return ImageInfo{"bmp", le32(b, 18), static_cast<uint32_t>(h < 0 ? -h : h), 0};
  }
  return std::nullopt;
}

}  // namespace parley::links
