// Tests for app/teams and app/team_members: creation with default channels, the creator's
// admin flags, joining rules (domains, team size), leaving, roles, and the events they send.
#include "app/channels.h"
#include "app/team_members.h"
#include "app/teams.h"
#include "app_fixture.h"
#include "store/channel_store.h"
#include "store/team_store.h"

namespace parley::testing {
namespace {

class TeamsAppTest : public AppFixture {
 protected:
  model::Team create(const model::User& owner, const std::string& name, bool open = true) {
    model::Team t;
    t.name = name;
    t.display_name = "Team " + name;
    t.type = open ? "O" : "I";
    t.allow_open_invite = open;
    auto r = app::create_team(app(), session_for(owner), t);
    EXPECT_TRUE(r) << (r ? "" : r.error().id);
    return r ? *r : model::Team{};
  }
};

TEST_F(TeamsAppTest, ValidateTeamFollowsIsValidOrder) {
  model::Team t;
  t.id = new_id();
  t.create_at = t.update_at = 1;
  t.display_name = "x";
  t.name = "fine-name";
  t.type = "O";
  t.invite_id = new_id();
  EXPECT_TRUE(app::validate_team(t));
  auto id_of = [&](model::Team v) {
    auto s = app::validate_team(v);
    return s ? std::string() : s.error().id;
  };
  auto v = t;
  v.name = "help-desk";
  EXPECT_EQ(id_of(v), "model.team.is_valid.reserved.app_error");
  v = t;
  v.name = "Fine";
  EXPECT_EQ(id_of(v), "model.team.is_valid.characters.app_error");
  v = t;
  v.email = "Not An Email";
  EXPECT_EQ(id_of(v), "model.team.is_valid.email.app_error");
  v = t;
  v.description = std::string(256, 'd');
  EXPECT_EQ(id_of(v), "model.team.is_valid.description.app_error");
  v = t;
  v.invite_id.clear();
  EXPECT_EQ(id_of(v), "model.team.is_valid.invite_id.app_error");
}

TEST_F(TeamsAppTest, CreateMakesDefaultChannelsAndAdmin) {
  auto owner = add_user("owner");
  auto team = create(owner, "alpha");
  auto member = store().teams().get_member(team.id, owner.id);
  ASSERT_TRUE(member);
  EXPECT_TRUE(member->scheme_admin);
  EXPECT_EQ(team.email, owner.email);
  for (const char* name : {"town-square", "off-topic"}) {
    auto c = store().channels().get_by_name(team.id, name, false);
    ASSERT_TRUE(c) << name;
    auto cm = store().channels().get_member(c->id, owner.id);
    ASSERT_TRUE(cm) << name;
    EXPECT_TRUE(cm->scheme_admin);
  }
  auto added = sink_.named("added_to_team");
  ASSERT_EQ(added.size(), 1u);
  EXPECT_EQ(added[0].broadcast.user_id, owner.id);
  EXPECT_EQ(added[0].data.at("team_id").as_string(), team.id);

  model::Team dup;
  dup.name = "alpha";
  dup.display_name = "Again";
  dup.type = "O";
  auto r = app::create_team(app(), session_for(owner), dup);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().id, "app.team.save.existing.app_error");
  EXPECT_EQ(store().teams().list({}).size(), 1u);
}

TEST_F(TeamsAppTest, ExperimentalDefaultChannelsReplaceOffTopic) {
  auto cfg = config::default_config();
  cfg.team.experimental_default_channels = {"news", "town-square", "news"};
  make_app(cfg);
  auto owner = add_user("owner");
  auto team = create(owner, "beta");
  EXPECT_TRUE(store().channels().get_by_name(team.id, "news", false));
  EXPECT_FALSE(store().channels().get_by_name(team.id, "off-topic", false));
  EXPECT_EQ(store().channels().for_user(owner.id, {}).size(), 2u);
}

TEST_F(TeamsAppTest, JoinRulesDomainsAndTeamSize) {
  auto cfg = config::default_config();
  cfg.team.max_users_per_team = 2;
  make_app(cfg);
  auto owner = add_user("owner");
  auto team = create(owner, "gamma");
  auto second = add_user("second");
  auto third = add_user("third");
  ASSERT_TRUE(app::join_user_to_team(app(), team, second, ""));
  auto full = app::join_user_to_team(app(), team, third, "");
  ASSERT_FALSE(full);
  EXPECT_EQ(full.error().id, "app.team.join_user_to_team.save_member.max_accounts.app_error");

  model::Team restricted = team;
  restricted.allowed_domains = "@corp.example, other.example";
  auto denied = app::join_user_to_team(app(), restricted, third, "");
  ASSERT_FALSE(denied);
  EXPECT_EQ(denied.error().id, "api.team.join_user_to_team.allowed_domains.app_error");
  EXPECT_EQ(app::normalize_domains("@corp.example, other.example"),
            (std::vector<std::string>{"corp.example", "other.example"}));
}

TEST_F(TeamsAppTest, LeavingRemovesChannelsAndKeepsTheMembershipRow) {
  auto owner = add_user("owner");
  auto member = add_user("member");
  auto team = create(owner, "delta");
  ASSERT_TRUE(app::join_user_to_team(app(), team, member, ""));
  EXPECT_EQ(store().channels().for_user(member.id, {}).size(), 2u);
  sink_.events.clear();
  ASSERT_TRUE(app::remove_team_member(app(), session_for(member), team.id, member.id));
  EXPECT_TRUE(store().channels().for_user(member.id, {}).empty());
  auto row = store().teams().get_member(team.id, member.id);
  ASSERT_TRUE(row);
  EXPECT_GT(row->delete_at, 0);
  auto leaves = sink_.named("leave_team");
  ASSERT_EQ(leaves.size(), 2u);
  EXPECT_TRUE(leaves[0].broadcast.omit_users.count(member.id));
  EXPECT_EQ(leaves[1].broadcast.user_id, member.id);

  // A plain member may not remove someone else.
  auto again = app::join_user_to_team(app(), team, member, "");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->delete_at, 0);
  auto denied = app::remove_team_member(app(), session_for(member), team.id, owner.id);
  ASSERT_FALSE(denied);
  EXPECT_EQ(denied.error().status_code, 403);
}

TEST_F(TeamsAppTest, MembershipHooksRunAfterJoinAndLeave) {
  std::vector<std::string> seen;
  app().membership_hooks().team_joined.push_back(
      [&](app::App&, const model::Team& t, const std::string& u) { seen.push_back("team+" + u); });
  app().membership_hooks().channel_joined.push_back(
      [&](app::App&, const model::Channel& c, const std::string&) {
        seen.push_back("chan+" + c.name);
      });
  app().membership_hooks().team_left.push_back(
      [&](app::App&, const model::Team&, const std::string& u) { seen.push_back("team-" + u); });
  auto owner = add_user("owner");
  auto team = create(owner, "epsilon");
  EXPECT_EQ(seen.size(), 3u);  // two default channels and the team
  EXPECT_EQ(seen.back(), "team+" + owner.id);
  ASSERT_TRUE(app::remove_team_member(app(), session_for(owner), team.id, owner.id));
  EXPECT_EQ(seen.back(), "team-" + owner.id);
}

TEST_F(TeamsAppTest, MemberRolesMapSchemeRolesToFlags) {
  auto owner = add_user("owner");
  auto member = add_user("member");
  auto team = create(owner, "zeta");
  ASSERT_TRUE(app::join_user_to_team(app(), team, member, ""));
  auto owner_session = session_for(owner);
  ASSERT_TRUE(app::update_team_member_roles(app(), owner_session, team.id, member.id,
                                            "team_user team_admin team_post_all"));
  auto m = store().teams().get_member(team.id, member.id);
  EXPECT_TRUE(m->scheme_admin);
  EXPECT_TRUE(m->scheme_user);
  EXPECT_EQ(m->explicit_roles, "team_post_all");
  auto events = sink_.named("memberrole_updated");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_TRUE(events[0].data.at("member").is_string());
  auto guest =
      app::update_team_member_roles(app(), owner_session, team.id, member.id, "team_guest");
  ASSERT_FALSE(guest);
  EXPECT_EQ(guest.error().id, "api.channel.update_team_member_roles.changing_guest_role.app_error");
}

TEST_F(TeamsAppTest, TeamUnreadSumsChannelsButHonoursMarkUnreadMention) {
  auto owner = add_user("owner");
  auto team = create(owner, "eta");
  auto town = store().channels().get_by_name(team.id, "town-square", false);
  auto off = store().channels().get_by_name(team.id, "off-topic", false);
  exec_sql("UPDATE Channels SET TotalMsgCount = 4 WHERE TeamId = '" + team.id + "'");
  exec_sql("UPDATE ChannelMembers SET MentionCount = 1 WHERE ChannelId = '" + town->id + "'");
  auto cm = store().channels().get_member(off->id, owner.id);
  cm->notify_props["mark_unread"] = "mention";
  store().channels().update_member(*cm);
  auto s = session_for(owner);
  auto one = app::team_unread(app(), s, team.id, owner.id);
  ASSERT_TRUE(one);
  EXPECT_EQ(one->msg_count, 4);
  EXPECT_EQ(one->mention_count, 1);
  auto all = app::teams_unread(app(), s, owner.id, "");
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 1u);
  EXPECT_EQ((*all)[0].msg_count, 4);
  EXPECT_TRUE(app::teams_unread(app(), s, owner.id, team.id)->empty());
}

}  // namespace
}  // namespace parley::testing
