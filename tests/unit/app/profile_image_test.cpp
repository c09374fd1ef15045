// Tests for the generated default profile picture: a valid 128x128 PNG, the background colour
// chosen from the user id, a white letter in the middle, and access.
#include "app/profile_image.h"

#include "../support/png_decode.h"
#include "../support/test_env.h"
#include "store/user_store.h"

#include <gtest/gtest.h>

#include <set>

namespace parley {
namespace {

model::User user(const std::string& id, const std::string& username) {
  model::User u;
  u.id = id;
  u.username = username;
  return u;
}

std::string rgb(const std::array<uint8_t, 3>& c) {
  return std::string(reinterpret_cast<const char*>(c.data()), 3);
}

TEST(ProfileImageTest, SolidColourFromTheIdWithAWhiteLetter) {
  auto u = user("k9m3xq8zj7fy5r1tbn4wcd6hpa", "alice");
  auto png = test::decode_png(app::default_profile_image(u));
  EXPECT_EQ(png.width, 128u);
  EXPECT_EQ(png.height, 128u);
  EXPECT_EQ(png.bit_depth, 8);
  EXPECT_EQ(png.colour_type, 2);
  std::string bg = rgb(app::profile_colour(u.id));
  EXPECT_EQ(png.pixel(0, 0), bg);
  EXPECT_EQ(png.pixel(127, 127), bg);
  EXPECT_EQ(png.pixel(64, 20), bg);  // above the glyph
  // "A": its crossbar (glyph row 3) is white across the middle.
  EXPECT_EQ(png.pixel(64, 29 + 35), std::string("\xff\xff\xff"));
  // The top corners of "A" are background, its top centre is white.
  EXPECT_EQ(png.pixel(40, 30), bg);
  EXPECT_EQ(png.pixel(64, 30), std::string("\xff\xff\xff"));
}

TEST(ProfileImageTest, ColourIsStableAndFromMattermostsPalette) {
  // FNV-1a("") = 2166136261, and 2166136261 % 26 = 3 -> {35, 188, 224}.
  EXPECT_EQ(app::profile_colour(""), (std::array<uint8_t, 3>{35, 188, 224}));
  EXPECT_EQ(app::profile_colour("abc"), app::profile_colour("abc"));
  std::set<std::array<uint8_t, 3>> seen;
  for (char c = 'a'; c <= 'z'; ++c) seen.insert(app::profile_colour(std::string(26, c)));
  EXPECT_GT(seen.size(), 3u);
  // Different letters draw differently; unknown characters still give a picture.
  EXPECT_NE(app::default_profile_image(user("x", "bob")),
            app::default_profile_image(user("x", "carol")));
  EXPECT_NO_THROW(test::decode_png(app::default_profile_image(user("x", "\xc3\xa9t\xc3\xa9"))));
  EXPECT_NO_THROW(test::decode_png(app::default_profile_image(user("x", ""))));
}

TEST(ProfileImageTest, AccessAndUnknownUsers) {
  test::TestEnv env;
  auto alice = env.add_user("alice");
  auto r = app::profile_image_user(env.app(), env.session(alice), alice);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->username, "alice");
  auto missing =
      app::profile_image_user(env.app(), env.session(alice), "k9m3xq8zj7fy5r1tbn4wcd6hpa");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().status_code, 404);
  auto bob = env.add_user("bob");
  auto no_roles = app::profile_image_user(env.app(), env.session(bob, ""), alice);
  ASSERT_FALSE(no_roles);
  EXPECT_EQ(no_roles.error().status_code, 403);
}

}  // namespace
}  // namespace parley
