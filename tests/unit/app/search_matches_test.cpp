// Tests for `matches` of post search results: the words of a message that the search terms
// matched, as written, for words, common English endings, prefixes and phrases.
#include "app/search.h"

#include <gtest/gtest.h>

namespace parley::app {
namespace {

using Strings = std::vector<std::string>;

TEST(SearchMatches, WordsAsWrittenInTheMessage) {
  EXPECT_EQ(search_matches("The Quick fox, the quick!", {"quick"}), (Strings{"Quick", "quick"}));
  EXPECT_EQ(search_matches("nothing here", {"quick"}), Strings{});
}

TEST(SearchMatches, EndingsPrefixesAndPhrases) {
  EXPECT_EQ(search_matches("she runs while running", {"run"}), (Strings{"runs", "running"}));
  EXPECT_EQ(search_matches("deploying deployment", {"deploy*"}),
            (Strings{"deploying", "deployment"}));
  EXPECT_EQ(search_matches("a Big  Red dog, big red", {"\"big red\""}),
            (Strings{"Big  Red", "big red"}));
  EXPECT_EQ(search_matches("foo-bar", {"foo-bar"}), (Strings{"foo-bar"}));
}

TEST(SearchMatches, TermsWithoutLettersAreIgnored) {
  EXPECT_EQ(search_matches("-- ++", {"--"}), Strings{});
}

}  // namespace
}  // namespace parley::app
