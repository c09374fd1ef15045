// Tests for api::Request accessors and query/percent decoding.
#include "api/request.h"

#include <gtest/gtest.h>

namespace parley::api {
namespace {

Request with_headers(std::vector<std::pair<std::string, std::string>> headers) {
  Request r;
  r.headers = std::move(headers);
  return r;
}

TEST(RequestTest, CookieByExactName) {
  auto r = with_headers({{"cookie", "XMMAUTHTOKEN=bad; MMAUTHTOKEN=good; MMUSERID=u1"}});
  EXPECT_EQ(r.cookie("MMAUTHTOKEN"), "good");
  EXPECT_EQ(r.cookie("MMUSERID"), "u1");
  EXPECT_EQ(r.cookie("MMCSRF"), "");
  EXPECT_EQ(r.cookie("mmauthtoken"), "");  // cookie names are case-sensitive
}

TEST(RequestTest, CookieQuotedEmptyAndOddParts) {
  auto r = with_headers({{"cookie", "a=\"quoted\";;  b=;c; d=x=y ;e=last"}});
  EXPECT_EQ(r.cookie("a"), "quoted");
  EXPECT_EQ(r.cookie("b"), "");
  EXPECT_EQ(r.cookie("c"), "");
  EXPECT_EQ(r.cookie("d"), "x=y");
  EXPECT_EQ(r.cookie("e"), "last");
}

TEST(RequestTest, CookieAcrossSeveralCookieHeaders) {
  auto r = with_headers(
      {{"cookie", "a=1"}, {"x-other", "MMAUTHTOKEN=no"}, {"cookie", "MMAUTHTOKEN=yes"}});
  EXPECT_EQ(r.cookie("a"), "1");
  EXPECT_EQ(r.cookie("MMAUTHTOKEN"), "yes");
}

TEST(RequestTest, HeaderLookupUsesLowerCaseNamesAndFirstValue) {
  auto r = with_headers({{"x-requested-with", "XMLHttpRequest"}, {"x-requested-with", "second"}});
  EXPECT_EQ(r.header("x-requested-with"), "XMLHttpRequest");
  EXPECT_EQ(r.header("authorization"), "");
}

TEST(RequestTest, QueryDecoding) {
  auto q = parse_query("page=2&term=two+words&path=%2Fa%20b&flag&empty=&=novalue&u=%E2%9C%93");
  EXPECT_EQ(q["page"], "2");
  EXPECT_EQ(q["term"], "two words");
  EXPECT_EQ(q["path"], "/a b");
  EXPECT_TRUE(q.count("flag"));
  EXPECT_EQ(q["flag"], "");
  EXPECT_EQ(q["empty"], "");
  EXPECT_EQ(q["u"], "\xE2\x9C\x93");
  Request r;
  r.query = q;
  EXPECT_TRUE(r.has_query("flag"));
  EXPECT_FALSE(r.has_query("nope"));
  EXPECT_EQ(r.query_param("page"), "2");
  EXPECT_EQ(r.query_param("nope"), "");
}

TEST(RequestTest, QueryLastValueWinsAndKeysAreDecoded) {
  auto q = parse_query("a=1&a=2&b%5B%5D=x&&");
  EXPECT_EQ(q["a"], "2");
  EXPECT_EQ(q["b[]"], "x");
  EXPECT_EQ(q.size(), 2u);
  EXPECT_TRUE(parse_query("").empty());
}

TEST(RequestTest, PercentDecodeKeepsInvalidEscapes) {
  EXPECT_EQ(percent_decode("%zz%4", false), "%zz%4");
  EXPECT_EQ(percent_decode("100%", false), "100%");
  EXPECT_EQ(percent_decode("%41%62", false), "Ab");
  EXPECT_EQ(percent_decode("a+b", false), "a+b");
  EXPECT_EQ(percent_decode("a+b", true), "a b");
  EXPECT_EQ(percent_decode("%2e%2E/x", false), "../x");
  EXPECT_EQ(percent_decode("", true), "");
  EXPECT_EQ(percent_decode("%00", false), std::string(1, '\0'));
}

}  // namespace
}  // namespace parley::api
