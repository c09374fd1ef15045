// Tests for sidebar category rules: defaults and channel population, access, custom
// categories, updates (read-only fields, favorites mirror, muting), ordering and deletion.
#include "app/sidebar.h"

#include "../support/test_env.h"
#include "app/membership.h"
#include "store/channel_store.h"
#include "store/preference_store.h"
#include "store/sidebar_store.h"
#include "store/team_store.h"
#include "util/json.h"

#include <gtest/gtest.h>

namespace parley {
namespace {

using Ids = std::vector<std::string>;

class SidebarTest : public ::testing::Test {
 protected:
  void SetUp() override {
    alice = env.add_user("alice");
    bob = env.add_user("bob");
    team = env.add_team("red");
    env.add_team_member(team, alice);
    env.add_team_member(team, bob);
    town = joined(team, "O", "Town Square");
    secret = joined(team, "P", "Alpha secret");
    dm = joined("", "D", "");
    other = env.add_channel(team, "O", "not joined");
  }
  std::string joined(const std::string& team_id, const std::string& type, const std::string& name) {
    auto id = env.add_channel(team_id, type, name);
    env.add_channel_member(id, alice);
    return id;
  }
  model::Session me() { return env.session(alice); }
  app::OrderedCategories categories() {
    auto r = app::get_sidebar_categories(env.app(), me(), alice, team);
    EXPECT_TRUE(r) << (r ? "" : r.error().id);
    return r ? *r : app::OrderedCategories{};
  }
  model::SidebarCategory custom(const std::string& name, Ids channels = {}) {
    model::SidebarCategory in;
    in.user_id = alice;
    in.team_id = team;
    in.display_name = name;
    in.channel_ids = std::move(channels);
    auto r = app::create_sidebar_category(env.app(), me(), alice, team, in);
    EXPECT_TRUE(r);
    return r ? *r : model::SidebarCategory{};
  }

  test::TestEnv env;
  std::string alice, bob, team, town, secret, dm, other;
};

TEST_F(SidebarTest, FirstReadCreatesDefaultsHoldingEveryChannel) {
  auto r = categories();
  ASSERT_EQ(r.categories.size(), 3u);
  EXPECT_EQ(r.order, (Ids{"favorites_" + alice + "_" + team, "channels_" + alice + "_" + team,
                          "direct_messages_" + alice + "_" + team}));
  EXPECT_TRUE(r.categories[0].channel_ids.empty());
  EXPECT_EQ(r.categories[1].channel_ids, (Ids{secret, town}));  // by display name
  EXPECT_EQ(r.categories[2].channel_ids, (Ids{dm}));
  EXPECT_EQ(categories().order, r.order);  // not created twice
  auto order = app::get_sidebar_category_order(env.app(), me(), alice, team);
  ASSERT_TRUE(order);
  EXPECT_EQ(*order, r.order);
  auto one = app::get_sidebar_category(env.app(), me(), alice, team, r.order[2]);
  ASSERT_TRUE(one);
  EXPECT_EQ(one->channel_ids, (Ids{dm}));
}

TEST_F(SidebarTest, AccessNeedsTheUserAndTeamMembership) {
  auto as_bob = env.session(bob);
  auto r = app::get_sidebar_categories(env.app(), as_bob, alice, team);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().status_code, 403);
  auto lonely = env.add_team("blue");
  auto other_team = app::get_sidebar_categories(env.app(), me(), alice, lonely);
  ASSERT_FALSE(other_team);
  EXPECT_EQ(other_team.error().status_code, 403);
  env.sql("UPDATE TeamMembers SET DeleteAt = 5 WHERE UserId = '" + alice + "'");
  EXPECT_FALSE(app::get_sidebar_categories(env.app(), me(), alice, team));
  env.sql("UPDATE TeamMembers SET DeleteAt = 0 WHERE UserId = '" + alice + "'");
  auto admin = env.add_user("root", "system_admin system_user");
  EXPECT_TRUE(app::get_sidebar_categories(env.app(), env.session(admin, "system_admin system_user"),
                                          alice, team));
  // Someone else's category: 403, or 404 for those who may edit other users.
  auto bobs = app::get_sidebar_categories(env.app(), as_bob, bob, team);
  ASSERT_TRUE(bobs);
  auto foreign = app::get_sidebar_category(env.app(), me(), alice, team, bobs->order[0]);
  ASSERT_FALSE(foreign);
  EXPECT_EQ(foreign.error().status_code, 403);
  auto for_admin = app::get_sidebar_category(
      env.app(), env.session(admin, "system_admin system_user"), alice, team, bobs->order[0]);
  ASSERT_FALSE(for_admin);
  EXPECT_EQ(for_admin.error().status_code, 404);
}

TEST_F(SidebarTest, CustomCategoriesGoAfterFavoritesAndTakeTheirChannels) {
  auto before = categories();
  auto c = custom("Work", {town, "notachannel", other, town, dm});
  EXPECT_EQ(c.type, "custom");
  EXPECT_EQ(c.sort_order, 10);
  EXPECT_EQ(c.channel_ids, (Ids{town, dm}));  // unknown, not joined and repeats dropped
  auto created = env.events().named("sidebar_category_created");
  ASSERT_EQ(created.size(), 1u);
  EXPECT_EQ(created[0].data.at("category_id").as_string(), c.id);
  EXPECT_EQ(created[0].broadcast.user_id, alice);
  EXPECT_EQ(created[0].broadcast.team_id, team);

  auto after = categories();
  EXPECT_EQ(after.order, (Ids{before.order[0], c.id, before.order[1], before.order[2]}));
  EXPECT_EQ(after.categories[2].channel_ids, (Ids{secret}));
  EXPECT_TRUE(after.categories[3].channel_ids.empty());

  // With Favorites not first, a new category goes first.
  ASSERT_TRUE(app::update_sidebar_category_order(
      env.app(), me(), alice, team, {before.order[1], before.order[0], c.id, before.order[2]}));
  auto first = custom("Top");
  EXPECT_EQ(first.sort_order, 0);
  EXPECT_EQ(categories().order.front(), first.id);

  model::SidebarCategory wrong_user;
  wrong_user.user_id = bob;
  wrong_user.team_id = team;
  auto bad = app::create_sidebar_category(env.app(), me(), alice, team, wrong_user);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().id, "api.context.invalid_param.app_error");
}

TEST_F(SidebarTest, UpdatesKeepReadOnlyFields) {
  auto cats = categories().categories;
  auto channels = cats[1];
  channels.display_name = "Renamed";
  channels.type = "custom";
  channels.sort_order = 99;
  channels.sorting = "alpha";
  channels.collapsed = true;
  channels.channel_ids = {town, secret, "nope"};
  auto direct = cats[2];
  direct.muted = true;
  direct.channel_ids = {};
  auto r = app::update_sidebar_categories(env.app(), me(), alice, team, {channels, direct});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->size(), 2u);
  const auto& got = (*r)[0];
  EXPECT_EQ(got.display_name, "Channels");
  EXPECT_EQ(got.type, "channels");
  EXPECT_EQ(got.sort_order, 10);
  EXPECT_EQ(got.sorting, "alpha");
  EXPECT_TRUE(got.collapsed);
  EXPECT_EQ(got.channel_ids, (Ids{town, secret}));
  EXPECT_FALSE((*r)[1].muted);                // Direct Messages cannot be muted
  EXPECT_EQ((*r)[1].channel_ids, (Ids{dm}));  // and holds the DMs regardless
  EXPECT_EQ(categories().categories[1].channel_ids, (Ids{town, secret}));

  auto updated = env.events().named("sidebar_category_updated");
  ASSERT_EQ(updated.size(), 1u);
  auto payload = json::parse(updated[0].data.at("updatedCategories").as_string());
  ASSERT_TRUE(payload && payload->is_array());
  EXPECT_EQ(payload->as_array().size(), 2u);

  auto c = custom("Work");
  c.display_name = "Play";
  auto renamed = app::update_sidebar_category(env.app(), me(), alice, team, c.id, c);
  ASSERT_TRUE(renamed);
  EXPECT_EQ(renamed->display_name, "Play");

  auto foreign_cat = c;
  foreign_cat.id = "favorites_" + bob + "_" + team;
  auto bad = app::update_sidebar_categories(env.app(), me(), alice, team, {foreign_cat});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().status_code, 400);
  EXPECT_EQ(bad.error().id, "api.context.invalid_param.app_error");
}

TEST_F(SidebarTest, FavoritesCategoryIsMirroredIntoPreferences) {
  auto favorites = categories().categories[0];
  favorites.channel_ids = {town};
  ASSERT_TRUE(app::update_sidebar_categories(env.app(), me(), alice, team, {favorites}));
  auto pref = env.store().preferences().get(alice, "favorite_channel", town);
  ASSERT_TRUE(pref);
  EXPECT_EQ(pref->value, "true");
  EXPECT_EQ(categories().categories[1].channel_ids, (Ids{secret}));
  // Moving it to Channels removes the preference.
  auto cats = categories().categories;
  cats[0].channel_ids = {};
  cats[1].channel_ids = {town, secret};
  ASSERT_TRUE(app::update_sidebar_categories(env.app(), me(), alice, team, {cats[0], cats[1]}));
  EXPECT_FALSE(env.store().preferences().get(alice, "favorite_channel", town));
}

TEST_F(SidebarTest, MutingACategoryMutesItsChannels) {
  auto c = custom("Quiet", {town});
  c.muted = true;
  ASSERT_TRUE(app::update_sidebar_category(env.app(), me(), alice, team, c.id, c));
  auto member_events = env.events().named("channel_member_updated");
  ASSERT_EQ(member_events.size(), 1u);
  auto member = json::parse(member_events[0].data.at("channelMember").as_string())->as_object();
  EXPECT_EQ(member.at("channel_id").as_string(), town);
  EXPECT_EQ(member.at("notify_props").as_object().at("mark_unread").as_string(), "mention");
  // A channel moved into the muted category is muted too.
  auto cats = categories().categories;
  auto& channels = cats[2];
  ASSERT_EQ(channels.type, "channels");
  c.channel_ids = {town, secret};
  channels.channel_ids = {};
  ASSERT_TRUE(app::update_sidebar_categories(env.app(), me(), alice, team, {channels, c}));
  EXPECT_EQ(env.events().named("channel_member_updated").size(), 2u);
  // Unmuting unmutes both.
  c.muted = false;
  ASSERT_TRUE(app::update_sidebar_category(env.app(), me(), alice, team, c.id, c));
  EXPECT_EQ(env.events().named("channel_member_updated").size(), 4u);
}

TEST_F(SidebarTest, OrderMustListEveryCategory) {
  auto order = categories().order;
  Ids reversed(order.rbegin(), order.rend());
  auto r = app::update_sidebar_category_order(env.app(), me(), alice, team, reversed);
  ASSERT_TRUE(r);
  EXPECT_EQ(categories().order, reversed);
  auto ev = env.events().named("sidebar_category_order_updated");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_TRUE(ev[0].data.at("order").is_array());

  auto missing =
      app::update_sidebar_category_order(env.app(), me(), alice, team, {order[0], order[1]});
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().status_code, 500);
  auto repeated = app::update_sidebar_category_order(env.app(), me(), alice, team,
                                                     {order[0], order[1], order[1]});
  ASSERT_FALSE(repeated);
  EXPECT_EQ(repeated.error().status_code, 400);
  EXPECT_EQ(repeated.error().id, "app.channel.sidebar_categories.app_error");
  auto unknown =
      app::update_sidebar_category_order(env.app(), me(), alice, team, {order[0], order[1], "x"});
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().id, "api.context.invalid_param.app_error");
}

TEST_F(SidebarTest, OnlyCustomCategoriesCanBeDeleted) {
  auto order = categories().order;
  for (const auto& id : order) {
    auto r = app::delete_sidebar_category(env.app(), me(), alice, team, id);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().status_code, 400);
  }
  auto c = custom("Gone", {town, dm});
  ASSERT_TRUE(app::delete_sidebar_category(env.app(), me(), alice, team, c.id));
  auto ev = env.events().named("sidebar_category_deleted");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].data.at("category_id").as_string(), c.id);
  auto after = categories();
  EXPECT_EQ(after.order, order);
  EXPECT_EQ(after.categories[1].channel_ids, (Ids{secret, town}));
  EXPECT_EQ(after.categories[2].channel_ids, (Ids{dm}));
}

TEST_F(SidebarTest, MembershipHooksFollowMattermost) {
  app::register_sidebar_hooks(env.app());
  auto blue = env.add_team("blue");
  env.add_team_member(blue, alice);
  app::after_user_joined_team(env.app(), *env.store().teams().get(blue), alice);
  EXPECT_EQ(env.store().sidebar().categories(alice, blue).size(), 3u);  // created on join
  app::after_user_left_team(env.app(), *env.store().teams().get(blue), alice);
  EXPECT_TRUE(env.store().sidebar().categories(alice, blue).empty());

  auto c = custom("Work", {town});
  app::after_user_left_channel(env.app(), *env.store().channels().get(town), alice, alice);
  // Alice is still a member here (the hook alone ran): only the placement went.
  auto got = app::get_sidebar_category(env.app(), me(), alice, team, c.id);
  ASSERT_TRUE(got);
  EXPECT_TRUE(got->channel_ids.empty());
  EXPECT_EQ(categories().categories[2].channel_ids, (Ids{secret, town}));
}

}  // namespace
}  // namespace parley
