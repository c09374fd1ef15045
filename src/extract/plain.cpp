// Mattermost's plain extractor: a file is text when the runes of its first KiB are all graphic
// (letters, marks, numbers, punctuation, symbols, spaces) or white space. Like Go's
// utf8.DecodeRune, a byte that does not start valid UTF-8 reads as U+FFFD, which is graphic.
// Non-graphic runes are recognised by their ranges: controls, format characters, private use
// and noncharacters (unassigned code points are not told apart: they pass). Also the cleaning
// of extracted text before it is stored.
#include "extract/extract.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>

namespace parley::extract {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

// Go's utf8.DecodeRune: the rune and its length; (U+FFFD, 1) for invalid or truncated input.
std::pair<char32_t, std::size_t> decode_rune(std::string_view s) {
  auto b = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  if (s.empty()) return {kReplacement, 0};
  unsigned char c = b(0);
  if (c < 0x80) return {c, 1};
  std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
  if (n == 0 || c > 0xF4 || s.size() < n) return {kReplacement, 1};
  char32_t r = c & (0x7F >> n);
  for (std::size_t i = 1; i < n; ++i) {
    if ((b(i) & 0xC0) != 0x80) return {kReplacement, 1};
    r = (r << 6) | (b(i) & 0x3F);
  }
  bool overlong = (n == 3 && r < 0x800) || (n == 4 && r < 0x10000);
  if (overlong || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF)) return {kReplacement, 1};
  return {r, n};
}

bool is_white_space(char32_t r) {
  return (r >= 0x09 && r <= 0x0D) || r == 0x20 || r == 0x85 || r == 0xA0 || r == 0x1680 ||
         (r >= 0x2000 && r <= 0x200A) || r == 0x2028 || r == 0x2029 || r == 0x202F || r == 0x205F ||
         r == 0x3000;
}

// Controls (Cc), format characters (Cf), private use (Co) and noncharacters.
bool is_not_graphic(char32_t r) {
  static constexpr std::array<std::pair<char32_t, char32_t>, 28> kRanges{{
      {0x00, 0x1F},       {0x7F, 0x9F},       {0xAD, 0xAD},       {0x600, 0x605},
      {0x61C, 0x61C},     {0x6DD, 0x6DD},     {0x70F, 0x70F},     {0x890, 0x891},
      {0x8E2, 0x8E2},     {0x180E, 0x180E},   {0x200B, 0x200F},   {0x202A, 0x202E},
      {0x2060, 0x2064},   {0x2066, 0x206F},   {0xE000, 0xF8FF},   {0xFDD0, 0xFDEF},
      {0xFEFF, 0xFEFF},   {0xFFF9, 0xFFFB},   {0xFFFE, 0xFFFF},   {0x110BD, 0x110BD},
      {0x110CD, 0x110CD}, {0x13430, 0x1343F}, {0x1BCA0, 0x1BCA3}, {0x1D173, 0x1D17A},
      {0xE0001, 0xE0001}, {0xE0020, 0xE007F}, {0xF0000, 0xFFFFD}, {0x100000, 0x10FFFD},
  }};
  for (auto [lo, hi] : kRanges)
    if (r >= lo && r <= hi) return true;
  return false;
}

}  // namespace

std::optional<std::string> plain_text(std::string_view data) {
  if (data.empty()) return std::string();
  std::string_view head = data.substr(0, 1024);
  // As Mattermost: the last few bytes of the KiB are not checked (a rune may be cut there).
  const auto total = static_cast<std::ptrdiff_t>(head.size());
  std::ptrdiff_t at = 0;
  for (;;) {
    auto [r, size] = decode_rune(head.substr(static_cast<std::size_t>(at)));
    if (size == 0) break;
    if (is_not_graphic(r) && !is_white_space(r)) return std::nullopt;
    at += static_cast<std::ptrdiff_t>(size);
    if (at > total - 4) break;
  }
  return std::string(data);
}

std::string storable_text(std::string_view text, std::size_t max_bytes) {
  static constexpr std::string_view kReplacementUtf8 = "\xEF\xBF\xBD";
  std::string out;
  out.reserve(std::min(text.size(), max_bytes));
  while (!text.empty()) {
    auto [r, size] = decode_rune(text);
    std::string_view piece =
        r == kReplacement && size == 1 ? kReplacementUtf8 : text.substr(0, size);
    text.remove_prefix(size);
    if (r == 0) continue;
    if (out.size() + piece.size() > max_bytes) break;
    out += piece;
  }
  return out;
}

}  // namespace parley::extract
