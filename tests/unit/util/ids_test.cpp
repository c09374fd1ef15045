// Tests for Mattermost-style ids: length, alphabet, uniqueness, validation, random hex.
#include "util/ids.h"

#include <gtest/gtest.h>

#include <chrono>
#include <set>
#include <string>
#include <thread>

namespace parley {
namespace {

TEST(IdsTest, NewIdIs26CharsOfMattermostsAlphabet) {
  const std::string alphabet = "ybndrfg8ejkmcpqxot1uwisza345h769";
  for (int i = 0; i < 1000; ++i) {
    auto id = new_id();
    ASSERT_EQ(id.size(), 26u);
    for (char c : id) ASSERT_NE(alphabet.find(c), std::string::npos) << id;
    ASSERT_TRUE(is_valid_id(id));
  }
}

TEST(IdsTest, NewIdsAreUnique) {
  std::set<std::string> seen;
  for (int i = 0; i < 20000; ++i) seen.insert(new_id());
  EXPECT_EQ(seen.size(), 20000u);
}

TEST(IdsTest, NewIdsUseTheWholeAlphabet) {
  std::set<char> chars;
  for (int i = 0; i < 500; ++i)
    for (char c : new_id()) chars.insert(c);
  EXPECT_EQ(chars.size(), 32u);
}

TEST(IdsTest, TimeOrderedIdsAreMattermostIdsThatSortByCreationTime) {
  const std::string alphabet = "ybndrfg8ejkmcpqxot1uwisza345h769";
  std::set<std::string> seen;
  std::string previous_prefix;
  for (int i = 0; i < 20000; ++i) {
    auto id = new_time_ordered_id();
    ASSERT_EQ(id.size(), 26u);
    for (char c : id) ASSERT_NE(alphabet.find(c), std::string::npos) << id;
    ASSERT_TRUE(is_valid_id(id));
    seen.insert(id);
    // The millisecond part never goes back in string order.
    ASSERT_GE(id.substr(0, 10), previous_prefix);
    previous_prefix = id.substr(0, 10);
  }
  EXPECT_EQ(seen.size(), 20000u);
  // Ids made a few milliseconds apart sort in creation order.
  auto first = new_time_ordered_id();
  std::this_thread::sleep_for(std::chrono::milliseconds(3));
  EXPECT_LT(first, new_time_ordered_id());
  std::set<char> random_part;
  for (int i = 0; i < 500; ++i)
    for (char c : new_time_ordered_id().substr(10)) random_part.insert(c);
  EXPECT_EQ(random_part.size(), 32u);
}

TEST(IdsTest, IsValidId) {
  EXPECT_TRUE(is_valid_id(std::string(26, 'a')));
  EXPECT_TRUE(is_valid_id("abcdefghijklmnopqrstuvwxyz"));
  EXPECT_FALSE(is_valid_id(std::string(25, 'a')));
  EXPECT_FALSE(is_valid_id(std::string(27, 'a')));
  EXPECT_FALSE(is_valid_id(""));
  EXPECT_FALSE(is_valid_id("ABCDEFGHIJKLMNOPQRSTUVWXYZ"));
  EXPECT_FALSE(is_valid_id("abcdefghijklmnopqrstuvwxy-"));
  EXPECT_FALSE(is_valid_id("me"));
}

TEST(IdsTest, RandomHex) {
  auto a = random_hex(16);
  EXPECT_EQ(a.size(), 32u);
  EXPECT_EQ(a.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_NE(a, random_hex(16));
  EXPECT_EQ(random_hex(0), "");
}

TEST(IdsTest, NowMsIsMillisecondsSinceEpoch) {
  auto t = now_ms();
  EXPECT_GT(t, 1'600'000'000'000);  // after 2020
  EXPECT_LT(t, 4'000'000'000'000);  // before 2096
}

}  // namespace
}  // namespace parley
