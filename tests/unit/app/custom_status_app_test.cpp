// Tests for custom statuses in the app on both backends: the status lands in the user's props
// with a user_updated event, the recent list preference follows, removal from the recent list
// needs an exact match, clearing empties the prop, and others' statuses are off limits.
#include "app/custom_status.h"

#include "../support/test_env.h"
#include "config/config.h"
#include "store/preference_store.h"
#include "store/user_store.h"

#include <gtest/gtest.h>

namespace parley {
namespace {

class CustomStatusAppTest : public ::testing::Test {
 protected:
  std::vector<model::CustomStatus> recent() {
    auto p = env.store().preferences().get(alice, "custom_status", "recent_custom_statuses");
    if (!p) return {};
    bool ok = false;
    auto list = model::recent_custom_statuses_from(p->value, &ok);
    EXPECT_TRUE(ok);
    return list;
  }
  std::string prop() {
    auto u = env.store().users().get(alice);
    auto it = u->props.find("customStatus");
    return it == u->props.end() ? "<none>" : std::string(it->value().as_string());
  }
  static model::CustomStatus status(const std::string& emoji, const std::string& text) {
    model::CustomStatus cs;
    cs.emoji = emoji;
    cs.text = text;
    return cs;
  }

  test::TestEnv env;
  std::string alice = env.add_user("alice");
  std::string bob = env.add_user("bob");
};

TEST_F(CustomStatusAppTest, SetRemembersAndAnnounces) {
  ASSERT_TRUE(app::set_custom_status(env.app(), env.session(alice), alice, status("x", "busy")));
  auto cs = model::custom_status_from_props(env.store().users().get(alice)->props);
  ASSERT_TRUE(cs);
  EXPECT_EQ(cs->emoji, "x");
  EXPECT_EQ(cs->text, "busy");
  EXPECT_EQ(cs->expires_at, "0001-01-01T00:00:00Z");
  auto updated = env.events().named("user_updated");
  ASSERT_FALSE(updated.empty());
  EXPECT_FALSE(env.events().named("preferences_changed").empty());
  ASSERT_EQ(recent().size(), 1u);

  ASSERT_TRUE(app::set_custom_status(env.app(), env.session(alice), alice, status("y", "lunch")));
  ASSERT_TRUE(app::set_custom_status(env.app(), env.session(alice), alice, status("z", "busy")));
  auto list = recent();
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].emoji, "z");
  EXPECT_EQ(list[1].emoji, "y");
}

TEST_F(CustomStatusAppTest, RecentRemovalNeedsAnExactMatch) {
  auto none =
      app::remove_recent_custom_status(env.app(), env.session(alice), alice, status("x", "busy"));
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().status_code, 400);
  ASSERT_TRUE(app::set_custom_status(env.app(), env.session(alice), alice, status("x", "busy")));
  auto wrong =
      app::remove_recent_custom_status(env.app(), env.session(alice), alice, status("y", "busy"));
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().id, "api.custom_status.recent_custom_statuses.delete.app_error");
  ASSERT_TRUE(
      app::remove_recent_custom_status(env.app(), env.session(alice), alice, status("x", "busy")));
  EXPECT_TRUE(recent().empty());
}

TEST_F(CustomStatusAppTest, ClearingEmptiesThePropAndOthersAreRefused) {
  ASSERT_TRUE(app::set_custom_status(env.app(), env.session(alice), alice, status("x", "busy")));
  auto denied = app::set_custom_status(env.app(), env.session(bob), alice, status("y", "mine"));
  ASSERT_FALSE(denied);
  EXPECT_EQ(denied.error().status_code, 403);
  EXPECT_FALSE(app::remove_custom_status(env.app(), env.session(bob), alice));
  ASSERT_TRUE(app::remove_custom_status(env.app(), env.session(alice), alice));
  EXPECT_EQ(prop(), "");
}

TEST(CustomStatusDisabledTest, TheGateAnswers501) {
  test::TestEnv env([](config::Config& c) { c.team.enable_custom_user_statuses = false; });
  auto s = app::check_custom_statuses_enabled(env.app());
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().status_code, 501);
  EXPECT_EQ(s.error().id, "api.custom_status.disabled");
}

}  // namespace
}  // namespace parley
