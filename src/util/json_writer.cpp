// JSON text writing helpers (util/json_writer.h).
#include "util/json_writer.h"

#include <boost/json/serialize.hpp>

#include <charconv>
#include <cstdint>
#include <cstring>

namespace parley::json {

namespace {

// Whether one of the 8 bytes of `w` is below 0x20, '"' or '\\' (the "has less / has zero byte"
// tests of Bit Twiddling Hacks, exact as a yes/no answer): a clean block is copied whole.
bool block_needs_escape(uint64_t w) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHigh = 0x8080808080808080ULL;
  auto zero_byte = [&](uint64_t x) { return (x - kOnes) & ~x & kHigh; };
  return (((w - kOnes * 0x20) & ~w & kHigh) | zero_byte(w ^ (kOnes * '"')) |
          zero_byte(w ^ (kOnes * '\\'))) != 0;
}

}  // namespace

void append_string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  std::size_t plain = 0;  // start of the run of characters copied as they are
  for (std::size_t i = 0; i < s.size(); ++i) {
    uint64_t block;
    while (i + sizeof block <= s.size() &&
           (std::memcpy(&block, s.data() + i, sizeof block), !block_needs_escape(block)))
      i += sizeof block;
    if (i == s.size()) break;
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
    }
  }
  out.append(s.data() + plain, s.size() - plain);
  out += '"';
}

void append_int(std::string& out, int64_t v) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, end);
}

void append_value(std::string& out, const boost::json::value& v) {
  out += boost::json::serialize(v);
}

}  // namespace parley::json
