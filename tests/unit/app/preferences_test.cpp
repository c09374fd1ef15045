// Tests for the preference rules: access, Mattermost's validation and theme clean-up, the
// favorites mirror, flagged posts, and the events.
#include "app/preferences.h"

#include "../support/test_env.h"
#include "store/preference_store.h"
#include "store/sidebar_store.h"
#include "util/json.h"

#include <gtest/gtest.h>

namespace parley {
namespace {

using model::Preference;

class PreferencesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    alice = env.add_user("alice");
    bob = env.add_user("bob");
    admin = env.add_user("root", "system_admin system_user");
  }
  model::Session as(const std::string& id) {
    return env.session(id, id == admin ? "system_admin system_user" : "system_user");
  }
  Status save(const std::string& actor, const std::string& user, std::vector<Preference> p) {
    return app::update_preferences(env.app(), as(actor), user, std::move(p));
  }

  test::TestEnv env;
  std::string alice, bob, admin;
};

TEST_F(PreferencesTest, SaveReadAndDeleteOwnPreferences) {
  ASSERT_TRUE(save(alice, alice,
                   {{alice, "display_settings", "use_military_time", "true"},
                    {alice, "tutorial_step", alice, "3"}}));
  auto all = app::get_preferences(env.app(), as(alice), alice);
  ASSERT_TRUE(all);
  EXPECT_EQ(all->size(), 2u);
  auto one = app::get_preference(env.app(), as(alice), alice, "tutorial_step", alice);
  ASSERT_TRUE(one);
  EXPECT_EQ(one->value, "3");
  auto missing = app::get_preference(env.app(), as(alice), alice, "tutorial_step", "nope");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().status_code, 400);
  EXPECT_EQ(missing.error().id, "app.preference.get.app_error");
  auto none = app::get_preferences_by_category(env.app(), as(alice), alice, "theme");
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().status_code, 404);
  EXPECT_EQ(none.error().id, "api.preference.preferences_category.get.app_error");

  ASSERT_TRUE(
      app::delete_preferences(env.app(), as(alice), alice, {{alice, "tutorial_step", alice, ""}}));
  EXPECT_EQ(app::get_preferences(env.app(), as(alice), alice)->size(), 1u);
}

TEST_F(PreferencesTest, EventsCarryThePreferencesAsAJsonString) {
  ASSERT_TRUE(save(alice, alice, {{alice, "display_settings", "name_format", "username"}}));
  auto changed = env.events().named("preferences_changed");
  ASSERT_EQ(changed.size(), 1u);
  EXPECT_EQ(changed[0].broadcast.user_id, alice);
  const auto& text = changed[0].data.at("preferences");
  ASSERT_TRUE(text.is_string());
  auto parsed = json::parse(text.as_string());
  ASSERT_TRUE(parsed && parsed->is_array());
  EXPECT_EQ(parsed->as_array()[0].as_object().at("value").as_string(), "username");
  EXPECT_EQ(env.events().named("sidebar_category_updated").size(), 1u);

  ASSERT_TRUE(app::delete_preferences(env.app(), as(alice), alice,
                                      {{alice, "display_settings", "name_format", ""}}));
  auto deleted = env.events().named("preferences_deleted");
  ASSERT_EQ(deleted.size(), 1u);
  EXPECT_TRUE(deleted[0].data.at("preferences").is_string());
}

TEST_F(PreferencesTest, OtherUsersNeedEditOtherUsers) {
  auto denied = save(bob, alice, {{alice, "a", "b", "c"}});
  ASSERT_FALSE(denied);
  EXPECT_EQ(denied.error().status_code, 403);
  EXPECT_EQ(denied.error().id, "api.context.permissions.app_error");
  EXPECT_FALSE(app::get_preferences(env.app(), as(bob), alice));
  EXPECT_FALSE(app::delete_preferences(env.app(), as(bob), alice, {{alice, "a", "b", ""}}));
  EXPECT_TRUE(save(admin, alice, {{alice, "a", "b", "c"}}));
  EXPECT_EQ(app::get_preferences(env.app(), as(admin), alice)->size(), 1u);
}

TEST_F(PreferencesTest, PreferencesMustNameTheUser) {
  auto r = save(alice, alice, {{alice, "a", "b", "c"}, {bob, "a", "b", "c"}});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().status_code, 403);
  EXPECT_EQ(r.error().id, "api.preference.update_preferences.set.app_error");
  auto d = app::delete_preferences(env.app(), as(alice), alice, {{bob, "a", "b", ""}});
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().id, "api.preference.delete_preferences.delete.app_error");
  EXPECT_TRUE(app::get_preferences(env.app(), as(alice), alice)->empty());
}

TEST_F(PreferencesTest, ValidationFollowsMattermost) {
  struct Case {
    Preference p;
    std::string id;
  };
  std::vector<Case> cases = {
      {{alice, "", "n", "v"}, "model.preference.is_valid.category.app_error"},
      {{alice, std::string(33, 'c'), "n", "v"}, "model.preference.is_valid.category.app_error"},
      {{alice, "c", std::string(33, 'n'), "v"}, "model.preference.is_valid.name.app_error"},
      {{alice, "c", "n", std::string(20001, 'v')}, "model.preference.is_valid.value.app_error"},
      {{alice, "theme", "", "not json"}, "model.preference.is_valid.theme.app_error"},
      {{alice, "theme", "", "[1]"}, "model.preference.is_valid.theme.app_error"},
      {{alice, "theme", "", R"({"a":1})"}, "model.preference.is_valid.theme.app_error"},
      {{alice, "sidebar_settings", "limit_visible_dms_gms", "41"},
       "model.preference.is_valid.limit_visible_dms_gms.app_error"},
      {{alice, "sidebar_settings", "limit_visible_dms_gms", "x"},
       "model.preference.is_valid.limit_visible_dms_gms.app_error"},
  };
  for (const auto& c : cases) {
    // A valid preference first: nothing of the batch may be saved.
    auto r = save(alice, alice, {{alice, "ok", "ok", "1"}, c.p});
    ASSERT_FALSE(r) << c.id;
    EXPECT_EQ(r.error().id, c.id);
    EXPECT_EQ(r.error().status_code, 400);
  }
  EXPECT_TRUE(app::get_preferences(env.app(), as(alice), alice)->empty());
  // 32 characters, 20000 runes of multi-byte text and 40 visible DMs are fine.
  std::string runes;
  for (int i = 0; i < 20000; ++i) runes += "\xc3\xa9";
  EXPECT_TRUE(save(alice, alice,
                   {{alice, std::string(32, 'c'), std::string(32, 'n'), runes},
                    {alice, "sidebar_settings", "limit_visible_dms_gms", "40"}}));
  auto empty = save(alice, alice, {});
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().id, "api.context.invalid_param.app_error");
  std::vector<Preference> many(101, Preference{alice, "c", "n", "v"});
  EXPECT_FALSE(save(alice, alice, many));
}

TEST_F(PreferencesTest, ThemeColoursAreCleanedUp) {
  ASSERT_TRUE(save(alice, alice,
                   {{alice, "theme", "",
                     R"({"sidebarBg":"#145dbf","linkColor":"red","type":"Custom","codeTheme":"x",)"
                     R"("image":"i","short":"#abc","bad":"#abcd"})"}}));
  auto p = env.store().preferences().get(alice, "theme", "");
  ASSERT_TRUE(p);
  auto theme = json::parse(p->value)->as_object();
  EXPECT_EQ(theme.at("sidebarBg").as_string(), "#145dbf");
  EXPECT_EQ(theme.at("linkColor").as_string(), "#ffffff");
  EXPECT_EQ(theme.at("bad").as_string(), "#ffffff");
  EXPECT_EQ(theme.at("short").as_string(), "#abc");
  EXPECT_EQ(theme.at("type").as_string(), "Custom");
  EXPECT_EQ(theme.at("codeTheme").as_string(), "x");
}

TEST_F(PreferencesTest, FavoriteChannelPreferencesMoveChannelsInAndOutOfFavorites) {
  auto team = env.add_team("red");
  env.add_team_member(team, alice);
  auto channel = env.add_channel(team, "O", "town");
  env.add_channel_member(channel, alice);
  env.store().sidebar().create_defaults(alice, team);
  ASSERT_TRUE(save(alice, alice, {{alice, "favorite_channel", channel, "true"}}));
  EXPECT_EQ(env.store().sidebar().categories(alice, team)[0].channel_ids,
            std::vector<std::string>{channel});
  ASSERT_TRUE(save(alice, alice, {{alice, "favorite_channel", channel, "false"}}));
  EXPECT_TRUE(env.store().sidebar().categories(alice, team)[0].channel_ids.empty());
  ASSERT_TRUE(save(alice, alice, {{alice, "favorite_channel", channel, "true"}}));
  ASSERT_TRUE(app::delete_preferences(env.app(), as(alice), alice,
                                      {{alice, "favorite_channel", channel, ""}}));
  EXPECT_TRUE(env.store().sidebar().categories(alice, team)[0].channel_ids.empty());

  auto missing =
      save(alice, alice, {{alice, "favorite_channel", "nochannel0000000000000000x", "true"}});
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().status_code, 500);
  EXPECT_EQ(missing.error().id, "api.preference.update_preferences.update_sidebar.app_error");
}

TEST_F(PreferencesTest, FlaggedPostsMustExistAndBeReadable) {
  auto team = env.add_team("red");
  auto secret = env.add_channel(team, "P", "secret");
  env.add_channel_member(secret, bob);
  std::string post = "post0000000000000000000001";
  env.sql("INSERT INTO Posts (Id, CreateAt, UpdateAt, UserId, ChannelId) VALUES ('" + post +
          "', 1, 1, '" + bob + "', '" + secret + "')");
  auto unknown =
      save(alice, alice, {{alice, "flagged_post", "post0000000000000000000002", "true"}});
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().status_code, 400);
  auto unreadable = save(alice, alice, {{alice, "flagged_post", post, "true"}});
  ASSERT_FALSE(unreadable);
  EXPECT_EQ(unreadable.error().status_code, 403);
  EXPECT_TRUE(save(bob, bob, {{bob, "flagged_post", post, "true"}}));
}

}  // namespace
}  // namespace parley
