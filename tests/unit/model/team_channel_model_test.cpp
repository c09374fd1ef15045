// Tests for team and channel model rules: names (reserved, characters), DM and group names,
// member roles and the JSON shapes clients read.
#include "model/channel.h"
#include "model/team.h"

#include <gtest/gtest.h>

namespace parley::model {
namespace {

TEST(TeamModel, ReservedNamesArePrefixesCaseInsensitive) {
  EXPECT_TRUE(is_reserved_team_name("admin"));
  EXPECT_TRUE(is_reserved_team_name("Helpdesk"));
  EXPECT_TRUE(is_reserved_team_name("plugins-x"));
  EXPECT_FALSE(is_reserved_team_name("my-admin"));
  EXPECT_FALSE(is_reserved_team_name("team"));
}

TEST(TeamModel, NameCharacters) {
  for (const char* ok : {"ab", "a-b", "a1-2b", "ab__cd", "00"})
    EXPECT_TRUE(is_valid_team_name(ok)) << ok;
  for (const char* bad : {"a", "-ab", "ab-", "aB", "a_b", "a-b__c", "a___b", "a b", ""})
    EXPECT_FALSE(is_valid_team_name(bad)) << bad;
  EXPECT_EQ(rune_count("héllo"), 5u);
}

TEST(TeamModel, JsonViewsHideEmailAndInvite) {
  Team t;
  t.id = "i";
  t.email = "e@x.com";
  t.invite_id = "inv";
  EXPECT_EQ(to_json(t).at("email").as_string(), "e@x.com");
  auto keep = to_json(t, TeamView::keep_invite_id);
  EXPECT_EQ(keep.at("email").as_string(), "");
  EXPECT_EQ(keep.at("invite_id").as_string(), "inv");
  EXPECT_EQ(to_json(t, TeamView::sanitized).at("invite_id").as_string(), "");
  EXPECT_FALSE(to_json(t).contains("last_team_icon_update"));
  TeamMember m;
  m.scheme_admin = true;
  m.explicit_roles = "custom";
  EXPECT_EQ(m.roles(), "team_user team_admin custom");
}

TEST(ChannelModel, NamesAndDirectNames) {
  EXPECT_TRUE(is_valid_channel_name("a"));
  EXPECT_TRUE(is_valid_channel_name("town-square"));
  EXPECT_TRUE(is_valid_channel_name("a_b-"));
  EXPECT_FALSE(is_valid_channel_name("_a"));
  EXPECT_FALSE(is_valid_channel_name("Caps"));
  EXPECT_FALSE(is_valid_channel_name(std::string(65, 'a')));
  std::string a(26, 'a'), b(26, 'b');
  EXPECT_EQ(direct_channel_name(b, a), a + "__" + b);
  EXPECT_TRUE(looks_like_dm_or_group_name(a + "__" + b));
  EXPECT_TRUE(looks_like_dm_or_group_name(std::string(40, 'f')));
  EXPECT_FALSE(looks_like_dm_or_group_name("just__text"));
  // sha1("abc") as Mattermost computes it over the sorted, concatenated ids.
  EXPECT_EQ(group_channel_name({"c", "a", "b"}), "a9993e364706816aba3e25717850c26c9cd0d89d");
  EXPECT_EQ(group_channel_display_name({"zed", "amy", "bo"}), "amy, bo, zed");
  EXPECT_EQ(group_channel_display_name({std::string(40, 'x'), std::string(40, 'y')}).size(), 64u);
}

TEST(ChannelModel, MemberJsonHidesOthersTimes) {
  ChannelMember m;
  m.scheme_admin = true;
  EXPECT_EQ(m.roles(), "channel_user channel_admin");
  EXPECT_TRUE(to_json(m).contains("last_viewed_at"));
  auto hidden = to_json(m, false);
  EXPECT_FALSE(hidden.contains("last_viewed_at"));
  EXPECT_FALSE(hidden.contains("last_update_at"));
  ChannelUnread u;
  EXPECT_FALSE(to_json(u).contains("notify_props"));
}

}  // namespace
}  // namespace parley::model
