// Tests for the SQLite channel store: uniqueness per team, lookups by name (DMs in any team),
// per-user and per-team lists, search, memberships, view bookkeeping and unread rows.
#include "store/channel_store.h"
#include "store/team_store.h"
#include "store_fixture.h"

#include <algorithm>

namespace parley::testing {
namespace {

class ChannelStoreTest : public StoreFixture {
 protected:
  void join(const model::Channel& c, const model::User& u) {
    model::ChannelMember m;
    m.channel_id = c.id;
    m.user_id = u.id;
    m.notify_props = model::default_channel_notify_props();
    store().channels().save_member(m);
  }
  std::vector<std::string> ids(const std::vector<model::Channel>& cs) {
    std::vector<std::string> out;
    for (const auto& c : cs) out.push_back(c.id);
    std::sort(out.begin(), out.end());
    return out;
  }
  std::string team_ = new_id();
  std::string other_team_ = new_id();
};

TEST_F(ChannelStoreTest, NamesAreUniquePerTeam) {
  add_channel(team_, "general", "O");
  add_channel(other_team_, "general", "O");
  try {
    add_channel(team_, "general", "P");
    FAIL() << "duplicate accepted";
  } catch (const store::StoreError& e) {
    EXPECT_TRUE(e.constraint);
  }
}

TEST_F(ChannelStoreTest, GetByNameFindsDirectChannelsFromAnyTeamAndHidesArchived) {
  auto general = add_channel(team_, "general", "O");
  auto dm = add_channel("", "a__b", "D", "");
  EXPECT_EQ(store().channels().get_by_name(team_, "general", false)->id, general.id);
  EXPECT_FALSE(store().channels().get_by_name(other_team_, "general", false));
  EXPECT_EQ(store().channels().get_by_name(other_team_, "a__b", false)->id, dm.id);
  general.delete_at = now_ms();
  store().channels().update(general);
  EXPECT_FALSE(store().channels().get_by_name(team_, "general", false));
  EXPECT_TRUE(store().channels().get_by_name(team_, "general", true));
}

TEST_F(ChannelStoreTest, UpdateLeavesPostCountersAlone) {
  auto c = add_channel(team_, "counted", "O");
  exec_sql("UPDATE Channels SET TotalMsgCount = 7, LastPostAt = 99 WHERE Id = '" + c.id + "'");
  c.header = "hello";
  store().channels().update(c);
  auto got = store().channels().get(c.id);
  EXPECT_EQ(got->header, "hello");
  EXPECT_EQ(got->total_msg_count, 7);
  EXPECT_EQ(got->last_post_at, 99);
}

TEST_F(ChannelStoreTest, UserChannelListsIncludeDirectMessages) {
  auto u = add_user("una");
  auto open = add_channel(team_, "open", "O");
  auto other = add_channel(other_team_, "elsewhere", "O");
  auto dm = add_channel("", "x__y", "D", "");
  auto archived = add_channel(team_, "old", "P");
  for (const auto& c : {open, other, dm, archived}) join(c, u);
  archived.delete_at = 1000;
  store().channels().update(archived);

  store::UserChannelQuery q;
  q.team_id = team_;
  EXPECT_EQ(ids(store().channels().for_user(u.id, q)), ids({open, dm}));
  q.include_deleted = true;
  EXPECT_EQ(ids(store().channels().for_user(u.id, q)), ids({open, dm, archived}));
  q.last_delete_at = 1000;
  EXPECT_EQ(ids(store().channels().for_user(u.id, q)), ids({open, dm}));
  EXPECT_EQ(store().channels().for_user(u.id, {}).size(), 3u);
  EXPECT_EQ(store().channels().members_for_user_in_team(u.id, team_).size(), 3u);

  store().channels().remove_team_memberships(team_, u.id);
  EXPECT_EQ(ids(store().channels().for_user(u.id, {})), ids({other, dm}));
}

TEST_F(ChannelStoreTest, TeamListsAndArchivedVisibility) {
  auto u = add_user("vera");
  auto pub = add_channel(team_, "pub", "O");
  auto priv = add_channel(team_, "priv", "P");
  auto gone_pub = add_channel(team_, "gone-pub", "O");
  auto gone_priv = add_channel(team_, "gone-priv", "P");
  auto gone_mine = add_channel(team_, "gone-mine", "P");
  join(gone_mine, u);
  for (auto* c : {&gone_pub, &gone_priv, &gone_mine}) {
    c->delete_at = now_ms();
    store().channels().update(*c);
  }
  store::TeamChannelQuery q;
  q.team_id = team_;
  q.type = "O";
  EXPECT_EQ(ids(store().channels().for_team(q)), ids({pub}));
  q.type = "P";
  EXPECT_EQ(ids(store().channels().for_team(q)), ids({priv}));
  q.type = "";
  q.deleted = true;
  EXPECT_EQ(ids(store().channels().for_team(q)), ids({gone_pub, gone_priv, gone_mine}));
  q.member_id = u.id;
  EXPECT_EQ(ids(store().channels().for_team(q)), ids({gone_pub, gone_mine}));
  EXPECT_EQ(ids(store().channels().public_by_ids(team_, {pub.id, priv.id})), ids({pub}));
}

TEST_F(ChannelStoreTest, SearchMatchesWordPrefixesAndRespectsPrivacy) {
  auto u = add_user("walt");
  auto rocket = add_channel(team_, "rocket-lab", "O", "Rocket Lab");
  auto secret = add_channel(team_, "launch-codes", "P", "Secret Launch");
  auto joined = add_channel(team_, "launch-party", "P", "Launch Party");
  join(joined, u);
  store::ChannelSearch q;
  q.team_id = team_;
  q.user_id = u.id;
  q.term = "lau";
  EXPECT_EQ(ids(store().channels().search(q)), ids({joined}));
  q.term = "lab";
  EXPECT_EQ(ids(store().channels().search(q)), ids({rocket}));
  q.user_id.clear();
  q.term = "launch";
  EXPECT_EQ(ids(store().channels().search(q)), ids({secret, joined}));
  q.public_only = true;
  EXPECT_TRUE(store().channels().search(q).empty());
  q.term = "50%";
  EXPECT_TRUE(store().channels().search(q).empty());
}

TEST_F(ChannelStoreTest, MembersWithTeamDataAndCounts) {
  model::Team t;
  t.id = team_;
  t.name = "alpha";
  t.display_name = "Alpha";
  t.invite_id = new_id();
  t.create_at = t.update_at = 1234;
  store().teams().insert(t);
  auto a = add_user("abe");
  auto b = add_user("bea", "system_user system_guest");
  auto c = add_channel(team_, "room", "O");
  auto dm = add_channel("", "p__q", "D", "");
  join(c, a);
  join(c, b);
  join(dm, a);
  auto rows = store().channels().members_for_user(a.id, 0, -1);
  ASSERT_EQ(rows.size(), 2u);
  for (const auto& r : rows) {
    if (r.member.channel_id == c.id) {
      EXPECT_EQ(r.team_name, "alpha");
      EXPECT_EQ(r.team_display_name, "Alpha");
      EXPECT_EQ(r.team_update_at, 1234);
    } else {
      EXPECT_EQ(r.team_name, "");
    }
  }
  EXPECT_EQ(store().channels().members_for_user(a.id, 1, 1).size(), 1u);
  EXPECT_EQ(store().channels().member_count(c.id), 2);
  EXPECT_EQ(store().channels().guest_count(c.id), 1);
  auto counts = store().channels().member_counts({c.id, dm.id});
  EXPECT_EQ(counts[c.id], 2);
  EXPECT_EQ(counts[dm.id], 1);
  store().channels().remove_member(c.id, b.id);
  EXPECT_EQ(store().channels().member_user_ids(c.id), std::vector<std::string>{a.id});
}

TEST_F(ChannelStoreTest, PinnedAndFileCountsComeFromLivePosts) {
  auto c = add_channel(team_, "posts", "O");
  auto insert = [&](const std::string& pinned, const std::string& deleted,
                    const std::string& files) {
    exec_sql(
        "INSERT INTO Posts (Id, CreateAt, UpdateAt, DeleteAt, IsPinned, UserId, ChannelId, "
        "FileIds) "
        "VALUES ('" +
        new_id() + "', 1, 1, " + deleted + ", " + pinned + ", 'u', '" + c.id + "', '" + files +
        "')");
  };
  insert("1", "0", "[\"f1\",\"f2\"]");
  insert("1", "5", "[\"f3\"]");
  insert("0", "0", "[]");
  EXPECT_EQ(store().channels().pinned_post_count(c.id), 1);
  EXPECT_EQ(store().channels().file_count(c.id), 2);
}

TEST_F(ChannelStoreTest, MarkViewedCatchesUpCountersOnlyWhereUnread) {
  auto u = add_user("xena");
  auto busy = add_channel(team_, "busy", "O");
  auto quiet = add_channel(team_, "quiet", "O");
  auto dm = add_channel("", "m__n", "D", "");
  for (const auto& c : {busy, quiet, dm}) join(c, u);
  exec_sql(
      "UPDATE Channels SET TotalMsgCount = 5, TotalMsgCountRoot = 3, LastPostAt = 500 WHERE Id = "
      "'" +
      busy.id + "'");
  exec_sql("UPDATE Channels SET TotalMsgCount = 2, LastPostAt = 200 WHERE Id = '" + quiet.id + "'");
  exec_sql(
      "UPDATE ChannelMembers SET MsgCount = 2, MentionCount = 1, LastViewedAt = 100 WHERE "
      "ChannelId = '" +
      quiet.id + "'");
  exec_sql("UPDATE Channels SET TotalMsgCount = 4, LastPostAt = 50 WHERE Id = '" + dm.id + "'");
  exec_sql("UPDATE ChannelMembers SET MsgCount = 1, MentionCount = 2 WHERE ChannelId = '" + dm.id +
           "'");

  auto unreads = store().channels().unreads_for_user(u.id);
  ASSERT_EQ(unreads.size(), 2u);  // DMs are not team unreads
  auto unread = store().channels().unread(busy.id, u.id);
  EXPECT_EQ(unread->msg_count, 5);
  EXPECT_EQ(unread->msg_count_root, 3);
  EXPECT_EQ(unread->team_id, team_);

  auto r = store().channels().mark_viewed(u.id, {busy.id, quiet.id, new_id()});
  EXPECT_EQ(r.times.size(), 2u);
  EXPECT_EQ(r.times[busy.id], 500);
  EXPECT_EQ(r.times[quiet.id], 200);
  std::sort(r.viewed.begin(), r.viewed.end());
  auto expected = std::vector<std::string>{busy.id, quiet.id};
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(r.viewed, expected);  // quiet had a mention
  auto m = store().channels().get_member(busy.id, u.id);
  EXPECT_EQ(m->msg_count, 5);
  EXPECT_EQ(m->msg_count_root, 3);
  EXPECT_EQ(m->last_viewed_at, 500);
  EXPECT_EQ(store().channels().get_member(quiet.id, u.id)->mention_count, 0);
  EXPECT_EQ(store().channels().unread(busy.id, u.id)->msg_count, 0);
  EXPECT_TRUE(store().channels().mark_viewed(u.id, {busy.id}).viewed.empty());
  EXPECT_EQ(store().channels().get_member(dm.id, u.id)->mention_count, 2);
}

}  // namespace
}  // namespace parley::testing
