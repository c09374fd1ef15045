// Api::route_traits: what the server reads of a route before the body (its body limit, and
// whether the handler hashes a password and so runs on the server's password threads).
#include "api/api.h"
#include "../app/app_fixture.h"

#include <gtest/gtest.h>

namespace parley::api {
namespace {

class ApiRouteTraitsTest : public testing::AppFixture {};

TEST_F(ApiRouteTraitsTest, PasswordHashingRoutesAreMarked) {
  Api api(app());
  EXPECT_TRUE(api.route_traits("POST", "/api/v4/users/login").hashes_password);
  EXPECT_TRUE(api.route_traits("POST", "/api/v4/users").hashes_password);
  EXPECT_TRUE(
      api.route_traits("PUT", "/api/v4/users/abcdefghijkmnopqrstuwxyz12/password").hashes_password);
  EXPECT_FALSE(api.route_traits("GET", "/api/v4/users").hashes_password);
  EXPECT_FALSE(api.route_traits("POST", "/api/v4/users/logout").hashes_password);
  EXPECT_FALSE(api.route_traits("GET", "/api/v4/users/me").hashes_password);
  EXPECT_FALSE(api.route_traits("POST", "/api/v4/nothing/here").hashes_password);
  EXPECT_FALSE(api.route_traits("GET", "/login").hashes_password);
}

TEST_F(ApiRouteTraitsTest, FileUploadsTakeTheFileSizeLimit) {
  Api api(app());
  auto cfg = app().config();
  auto payload = static_cast<std::size_t>(cfg->service.maximum_payload_size_bytes);
  EXPECT_EQ(api.route_traits("POST", "/api/v4/posts").body_limit, payload);
  EXPECT_EQ(api.route_traits("GET", "/static/app.js").body_limit, payload);
  EXPECT_GT(api.route_traits("POST", "/api/v4/files").body_limit,
            static_cast<std::size_t>(cfg->file.max_file_size));
}

}  // namespace
}  // namespace parley::api
