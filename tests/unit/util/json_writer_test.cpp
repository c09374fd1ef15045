// util/json_writer.h: strings are escaped byte for byte as boost::json serialises them, whatever
// the position of the characters to escape within the 8-byte blocks append_string skips whole.
#include "util/json_writer.h"

#include <boost/json/serialize.hpp>
#include <boost/json/string.hpp>

#include <gtest/gtest.h>

#include <string>

namespace parley::testing {
namespace {

std::string written(std::string_view s) {
  std::string out;
  json::append_string(out, s);
  return out;
}

std::string boost_text(std::string_view s) {
  return boost::json::serialize(boost::json::string(s));
}

TEST(JsonWriter, StringsMatchBoostForEverySpecialCharacterAtEveryOffset) {
  const std::string specials = std::string("\"\\\b\f\n\r\t\x01\x1f", 9) + std::string(1, '\0');
  for (std::size_t len = 0; len < 20; ++len) {
    std::string plain(len, 'a');
    ASSERT_EQ(written(plain), boost_text(plain));
    for (std::size_t at = 0; at < len; ++at)
      for (char c : specials) {
        std::string s = plain;
        s[at] = c;
        ASSERT_EQ(written(s), boost_text(s)) << "length " << len << ", offset " << at;
      }
  }
}

TEST(JsonWriter, TextWithMultibyteCharactersAndNearMisses) {
  for (std::string s :
       {"h\xc3\xa9llo w\xc3\xb6rld, caf\xc3\xa9 \xe2\x9c\x93 done", " !#[]~\x7f\x20\x21",
        "0123456789abcdef0123456789abcdef\"", "\x1f\x20\x21\x22\x23\x5b\x5c\x5d"})
    EXPECT_EQ(written(s), boost_text(s)) << s;
}

}  // namespace
}  // namespace parley::testing
