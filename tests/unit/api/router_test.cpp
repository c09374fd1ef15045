// Tests for the segment-trie router: literal segments beat parameters, backtracking across
// branches, 405 detection, HEAD served by GET routes, and registration errors.
#include "api/router.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace parley::api {
namespace {

Handler tagged(std::string tag) {
  return [tag](Context&) {
    Response r;
    r.body = tag;
    return r;
  };
}

std::string param(const RouteMatch& m, const std::string& name) {
  for (const auto& [k, v] : m.params)
    if (k == name) return v;
  return "<missing>";
}

TEST(RouterTest, LiteralSegmentBeatsParameter) {
  Router r;
  r.add("GET", "/api/v4/users/{user_id}", tagged("get_user"));
  r.add("GET", "/api/v4/users/stats", tagged("stats"));
  auto stats = r.match("GET", "/api/v4/users/stats");
  ASSERT_NE(stats.route, nullptr);
  EXPECT_EQ(stats.route->pattern, "/api/v4/users/stats");
  EXPECT_TRUE(stats.params.empty());
  auto user = r.match("GET", "/api/v4/users/abc");
  ASSERT_NE(user.route, nullptr);
  EXPECT_EQ(user.route->pattern, "/api/v4/users/{user_id}");
  EXPECT_EQ(param(user, "user_id"), "abc");
}

TEST(RouterTest, BacktracksFromADeadLiteralBranchToTheParameter) {
  Router r;
  r.add("GET", "/api/v4/users/{user_id}/teams", tagged("teams"));
  r.add("GET", "/api/v4/users/me/sessions", tagged("sessions"));
  // "me" exists as a literal, but only with /sessions under it.
  auto m = r.match("GET", "/api/v4/users/me/teams");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->pattern, "/api/v4/users/{user_id}/teams");
  EXPECT_EQ(param(m, "user_id"), "me");
  ASSERT_EQ(m.params.size(), 1u);
}

TEST(RouterTest, BacktrackingDropsParametersOfAbandonedBranches) {
  Router r;
  r.add("GET", "/a/{x}/{y}/end", tagged("xy"));
  r.add("GET", "/a/{x}/lit/other", tagged("lit"));
  auto m = r.match("GET", "/a/1/lit/end");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->pattern, "/a/{x}/{y}/end");
  ASSERT_EQ(m.params.size(), 2u);
  EXPECT_EQ(param(m, "x"), "1");
  EXPECT_EQ(param(m, "y"), "lit");
}

TEST(RouterTest, BacktracksWhenTheLiteralBranchHasOnlyOtherMethods) {
  Router r;
  r.add("POST", "/api/v4/users/login", tagged("login"));
  r.add("GET", "/api/v4/users/{user_id}", tagged("get_user"));
  auto m = r.match("GET", "/api/v4/users/login");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->pattern, "/api/v4/users/{user_id}");
  EXPECT_FALSE(m.method_not_allowed);
}

TEST(RouterTest, WrongMethodIsReportedAs405NotFoundAs404) {
  Router r;
  r.add("GET", "/api/v4/system/ping", tagged("ping"));
  r.add("PUT", "/api/v4/users/{user_id}/patch", tagged("patch"));
  auto wrong = r.match("DELETE", "/api/v4/system/ping");
  EXPECT_EQ(wrong.route, nullptr);
  EXPECT_TRUE(wrong.method_not_allowed);
  auto wrong_param = r.match("GET", "/api/v4/users/abc/patch");
  EXPECT_EQ(wrong_param.route, nullptr);
  EXPECT_TRUE(wrong_param.method_not_allowed);
  auto missing = r.match("GET", "/api/v4/system/nope");
  EXPECT_EQ(missing.route, nullptr);
  EXPECT_FALSE(missing.method_not_allowed);
  // A prefix of a route is not a route.
  auto prefix = r.match("GET", "/api/v4/system");
  EXPECT_EQ(prefix.route, nullptr);
  EXPECT_FALSE(prefix.method_not_allowed);
  EXPECT_TRUE(missing.params.empty());
}

TEST(RouterTest, HeadIsServedByGetUnlessRegistered) {
  Router r;
  r.add("GET", "/files/{file_id}", tagged("get"));
  r.add("GET", "/both", tagged("get"));
  r.add("HEAD", "/both", tagged("head"));
  auto h = r.match("HEAD", "/files/abc");
  ASSERT_NE(h.route, nullptr);
  EXPECT_EQ(h.route->method, "GET");
  EXPECT_EQ(param(h, "file_id"), "abc");
  auto both = r.match("HEAD", "/both");
  ASSERT_NE(both.route, nullptr);
  EXPECT_EQ(both.route->method, "HEAD");
  // GET is not served by HEAD, and POST is not served by GET.
  Router only_head;
  only_head.add("HEAD", "/x", tagged("head"));
  EXPECT_EQ(only_head.match("GET", "/x").route, nullptr);
  EXPECT_TRUE(only_head.match("GET", "/x").method_not_allowed);
  EXPECT_EQ(r.match("POST", "/both").route, nullptr);
}

TEST(RouterTest, MethodsAreCaseSensitiveAndOptionsAreKept) {
  Router r;
  r.add("POST", "/api/v4/users", tagged("create"), {.require_session = false});
  auto m = r.match("POST", "/api/v4/users");
  ASSERT_NE(m.route, nullptr);
  EXPECT_FALSE(m.route->options.require_session);
  EXPECT_EQ(r.match("post", "/api/v4/users").route, nullptr);
  EXPECT_EQ(r.size(), 1u);
}

TEST(RouterTest, RegistrationErrorsThrow) {
  Router r;
  r.add("GET", "/users/{user_id}", tagged("a"));
  EXPECT_THROW(r.add("GET", "/users/{user_id}", tagged("b")), std::logic_error);
  EXPECT_THROW(r.add("GET", "/users/{other}/x", tagged("c")), std::logic_error);
  r.add("POST", "/users/{user_id}", tagged("d"));
  EXPECT_EQ(r.size(), 2u);
}

TEST(RouterTest, ParametersTakeAnySegmentValue) {
  Router r;
  r.add("GET", "/api/v4/users/username/{username}", tagged("by_name"));
  auto m = r.match("GET", "/api/v4/users/username/some.name-with_chars");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(param(m, "username"), "some.name-with_chars");
  EXPECT_EQ(r.match("GET", "/api/v4/users/username").route, nullptr);
  EXPECT_EQ(r.match("GET", "/api/v4/users/username/a/b").route, nullptr);
}

}  // namespace
}  // namespace parley::api
