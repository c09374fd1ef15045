// Tests for per-user collapsed reply threads: the decision table of Mattermost's
// IsCRTEnabledForUser and the batched lookup over users' preferences.
#include "app/crt.h"

#include "../support/test_env.h"
#include "store/preference_store.h"

#include <gtest/gtest.h>

namespace parley {
namespace {

TEST(CrtTest, DecisionFollowsModeThenPreference) {
  EXPECT_FALSE(app::crt_decision("disabled", "on"));
  EXPECT_TRUE(app::crt_decision("always_on", "off"));
  EXPECT_TRUE(app::crt_decision("default_on", std::nullopt));
  EXPECT_FALSE(app::crt_decision("default_on", "off"));
  EXPECT_FALSE(app::crt_decision("default_off", std::nullopt));
  EXPECT_TRUE(app::crt_decision("default_off", "on"));
  EXPECT_FALSE(app::crt_decision("default_on", "true"));  // only "on" turns it on
}

void default_off(config::Config& c) {
  c.service.collapsed_threads = "default_off";
}

TEST(CrtTest, UsersAreDecidedByTheirPreference) {
  test::TestEnv env(default_off);
  auto on = env.add_user("on"), off = env.add_user("off"), unset = env.add_user("unset");
  env.store().preferences().save({{on, "display_settings", "collapsed_reply_threads", "on"},
                                  {off, "display_settings", "collapsed_reply_threads", "off"},
                                  {unset, "display_settings", "other", "on"}});
  EXPECT_EQ(app::crt_enabled_users(env.app(), {on, off, unset}), (std::set<std::string>{on}));
  EXPECT_TRUE(app::crt_enabled(env.app(), on));
  EXPECT_FALSE(app::crt_enabled(env.app(), off));
  EXPECT_FALSE(app::crt_enabled(env.app(), unset));
}

}  // namespace
}  // namespace parley
