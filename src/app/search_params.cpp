// Mattermost's search text parser (model/search_params.go semantics, our own code) and the day
// arithmetic of the date flags.
#include "app/search_params.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace parley::app {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// \pL approximated as ASCII letters plus every byte of a multi-byte UTF-8 sequence, so that
// trimming never cuts a character in half.
bool is_letter_byte(unsigned char c) {
  return std::isalpha(c) || c >= 0x80;
}
bool is_digit_byte(unsigned char c) {
  return c >= '0' && c <= '9';
}

std::vector<std::string> fields(std::string_view s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && is_space(s[i])) ++i;
    std::size_t start = i;
    while (i < s.size() && !is_space(s[i])) ++i;
    if (i > start) out.emplace_back(s.substr(start, i - start));
  }
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// Leading characters other than letters, digits, spaces, "#" and '"' go; trailing ones other
// than letters, digits, spaces, "*" and '"' go; "##tag" becomes "#tag".
std::string trim_term(std::string w) {
  std::size_t b = 0;
  while (b < w.size()) {
    auto c = static_cast<unsigned char>(w[b]);
    if (is_letter_byte(c) || is_digit_byte(c) || is_space(w[b]) || c == '#' || c == '"') break;
    ++b;
  }
  w.erase(0, b);
  while (!w.empty()) {
    auto c = static_cast<unsigned char>(w.back());
    if (is_letter_byte(c) || is_digit_byte(c) || is_space(w.back()) || c == '*' || c == '"') break;
    w.pop_back();
  }
  std::size_t hashes = 0;
  while (hashes < w.size() && w[hashes] == '#') ++hashes;
  if (hashes >= 2) w.erase(0, hashes - 1);
  return w;
}

struct Flag {
  std::string name;
  std::string value;
  bool exclude = false;
};
struct Word {
  std::string value;
  bool exclude = false;
};

constexpr std::array<std::string_view, 7> kFlags = {"from",  "channel", "in", "before",
                                                    "after", "on",      "ext"};

void parse_words(const std::vector<std::string>& input, std::vector<Word>& words,
                 std::vector<Flag>& flags) {
  for (std::size_t i = 0; i < input.size(); ++i) {
    const std::string& word = input[i];
    bool is_flag = false;
    if (auto colon = word.find(':'); colon != std::string::npos) {
      bool exclude = word.starts_with('-');
      std::string_view name = exclude ? std::string_view(word).substr(1, colon - 1)
                                      : std::string_view(word).substr(0, colon);
      std::string value = word.substr(colon + 1);
      for (auto known : kFlags) {
        if (!iequals(name, known)) continue;
        if (!value.empty()) {
          flags.push_back({std::string(known), value, exclude});
          is_flag = true;
        } else if (i + 1 < input.size()) {
          flags.push_back({std::string(known), input[i + 1], exclude});
          ++i;
          is_flag = true;
        }
        if (is_flag) break;
      }
    }
    if (is_flag) continue;
    bool exclude = word.starts_with('-');
    std::string value = trim_term(word);
    if (!value.empty()) words.push_back({std::move(value), exclude});
  }
}

bool has_flags(const SearchParams& p) {
  return !p.in_channels.empty() || !p.from_users.empty() || !p.excluded_channels.empty() ||
         !p.excluded_users.empty() || !p.extensions.empty() || !p.excluded_extensions.empty() ||
         !p.after_date.empty() || !p.excluded_after_date.empty() || !p.before_date.empty() ||
         !p.excluded_before_date.empty() || !p.on_date.empty() || !p.excluded_date.empty();
}

// Days since the epoch of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

bool digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

constexpr int64_t kDayMs = 86'400'000;

}  // namespace

std::vector<std::string> split_search_words(std::string_view text) {
  std::vector<std::string> words;
  bool in_quote = false;
  std::size_t location = 0;
  auto append_fields = [&](std::string_view part) {
    for (auto& f : fields(part)) words.push_back(std::move(f));
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '"') continue;
    if (in_quote) {
      words.emplace_back(text.substr(location, i + 1 - location));
      in_quote = false;
      location = i + 1;
    } else {
      std::size_t next = (i > 0 && text[i - 1] == '-') ? i - 1 : i;
      append_fields(text.substr(location, next - location));
      in_quote = true;
      location = next;
    }
  }
  append_fields(text.substr(location));
  return words;
}

bool is_search_hashtag(std::string_view w) {
  if (w.size() < 3 || w[0] != '#') return false;
  auto letter = [](char c) { return is_letter_byte(static_cast<unsigned char>(c)); };
  auto digit = [](char c) { return is_digit_byte(static_cast<unsigned char>(c)); };
  if (!letter(w[1])) return false;
  if (!letter(w.back()) && !digit(w.back())) return false;
  return std::all_of(w.begin() + 2, w.end() - 1, [&](char c) {
    return letter(c) || digit(c) || c == '-' || c == '_' || c == '.';
  });
}

std::vector<SearchParams> parse_search_params(std::string_view text, int time_zone_offset) {
  std::vector<Word> words;
  std::vector<Flag> flags;
  parse_words(split_search_words(text), words, flags);

  SearchParams base;
  base.time_zone_offset = time_zone_offset;
  for (auto& f : flags) {
    if (f.name == "in" || f.name == "channel")
      (f.exclude ? base.excluded_channels : base.in_channels).push_back(f.value);
    else if (f.name == "from")
      (f.exclude ? base.excluded_users : base.from_users).push_back(f.value);
    else if (f.name == "after")
      (f.exclude ? base.excluded_after_date : base.after_date) = f.value;
    else if (f.name == "before")
      (f.exclude ? base.excluded_before_date : base.before_date) = f.value;
    else if (f.name == "on")
      (f.exclude ? base.excluded_date : base.on_date) = f.value;
    else if (f.name == "ext")
      (f.exclude ? base.excluded_extensions : base.extensions).push_back(f.value);
  }

  SearchParams plain = base;
  SearchParams tags = base;
  tags.is_hashtag = true;
  for (auto& w : words) {
    SearchParams& into = is_search_hashtag(w.value) ? tags : plain;
    (w.exclude ? into.excluded_terms : into.terms).push_back(std::move(w.value));
  }

  std::vector<SearchParams> out;
  bool has_plain = !plain.terms.empty() || !plain.excluded_terms.empty();
  bool has_tags = !tags.terms.empty() || !tags.excluded_terms.empty();
  if (has_plain) out.push_back(std::move(plain));
  if (has_tags) out.push_back(std::move(tags));
  if (!has_plain && !has_tags && has_flags(base)) out.push_back(std::move(base));
  return out;
}

std::optional<int64_t> parse_search_day(std::string_view date) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    auto dash = date.find('-', start);
    parts.emplace_back(date.substr(start, dash == std::string_view::npos ? dash : dash - start));
    if (dash == std::string_view::npos) break;
    start = dash + 1;
  }
  if (parts.size() != 3) return std::nullopt;
  for (auto& p : parts)
    if (p.size() == 1) p = "0" + p;
  if (parts[0].size() != 4 || parts[1].size() != 2 || parts[2].size() != 2) return std::nullopt;
  if (!digits(parts[0]) || !digits(parts[1]) || !digits(parts[2])) return std::nullopt;
  int64_t y = std::stoi(parts[0]);
  unsigned m = static_cast<unsigned>(std::stoi(parts[1]));
  unsigned d = static_cast<unsigned>(std::stoi(parts[2]));
  if (m < 1 || m > 12 || d < 1) return std::nullopt;
  static constexpr std::array<unsigned, 12> kDays = {31, 28, 31, 30, 31, 30,
                                                     31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  unsigned max_day = kDays[m - 1] + (m == 2 && leap ? 1 : 0);
  if (d > max_day) return std::nullopt;
  return days_from_civil(y, m, d);
}

int64_t start_of_day_ms(int64_t day, int time_zone_offset) {
  return day * kDayMs - static_cast<int64_t>(time_zone_offset) * 1000;
}

int64_t end_of_day_ms(int64_t day, int time_zone_offset) {
  return start_of_day_ms(day, time_zone_offset) + kDayMs - 1;
}

CreateAtFilter create_at_filter(const SearchParams& p, int64_t now_ms) {
  CreateAtFilter f;
  int tz = p.time_zone_offset;
  auto at_least = [&](int64_t v) { f.from = f.from ? std::max(*f.from, v) : v; };
  auto at_most = [&](int64_t v) { f.to = f.to ? std::min(*f.to, v) : v; };
  // A malformed date: after: counts from today, before:/on: match nothing (as Mattermost).
  int64_t today = now_ms >= 0 ? now_ms / kDayMs : (now_ms - kDayMs + 1) / kDayMs;
  if (!p.on_date.empty()) {
    if (auto day = parse_search_day(p.on_date)) {
      at_least(start_of_day_ms(*day, tz));
      at_most(end_of_day_ms(*day, tz));
    } else {
      at_least(0);
      at_most(0);
    }
    return f;
  }
  if (!p.excluded_date.empty()) {
    if (auto day = parse_search_day(p.excluded_date))
      f.excluded.emplace_back(start_of_day_ms(*day, tz), end_of_day_ms(*day, tz));
    else
      f.excluded.emplace_back(0, 0);
  }
  if (!p.after_date.empty())
    at_least(start_of_day_ms(parse_search_day(p.after_date).value_or(today) + 1, tz));
  if (!p.before_date.empty()) {
    auto day = parse_search_day(p.before_date);
    at_most(day ? end_of_day_ms(*day - 1, tz) : 0);
  }
  if (!p.excluded_after_date.empty())
    at_most(start_of_day_ms(parse_search_day(p.excluded_after_date).value_or(today) + 1, tz) - 1);
  if (!p.excluded_before_date.empty()) {
    auto day = parse_search_day(p.excluded_before_date);
    at_least(day ? end_of_day_ms(*day - 1, tz) + 1 : 1);
  }
  return f;
}

}  // namespace parley::app
