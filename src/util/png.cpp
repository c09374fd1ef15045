// PNG encoding: signature, IHDR, one zlib-compressed IDAT (filter 0 on every row), IEND.
#include "util/png.h"

#include <zlib.h>

#include <stdexcept>

namespace parley::png {
namespace {

void put_u32(std::string& out, uint32_t v) {
  out.push_back(static_cast<char>((v >> 24) & 0xff));
  out.push_back(static_cast<char>((v >> 16) & 0xff));
  out.push_back(static_cast<char>((v >> 8) & 0xff));
  out.push_back(static_cast<char>(v & 0xff));
}

// length, type, data, CRC-32 over type and data.
void put_chunk(std::string& out, std::string_view type, std::string_view data) {
  put_u32(out, static_cast<uint32_t>(data.size()));
  std::size_t type_at = out.size();
  out.append(type);
  out.append(data);
  uLong crc = crc32(0L, Z_NULL, 0);
  crc = crc32(crc, reinterpret_cast<const Bytef*>(out.data() + type_at),
              static_cast<uInt>(type.size() + data.size()));
  put_u32(out, static_cast<uint32_t>(crc));
}

}  // namespace

std::string encode_rgb(uint32_t width, uint32_t height, std::string_view rgb) {
  if (width == 0 || height == 0 || rgb.size() != std::size_t{width} * height * 3)
    throw std::invalid_argument("png: pixel buffer does not match the image size");
  std::string raw;
  raw.reserve((std::size_t{width} * 3 + 1) * height);
  for (uint32_t y = 0; y < height; ++y) {
    raw.push_back('\0');  // filter type 0 (None)
    raw.append(rgb.substr(std::size_t{y} * width * 3, std::size_t{width} * 3));
  }
  uLongf packed_size = compressBound(static_cast<uLong>(raw.size()));
  std::string packed(packed_size, '\0');
  int rc = compress2(reinterpret_cast<Bytef*>(packed.data()), &packed_size,
                     reinterpret_cast<const Bytef*>(raw.data()), static_cast<uLong>(raw.size()),
                     Z_BEST_COMPRESSION);
  if (rc != Z_OK) throw std::runtime_error("png: zlib compression failed");
  packed.resize(packed_size);

  std::string out("\x89PNG\r\n\x1a\n", 8);
  std::string ihdr;
  put_u32(ihdr, width);
  put_u32(ihdr, height);
  ihdr.push_back(8);  // bit depth
  ihdr.push_back(2);  // colour type: truecolour
  ihdr.push_back(0);  // compression: deflate
  ihdr.push_back(0);  // filter method
  ihdr.push_back(0);  // no interlace
  put_chunk(out, "IHDR", ihdr);
  put_chunk(out, "IDAT", packed);
  put_chunk(out, "IEND", {});
  return out;
}

}  // namespace parley::png
