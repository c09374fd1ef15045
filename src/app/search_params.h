// Mattermost's search syntax as a pure parser: words, "quoted phrases", -excluded terms,
// #hashtags, prefix* wildcards and the from:/in:/channel:/before:/after:/on:/ext: flags (each
// negatable with a leading "-"), split into one SearchParams per kind of term as Mattermost's
// model.ParseSearchParams does; plus the day arithmetic behind before:/after:/on:.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace parley::app {

struct SearchParams {
  // Words (a trailing "*" asks for a prefix match) and phrases, quotes kept: "\"a b\"".
  std::vector<std::string> terms;
  std::vector<std::string> excluded_terms;
  bool is_hashtag = false;  // terms are "#tags" matched against Posts.Hashtags
  std::vector<std::string> in_channels;
  std::vector<std::string> excluded_channels;
  std::vector<std::string> from_users;
  std::vector<std::string> excluded_users;
  std::string after_date;
  std::string excluded_after_date;
  std::string before_date;
  std::string excluded_before_date;
  std::string on_date;
  std::string excluded_date;
  std::vector<std::string> extensions;
  std::vector<std::string> excluded_extensions;
  int time_zone_offset = 0;  // seconds east of UTC
};

// Parses the search box text. Returns up to two entries (plain terms, hashtags), or one with
// no terms when only flags were given, or none for an empty search.
std::vector<SearchParams> parse_search_params(std::string_view text, int time_zone_offset);

// Mattermost's splitWords: whitespace-separated words, a "quoted section" (with a "-" just
// before it) kept as one word.
std::vector<std::string> split_search_words(std::string_view text);

// Mattermost's validHashtag: "#", a letter, then letters, digits, "-", "_" or ".", ending with a
// letter or digit.
bool is_search_hashtag(std::string_view word);

// Days since 1970-01-01 of "YYYY-MM-DD" (month and day may have one digit); nullopt when
// malformed or not a calendar date.
std::optional<int64_t> parse_search_day(std::string_view date);

// First and last millisecond of `day` in the zone `time_zone_offset` seconds east of UTC.
int64_t start_of_day_ms(int64_t day, int time_zone_offset);
int64_t end_of_day_ms(int64_t day, int time_zone_offset);

// The CreateAt constraints the date flags put on results (Mattermost's
// buildCreateDateFilterClause): on: alone wins; otherwise after:/before: and their exclusions
// bound the range and -on: cuts a day out.
struct CreateAtFilter {
  std::optional<int64_t> from;                        // CreateAt >= from
  std::optional<int64_t> to;                          // CreateAt <= to
  std::vector<std::pair<int64_t, int64_t>> excluded;  // CreateAt NOT BETWEEN first AND second
};
CreateAtFilter create_at_filter(const SearchParams& p, int64_t now_ms);

}  // namespace parley::app
