// A minimal PNG encoder (8-bit truecolour, no interlace) for generated images.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace parley::png {

// Encodes `rgb` (width * height pixels, 3 bytes each, rows top to bottom) as a PNG file.
// Throws std::invalid_argument when the sizes do not match.
std::string encode_rgb(uint32_t width, uint32_t height, std::string_view rgb);

}  // namespace parley::png
