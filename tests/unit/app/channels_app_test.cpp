// Tests for app/channels, app/channel_members and app/direct_channels: validation, creation,
// DMs and group messages, adding/removing members, viewing and the events they send.
#include "app/channel_members.h"
#include "app/channels.h"
#include "app/direct_channels.h"
#include "app/team_members.h"
#include "app/teams.h"
#include "app_fixture.h"
#include "store/channel_store.h"

namespace parley::testing {
namespace {

class ChannelsAppTest : public AppFixture {
 protected:
  void SetUp() override {
    AppFixture::SetUp();
    owner_ = add_user("owner");
    mate_ = add_user("mate");
    model::Team t;
    t.name = "team-one";
    t.display_name = "Team";
    t.type = "O";
    auto r = app::create_team(app(), session_for(owner_), t);
    ASSERT_TRUE(r);
    team_ = *r;
    ASSERT_TRUE(app::join_user_to_team(app(), team_, mate_, ""));
    sink_.events.clear();
  }
  model::Channel channel(const std::string& name, const std::string& type) {
    model::Channel c;
    c.team_id = team_.id;
    c.name = name;
    c.display_name = name;
    c.type = type;
    auto r = app::create_channel(app(), session_for(owner_), c);
    EXPECT_TRUE(r) << (r ? "" : r.error().id);
    return r ? *r : model::Channel{};
  }
  model::User owner_, mate_;
  model::Team team_;
};

TEST_F(ChannelsAppTest, ValidateChannelRules) {
  model::Channel c;
  c.id = new_id();
  c.create_at = c.update_at = 1;
  c.name = "ok_name-1";
  c.type = "O";
  EXPECT_TRUE(app::validate_channel(c));
  auto id_of = [](model::Channel v) {
    auto s = app::validate_channel(v);
    return s ? std::string() : s.error().id;
  };
  auto v = c;
  v.name = "-lead";
  EXPECT_EQ(id_of(v), "model.channel.is_valid.1_or_more.app_error");
  v = c;
  v.name = std::string(40, 'a');
  EXPECT_EQ(id_of(v), "model.channel.is_valid.name.app_error");  // looks like a group name
  v.type = "G";
  EXPECT_EQ(id_of(v), "");
  v = c;
  v.header = std::string(1025, 'h');
  EXPECT_EQ(id_of(v), "model.channel.is_valid.header.app_error");
  v = c;
  v.type = "X";
  EXPECT_EQ(id_of(v), "model.channel.is_valid.type.app_error");
}

TEST_F(ChannelsAppTest, CreateAddsAdminCreatorAndTellsOnlyTheCreator) {
  auto c = channel("room", "P");
  auto m = store().channels().get_member(c.id, owner_.id);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->roles(), "channel_user channel_admin");
  auto created = sink_.named("channel_created");
  ASSERT_EQ(created.size(), 1u);
  EXPECT_EQ(created[0].broadcast.user_id, owner_.id);
  EXPECT_TRUE(sink_.named("user_added").empty());

  auto cfg = config::default_config();
  cfg.team.max_channels_per_team = 3;  // town-square, off-topic, room
  make_app(cfg);
  model::Channel more;
  more.team_id = team_.id;
  more.name = "more";
  more.display_name = "More";
  more.type = "O";
  auto r = app::create_channel(app(), session_for(owner_), more);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().id, "api.channel.create_channel.max_channel_limit.app_error");
}

TEST_F(ChannelsAppTest, AddingAMemberAnnouncesToChannelAndUser) {
  auto c = channel("open-room", "O");
  sink_.events.clear();
  auto r = app::add_user_to_channel(app(), mate_, c);
  ASSERT_TRUE(r);
  auto added = sink_.named("user_added");
  ASSERT_EQ(added.size(), 2u);
  EXPECT_EQ(added[0].broadcast.channel_id, c.id);
  EXPECT_TRUE(added[0].broadcast.omit_users.count(mate_.id));
  EXPECT_EQ(added[1].broadcast.user_id, mate_.id);
  // Adding again changes nothing and says nothing.
  sink_.events.clear();
  ASSERT_TRUE(app::add_user_to_channel(app(), mate_, c));
  EXPECT_TRUE(sink_.events.empty());

  auto stranger = add_user("stranger");
  auto denied = app::add_user_to_channel(app(), stranger, c);
  ASSERT_FALSE(denied);
  EXPECT_EQ(denied.error().id, "app.team.get_member.missing.app_error");
}

TEST_F(ChannelsAppTest, RemovingAMemberSendsUserRemovedBothWays) {
  auto c = channel("kick-room", "P");
  ASSERT_TRUE(app::add_user_to_channel(app(), mate_, c));
  sink_.events.clear();
  ASSERT_TRUE(app::remove_channel_member(app(), session_for(owner_), c.id, mate_.id));
  auto removed = sink_.named("user_removed");
  ASSERT_EQ(removed.size(), 2u);
  EXPECT_EQ(removed[0].broadcast.channel_id, c.id);
  EXPECT_EQ(removed[0].data.at("user_id").as_string(), mate_.id);
  ASSERT_TRUE(removed[0].recipients);
  EXPECT_EQ(*removed[0].recipients, std::vector<std::string>{owner_.id});
  EXPECT_EQ(removed[1].broadcast.user_id, mate_.id);
  EXPECT_EQ(removed[1].data.at("channel_id").as_string(), c.id);
}

TEST_F(ChannelsAppTest, DirectAndGroupChannelsAreCreatedOnce) {
  auto dm = app::get_or_create_direct_channel(app(), owner_.id, mate_.id);
  ASSERT_TRUE(dm);
  EXPECT_EQ(dm->name, model::direct_channel_name(owner_.id, mate_.id));
  EXPECT_EQ(sink_.named("direct_added").size(), 1u);
  auto again = app::get_or_create_direct_channel(app(), mate_.id, owner_.id);
  EXPECT_EQ(again->id, dm->id);
  EXPECT_EQ(sink_.named("direct_added").size(), 1u);

  auto third = add_user("third");
  auto gm = app::create_group_channel(app(), session_for(owner_), {mate_.id, third.id});
  ASSERT_TRUE(gm);
  EXPECT_EQ(gm->name, model::group_channel_name({owner_.id, mate_.id, third.id}));
  EXPECT_EQ(gm->display_name, "mate, owner, third");
  EXPECT_EQ(store().channels().member_user_ids(gm->id).size(), 3u);
  EXPECT_EQ(sink_.named("group_added").size(), 3u);
  auto gm2 = app::create_group_channel(app(), session_for(third), {owner_.id, mate_.id, third.id});
  EXPECT_EQ(gm2->id, gm->id);
  EXPECT_EQ(sink_.named("group_added").size(), 3u);
}

TEST_F(ChannelsAppTest, ViewingSendsMultipleChannelsViewedOnlyWhenSomethingWasUnread) {
  auto town = store().channels().get_by_name(team_.id, "town-square", false);
  auto s = session_for(mate_);
  auto quiet = app::view_channel(app(), s, mate_.id, town->id, "");
  ASSERT_TRUE(quiet);
  EXPECT_TRUE(sink_.named("multiple_channels_viewed").empty());
  exec_sql("UPDATE Channels SET TotalMsgCount = 3, LastPostAt = 777 WHERE Id = '" + town->id + "'");
  auto times = app::view_channel(app(), s, mate_.id, town->id, "");
  ASSERT_TRUE(times);
  EXPECT_EQ(times->at(town->id), 777);
  auto viewed = sink_.named("multiple_channels_viewed");
  ASSERT_EQ(viewed.size(), 1u);
  EXPECT_EQ(viewed[0].broadcast.user_id, mate_.id);
  EXPECT_EQ(viewed[0].data.at("channel_times").as_object().at(town->id).as_int64(), 777);
  EXPECT_EQ(store().channels().get_member(town->id, mate_.id)->last_viewed_at, 777);

  auto cfg = config::default_config();
  cfg.service.enable_channel_viewed_messages = false;
  make_app(cfg);
  exec_sql("UPDATE Channels SET TotalMsgCount = 4, LastPostAt = 900 WHERE Id = '" + town->id + "'");
  sink_.events.clear();
  ASSERT_TRUE(app::view_channel(app(), s, mate_.id, town->id, ""));
  EXPECT_TRUE(sink_.named("multiple_channels_viewed").empty());
  EXPECT_EQ(store().channels().get_member(town->id, mate_.id)->msg_count, 4);

  auto other = app::view_channel(app(), s, owner_.id, town->id, "");
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().status_code, 403);
}

TEST_F(ChannelsAppTest, ArchivedChannelsRejectChangesAndTownSquareIsProtected) {
  auto c = channel("doomed", "O");
  auto s = session_for(owner_);
  ASSERT_TRUE(app::archive_channel(app(), s, c.id, false));
  auto deleted = sink_.named("channel_deleted");
  ASSERT_EQ(deleted.size(), 1u);
  EXPECT_EQ(deleted[0].broadcast.team_id, team_.id);
  auto patch = app::patch_channel(app(), s, c.id, {{"header", "x"}});
  ASSERT_FALSE(patch);
  EXPECT_EQ(patch.error().id, "app.channel.update.bad_id");
  auto town = store().channels().get_by_name(team_.id, "town-square", false);
  auto rm = app::remove_channel_member(app(), session_for(mate_), town->id, mate_.id);
  ASSERT_FALSE(rm);
  EXPECT_EQ(rm.error().id, "api.channel.remove.default.app_error");
  ASSERT_TRUE(app::restore_channel(app(), s, c.id));
  EXPECT_EQ(store().channels().get(c.id)->delete_at, 0);
}

}  // namespace
}  // namespace parley::testing
