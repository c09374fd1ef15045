// Tests for the search text parser (Mattermost's ParseSearchParams semantics): words, phrases,
// exclusions, hashtags, wildcards, every flag with and without "-", flag values in the next
// word, punctuation trimming, and the date arithmetic of before:/after:/on: with time zones.
#include "app/search_params.h"

#include <gtest/gtest.h>

namespace parley::app {
namespace {

using Strings = std::vector<std::string>;

TEST(SearchParams, EmptyTextGivesNothing) {
  EXPECT_TRUE(parse_search_params("", 0).empty());
  EXPECT_TRUE(parse_search_params("   ", 0).empty());
  EXPECT_TRUE(parse_search_params("!!! ...", 0).empty());
}

TEST(SearchParams, PlainWords) {
  auto p = parse_search_params("apple  banana\tcherry", 0);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].terms, (Strings{"apple", "banana", "cherry"}));
  EXPECT_TRUE(p[0].excluded_terms.empty());
  EXPECT_FALSE(p[0].is_hashtag);
}

TEST(SearchParams, QuotedPhraseIsOneTerm) {
  auto p = parse_search_params("before \"big red dog\" after", 0);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].terms, (Strings{"before", "\"big red dog\"", "after"}));
}

TEST(SearchParams, ExcludedWordsAndPhrases) {
  auto p = parse_search_params("cat -dog -\"hot dog\"", 0);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].terms, (Strings{"cat"}));
  EXPECT_EQ(p[0].excluded_terms, (Strings{"dog", "\"hot dog\""}));
}

TEST(SearchParams, UnclosedQuoteKeepsWords) {
  EXPECT_EQ(split_search_words("a \"b c"), (Strings{"a", "\"b", "c"}));
}

TEST(SearchParams, PunctuationTrimmedWildcardKept) {
  auto p = parse_search_params("(hello), wor* 'quoted' ...", 0);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].terms, (Strings{"hello", "wor*", "quoted"}));
}

TEST(SearchParams, HashtagsGetTheirOwnParams) {
  auto p = parse_search_params("deploy #release -#broken ##double", 0);
  ASSERT_EQ(p.size(), 2u);
  EXPECT_FALSE(p[0].is_hashtag);
  EXPECT_EQ(p[0].terms, (Strings{"deploy"}));
  EXPECT_TRUE(p[1].is_hashtag);
  EXPECT_EQ(p[1].terms, (Strings{"#release", "#double"}));
  EXPECT_EQ(p[1].excluded_terms, (Strings{"#broken"}));
}

TEST(SearchParams, InvalidHashtagIsAPlainWord) {
  auto p = parse_search_params("#1abc #a", 0);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_FALSE(p[0].is_hashtag);
  EXPECT_EQ(p[0].terms, (Strings{"#1abc", "#a"}));
  EXPECT_TRUE(is_search_hashtag("#ab"));
  EXPECT_TRUE(is_search_hashtag("#a.b-c_d"));
  EXPECT_FALSE(is_search_hashtag("#ab-"));
}

TEST(SearchParams, Flags) {
  auto p = parse_search_params(
      "from:alice in:town-square channel:~dev -from:bob -in:random after:2024-01-02 "
      "before:2024-02-03 on:2024-01-15 -after:2024-03-01 -before:2023-01-01 -on:2024-01-10 "
      "ext:pdf -ext:exe word",
      3600);
  ASSERT_EQ(p.size(), 1u);
  const auto& s = p[0];
  EXPECT_EQ(s.terms, (Strings{"word"}));
  EXPECT_EQ(s.from_users, (Strings{"alice"}));
  EXPECT_EQ(s.excluded_users, (Strings{"bob"}));
  EXPECT_EQ(s.in_channels, (Strings{"town-square", "~dev"}));
  EXPECT_EQ(s.excluded_channels, (Strings{"random"}));
  EXPECT_EQ(s.after_date, "2024-01-02");
  EXPECT_EQ(s.before_date, "2024-02-03");
  EXPECT_EQ(s.on_date, "2024-01-15");
  EXPECT_EQ(s.excluded_after_date, "2024-03-01");
  EXPECT_EQ(s.excluded_before_date, "2023-01-01");
  EXPECT_EQ(s.excluded_date, "2024-01-10");
  EXPECT_EQ(s.extensions, (Strings{"pdf"}));
  EXPECT_EQ(s.excluded_extensions, (Strings{"exe"}));
  EXPECT_EQ(s.time_zone_offset, 3600);
}

TEST(SearchParams, FlagNamesAreCaseInsensitive) {
  auto p = parse_search_params("FROM:alice In:dev", 0);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_TRUE(p[0].terms.empty());
  EXPECT_EQ(p[0].from_users, (Strings{"alice"}));
  EXPECT_EQ(p[0].in_channels, (Strings{"dev"}));
}

TEST(SearchParams, FlagValueInTheNextWord) {
  auto p = parse_search_params("from: alice hello in:", 0);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].from_users, (Strings{"alice"}));
  // A trailing "in:" without a value is a word (trimmed to "in").
  EXPECT_EQ(p[0].terms, (Strings{"hello", "in"}));
}

TEST(SearchParams, UnknownFlagIsAWord) {
  auto p = parse_search_params("http://example.com", 0);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].terms, (Strings{"http://example.com"}));
}

TEST(SearchParams, FlagsOnlyGiveOneParamsWithoutTerms) {
  auto p = parse_search_params("from:alice", 0);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_TRUE(p[0].terms.empty());
  EXPECT_FALSE(p[0].is_hashtag);
}

TEST(SearchParams, FlagsAreSharedByBothKinds) {
  auto p = parse_search_params("in:dev word #tag", 0);
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0].in_channels, (Strings{"dev"}));
  EXPECT_EQ(p[1].in_channels, (Strings{"dev"}));
}

TEST(SearchParams, QuotedFlagIsNotAFlag) {
  auto p = parse_search_params("\"from:alice\"", 0);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_TRUE(p[0].from_users.empty());
  EXPECT_EQ(p[0].terms, (Strings{"\"from:alice\""}));
}

TEST(SearchDates, ParseDay) {
  EXPECT_EQ(parse_search_day("1970-01-01"), 0);
  EXPECT_EQ(parse_search_day("1970-1-2"), 1);
  EXPECT_EQ(parse_search_day("2024-02-29"), 19782);
  EXPECT_FALSE(parse_search_day("2023-02-29"));
  EXPECT_FALSE(parse_search_day("2024-13-01"));
  EXPECT_FALSE(parse_search_day("2024-01-32"));
  EXPECT_FALSE(parse_search_day("24-01-01"));
  EXPECT_FALSE(parse_search_day("2024/01/01"));
  EXPECT_FALSE(parse_search_day("yesterday"));
}

TEST(SearchDates, DayBoundsFollowTheTimeZone) {
  EXPECT_EQ(start_of_day_ms(1, 0), 86'400'000);
  EXPECT_EQ(end_of_day_ms(1, 0), 2 * 86'400'000 - 1);
  // UTC+2: the day starts two hours earlier in UTC.
  EXPECT_EQ(start_of_day_ms(1, 7200), 86'400'000 - 7'200'000);
  EXPECT_EQ(start_of_day_ms(1, -3600), 86'400'000 + 3'600'000);
}

SearchParams dated(std::string on, std::string after, std::string before, int tz = 0) {
  SearchParams p;
  p.on_date = std::move(on);
  p.after_date = std::move(after);
  p.before_date = std::move(before);
  p.time_zone_offset = tz;
  return p;
}

TEST(SearchDates, AfterMeansFromTheNextDay) {
  auto f = create_at_filter(dated("", "1970-01-02", ""), 0);
  EXPECT_EQ(f.from, 2 * 86'400'000);
  EXPECT_FALSE(f.to);
}

TEST(SearchDates, BeforeMeansUntilTheDayBefore) {
  auto f = create_at_filter(dated("", "", "1970-01-03"), 0);
  EXPECT_EQ(f.to, 2 * 86'400'000 - 1);
  EXPECT_FALSE(f.from);
}

TEST(SearchDates, OnIsOneDayAndWins) {
  auto f = create_at_filter(dated("1970-01-02", "1971-01-01", "1969-01-01", 3600), 0);
  EXPECT_EQ(f.from, 86'400'000 - 3'600'000);
  EXPECT_EQ(f.to, 2 * 86'400'000 - 3'600'000 - 1);
  EXPECT_TRUE(f.excluded.empty());
}

TEST(SearchDates, MalformedDates) {
  int64_t now = 10 * 86'400'000 + 5;
  EXPECT_EQ(create_at_filter(dated("", "someday", ""), now).from, 11 * 86'400'000);
  EXPECT_EQ(create_at_filter(dated("", "", "someday"), now).to, 0);
  auto on = create_at_filter(dated("bad", "", ""), now);
  EXPECT_EQ(on.from, 0);
  EXPECT_EQ(on.to, 0);
}

TEST(SearchDates, Exclusions) {
  SearchParams p;
  p.excluded_date = "1970-01-02";
  p.excluded_after_date = "1970-01-05";
  p.excluded_before_date = "1970-01-02";
  auto f = create_at_filter(p, 0);
  ASSERT_EQ(f.excluded.size(), 1u);
  EXPECT_EQ(f.excluded[0], std::make_pair(int64_t{86'400'000}, int64_t{2 * 86'400'000 - 1}));
  EXPECT_EQ(f.to, 5 * 86'400'000 - 1);  // nothing after the 5th
  EXPECT_EQ(f.from, 86'400'000);        // nothing before the 2nd
}

}  // namespace
}  // namespace parley::app
