// Test support: a strict reader for the PNGs Parley writes (8-bit RGB, filter 0), checking the
// signature, chunk CRCs and IHDR, and returning the pixels.
#pragma once

#include <zlib.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace parley::test {

struct DecodedPng {
  uint32_t width = 0;
  uint32_t height = 0;
  int bit_depth = 0;
  int colour_type = 0;
  std::string rgb;  // width * height * 3
  // RGB of one pixel.
  std::string pixel(uint32_t x, uint32_t y) const { return rgb.substr((y * width + x) * 3, 3); }
};

inline uint32_t read_u32(std::string_view s, std::size_t at) {
  auto b = [&](std::size_t i) { return static_cast<uint32_t>(static_cast<unsigned char>(s[i])); };
  return b(at) << 24 | b(at + 1) << 16 | b(at + 2) << 8 | b(at + 3);
}

inline DecodedPng decode_png(std::string_view png) {
  if (png.substr(0, 8) != std::string_view("\x89PNG\r\n\x1a\n", 8))
    throw std::runtime_error("bad signature");
  DecodedPng out;
  std::string idat;
  std::size_t at = 8;
  bool first = true, ended = false;
  while (at + 12 <= png.size()) {
    uint32_t len = read_u32(png, at);
    std::string_view type = png.substr(at + 4, 4);
    std::string_view data = png.substr(at + 8, len);
    uint32_t crc = read_u32(png, at + 8 + len);
    uLong want = crc32(0L, Z_NULL, 0);
    want = crc32(want, reinterpret_cast<const Bytef*>(png.data() + at + 4), len + 4);
    if (crc != static_cast<uint32_t>(want)) throw std::runtime_error("bad CRC");
    if (first && type != "IHDR") throw std::runtime_error("IHDR is not first");
    first = false;
    if (type == "IHDR") {
      if (len != 13) throw std::runtime_error("bad IHDR length");
      out.width = read_u32(data, 0);
      out.height = read_u32(data, 4);
      out.bit_depth = static_cast<unsigned char>(data[8]);
      out.colour_type = static_cast<unsigned char>(data[9]);
      if (data[10] != 0 || data[11] != 0 || data[12] != 0)
        throw std::runtime_error("unexpected compression/filter/interlace");
    } else if (type == "IDAT") {
      idat.append(data);
    } else if (type == "IEND") {
      ended = true;
    }
    at += 12 + len;
  }
  if (!ended || at != png.size()) throw std::runtime_error("missing IEND or trailing bytes");
  std::size_t row = std::size_t{out.width} * 3 + 1;
  std::string raw(row * out.height, '\0');
  uLongf raw_len = raw.size();
  if (uncompress(reinterpret_cast<Bytef*>(raw.data()), &raw_len,
                 reinterpret_cast<const Bytef*>(idat.data()), idat.size()) != Z_OK ||
      raw_len != raw.size())
    throw std::runtime_error("bad IDAT");
  for (uint32_t y = 0; y < out.height; ++y) {
    if (raw[y * row] != 0) throw std::runtime_error("unexpected filter");
    out.rgb.append(raw, y * row + 1, row - 1);
  }
  return out;
}

}  // namespace parley::test
