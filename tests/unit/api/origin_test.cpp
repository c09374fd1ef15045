// Tests for the WebSocket Origin check (Mattermost's App.OriginChecker rules).
#include "api/origin.h"

#include <gtest/gtest.h>

namespace parley::api {
namespace {

config::Config with(std::string site_url, std::string allow_cors_from) {
  auto c = config::default_config();
  c.service.site_url = std::move(site_url);
  c.service.allow_cors_from = std::move(allow_cors_from);
  return c;
}

TEST(OriginTest, NoOriginIsAllowedNullNever) {
  auto c = with("", "");
  EXPECT_TRUE(websocket_origin_allowed(c, "", "chat.example.com"));
  EXPECT_FALSE(websocket_origin_allowed(c, "null", "chat.example.com"));
}

TEST(OriginTest, WithoutSiteUrlTheOriginHostMustBeTheHostHeader) {
  auto c = with("", "");
  EXPECT_TRUE(websocket_origin_allowed(c, "http://chat.example.com:8065", "chat.example.com:8065"));
  EXPECT_TRUE(websocket_origin_allowed(c, "https://CHAT.example.com", "chat.example.com"));
  EXPECT_FALSE(websocket_origin_allowed(c, "http://evil.example", "chat.example.com"));
  EXPECT_FALSE(
      websocket_origin_allowed(c, "http://chat.example.com:9999", "chat.example.com:8065"));
  EXPECT_FALSE(websocket_origin_allowed(c, "not a url", "chat.example.com"));
}

TEST(OriginTest, WithSiteUrlSchemeAndHostMustMatchIt) {
  auto c = with("https://chat.example.com/mattermost", "");
  EXPECT_TRUE(websocket_origin_allowed(c, "https://chat.example.com", "internal:8065"));
  EXPECT_FALSE(websocket_origin_allowed(c, "http://chat.example.com", "chat.example.com"));
  EXPECT_FALSE(websocket_origin_allowed(c, "https://evil.example", "evil.example"));
}

TEST(OriginTest, AllowCorsFromListsOriginsAndAddsSiteUrl) {
  auto c = with("https://chat.example.com/sub", "https://a.example http://b.example:8080");
  EXPECT_TRUE(websocket_origin_allowed(c, "https://a.example", "x"));
  EXPECT_TRUE(websocket_origin_allowed(c, "http://b.example:8080", "x"));
  EXPECT_TRUE(websocket_origin_allowed(c, "https://chat.example.com", "x"));
  EXPECT_FALSE(websocket_origin_allowed(c, "https://c.example", "x"));
  EXPECT_FALSE(websocket_origin_allowed(c, "https://a.example.evil", "x"));
  EXPECT_TRUE(websocket_origin_allowed(with("", "*"), "https://anything.example", "x"));
}

}  // namespace
}  // namespace parley::api
