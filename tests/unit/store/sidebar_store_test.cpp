// Tests for the SQLite sidebar store: default categories, channel placement and membership
// filtering, ordering, the favorites mirror and channel muting.
#include "store/sidebar_store.h"

#include "../support/test_env.h"
#include "model/sidebar.h"
#include "store/channel_store.h"
#include "store/preference_store.h"

#include <gtest/gtest.h>

namespace parley {
namespace {

using Ids = std::vector<std::string>;

class SidebarStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    user = env.add_user("alice");
    team = env.add_team("red");
    other_team = env.add_team("blue");
    env.add_team_member(team, user);
    env.add_team_member(other_team, user);
  }
  store::SidebarStore& sidebar() { return env.store().sidebar(); }
  std::string joined(const std::string& team_id, const std::string& type, const std::string& name) {
    auto id = env.add_channel(team_id, type, name);
    env.add_channel_member(id, user);
    return id;
  }

  test::TestEnv env;
  std::string user, team, other_team;
};

TEST_F(SidebarStoreTest, DefaultsHaveDeterministicIdsAndOrder) {
  sidebar().create_defaults(user, team);
  sidebar().create_defaults(user, team);  // idempotent
  auto cats = sidebar().categories(user, team);
  ASSERT_EQ(cats.size(), 3u);
  EXPECT_EQ(cats[0].id, "favorites_" + user + "_" + team);
  EXPECT_EQ(cats[0].type, "favorites");
  EXPECT_EQ(cats[0].display_name, "Favorites");
  EXPECT_EQ(cats[0].sort_order, 0);
  EXPECT_EQ(cats[0].sorting, "");
  EXPECT_EQ(cats[1].id, "channels_" + user + "_" + team);
  EXPECT_EQ(cats[1].sort_order, 10);
  EXPECT_EQ(cats[2].id, "direct_messages_" + user + "_" + team);
  EXPECT_EQ(cats[2].sorting, "recent");
  EXPECT_EQ(cats[2].sort_order, 20);
  EXPECT_TRUE(sidebar().categories(user, other_team).empty());
  EXPECT_TRUE(model::is_valid_category_id(cats[2].id));
  EXPECT_EQ(sidebar().category(cats[1].id)->type, "channels");
  EXPECT_FALSE(sidebar().category("nope"));
}

TEST_F(SidebarStoreTest, DefaultFavoritesTakeFavoriteChannelPreferences) {
  auto b = joined(team, "O", "bravo");
  auto a = joined(team, "P", "alpha");
  auto elsewhere = joined(other_team, "O", "charlie");
  auto not_member = env.add_channel(team, "O", "delta");
  auto unfavored = joined(team, "O", "echo");
  env.store().preferences().save({{user, "favorite_channel", b, "true"},
                                  {user, "favorite_channel", a, "true"},
                                  {user, "favorite_channel", elsewhere, "true"},
                                  {user, "favorite_channel", not_member, "true"},
                                  {user, "favorite_channel", unfavored, "false"}});
  sidebar().create_defaults(user, team);
  EXPECT_EQ(sidebar().categories(user, team)[0].channel_ids, (Ids{a, b}));
}

TEST_F(SidebarStoreTest, UnplacedChannelsAreMembershipsOutsideEveryCategory) {
  auto zulu = joined(team, "O", "zulu");
  auto alpha = joined(team, "P", "alpha");
  auto foreign = joined(other_team, "O", "foreign");
  auto dm = joined("", "D", "");
  auto gm = joined("", "G", "group");
  env.add_channel(team, "O", "not-joined");
  auto archived = joined(team, "O", "archived");
  env.sql("UPDATE Channels SET DeleteAt = 9 WHERE Id = '" + archived + "'");
  sidebar().create_defaults(user, team);
  EXPECT_EQ(sidebar().unplaced_channels(user, team, false), (Ids{alpha, zulu}));
  auto direct = sidebar().unplaced_channels(user, team, true);
  EXPECT_EQ(direct.size(), 2u);
  EXPECT_NE(std::find(direct.begin(), direct.end(), dm), direct.end());
  EXPECT_NE(std::find(direct.begin(), direct.end(), gm), direct.end());

  auto favorites = sidebar().categories(user, team)[0];
  sidebar().set_channels(favorites, {zulu, dm});
  EXPECT_EQ(sidebar().unplaced_channels(user, team, false), (Ids{alpha}));
  EXPECT_EQ(sidebar().unplaced_channels(user, team, true), (Ids{gm}));
  // Placement is per team: the DM is still unplaced on the other team.
  EXPECT_EQ(sidebar().unplaced_channels(user, other_team, true).size(), 2u);
  EXPECT_EQ(sidebar().unplaced_channels(user, other_team, false), (Ids{foreign}));

  auto placeable = sidebar().placeable_channels(user, team);
  EXPECT_EQ(placeable.size(), 5u);  // zulu, alpha, archived, dm, gm
  EXPECT_NE(std::find(placeable.begin(), placeable.end(), archived), placeable.end());
}

TEST_F(SidebarStoreTest, SetChannelsMovesChannelsAndHidesLeftOnes) {
  auto a = joined(team, "O", "a"), b = joined(team, "O", "b"), c = joined(team, "O", "c");
  sidebar().create_defaults(user, team);
  auto cats = sidebar().categories(user, team);
  model::SidebarCategory custom{
      "customid00000000000000000a", user, team, 5, "", "custom", "Mine", false, false, {}};
  sidebar().insert(custom);
  sidebar().set_channels(cats[1], {c, b, a});
  sidebar().set_channels(custom, {b});
  EXPECT_EQ(sidebar().category(cats[1].id)->channel_ids, (Ids{c, a}));
  EXPECT_EQ(sidebar().category(custom.id)->channel_ids, (Ids{b}));

  env.sql("DELETE FROM ChannelMembers WHERE ChannelId = '" + c + "'");
  EXPECT_EQ(sidebar().category(cats[1].id)->channel_ids, (Ids{a}));

  custom.display_name = "Renamed";
  custom.collapsed = true;
  custom.sorting = "alpha";
  sidebar().update(custom);
  auto got = *sidebar().category(custom.id);
  EXPECT_EQ(got.display_name, "Renamed");
  EXPECT_TRUE(got.collapsed);
  EXPECT_EQ(got.sorting, "alpha");

  sidebar().set_order({custom.id, cats[2].id, cats[1].id, cats[0].id});
  auto ordered = sidebar().categories(user, team);
  EXPECT_EQ(ordered[0].id, custom.id);
  EXPECT_EQ(ordered[1].id, cats[2].id);
  EXPECT_EQ(ordered[3].sort_order, 30);

  sidebar().remove(custom.id);
  EXPECT_FALSE(sidebar().category(custom.id));
  EXPECT_EQ(sidebar().unplaced_channels(user, team, false), (Ids{b}));
}

TEST_F(SidebarStoreTest, LeavingChannelsAndTeamsClearsPlacement) {
  auto a = joined(team, "O", "a"), b = joined(other_team, "O", "b");
  sidebar().create_defaults(user, team);
  sidebar().create_defaults(user, other_team);
  auto red = sidebar().categories(user, team);
  auto blue = sidebar().categories(user, other_team);
  sidebar().set_channels(red[0], {a});
  sidebar().set_channels(blue[1], {b});
  sidebar().remove_channel(user, a);
  // Still a member: were the row kept, the channel would still show in Favorites.
  EXPECT_TRUE(sidebar().categories(user, team)[0].channel_ids.empty());
  EXPECT_EQ(sidebar().unplaced_channels(user, team, false), (Ids{a}));
  sidebar().clear_team(user, other_team);
  EXPECT_TRUE(sidebar().categories(user, other_team).empty());
  EXPECT_FALSE(sidebar().category(blue[1].id));
  EXPECT_EQ(sidebar().categories(user, team).size(), 3u);
  sidebar().create_defaults(user, other_team);
  EXPECT_TRUE(sidebar().categories(user, other_team)[1].channel_ids.empty());
}

TEST_F(SidebarStoreTest, FavoritesMirror) {
  auto a = joined(team, "O", "a"), b = joined(team, "O", "b");
  auto dm = joined("", "D", "");
  sidebar().create_defaults(user, team);
  sidebar().create_defaults(user, other_team);
  EXPECT_TRUE(sidebar().add_favorite(user, a));
  EXPECT_TRUE(sidebar().add_favorite(user, b));
  EXPECT_TRUE(sidebar().add_favorite(user, a));  // already there: unchanged
  EXPECT_EQ(sidebar().categories(user, team)[0].channel_ids, (Ids{b, a}));  // newest first
  EXPECT_TRUE(sidebar().categories(user, other_team)[0].channel_ids.empty());
  EXPECT_TRUE(sidebar().add_favorite(user, dm));  // direct channels: every team
  EXPECT_EQ(sidebar().categories(user, other_team)[0].channel_ids, (Ids{dm}));
  EXPECT_EQ(sidebar().categories(user, team)[0].channel_ids.front(), dm);
  EXPECT_FALSE(sidebar().add_favorite(user, "nosuchchannel0000000000000"));
  sidebar().remove_favorite(user, dm);
  EXPECT_TRUE(sidebar().categories(user, other_team)[0].channel_ids.empty());
  EXPECT_EQ(sidebar().categories(user, team)[0].channel_ids, (Ids{b, a}));
}

TEST_F(SidebarStoreTest, MutingChangesMarkUnreadOnce) {
  auto a = joined(team, "O", "a"), b = joined(team, "O", "b");
  auto changed = sidebar().set_channels_muted(user, {a, b, "x"}, true);
  EXPECT_EQ(changed.size(), 2u);
  EXPECT_TRUE(sidebar().set_channels_muted(user, {a}, true).empty());
  auto member = env.store().channels().get_member(a, user);
  ASSERT_TRUE(member);
  EXPECT_EQ(member->notify_props.at("mark_unread").as_string(), "mention");
  EXPECT_EQ(sidebar().set_channels_muted(user, {a}, false), (Ids{a}));
  EXPECT_EQ(env.store().channels().get_member(a, user)->notify_props.at("mark_unread").as_string(),
            "all");
  EXPECT_TRUE(sidebar().set_channels_muted(user, {}, true).empty());
}

}  // namespace
}  // namespace parley
