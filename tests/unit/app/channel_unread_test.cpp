// Tests for marking a channel unread from a post on both backends: the recount of messages,
// mentions, root counters and urgent mentions, replies without collapsed threads, direct
// channels, deleted and edited posts (Mattermost neither decrements on delete nor counts
// mentions added by an edit), permissions and the post_unread event.
#include "app/channel_unread.h"

#include "../support/test_env.h"
#include "app/channel_members.h"
#include "app/posts.h"
#include "app/team_members.h"
#include "app/threads.h"
#include "config/config.h"
#include "store/channel_store.h"
#include "store/thread_store.h"
#include "util/ids.h"

#include <gtest/gtest.h>

namespace parley {
namespace {

class ChannelUnreadTest : public ::testing::Test {
 protected:
  ChannelUnreadTest() {
    team = env.add_team("t");
    channel = env.add_channel(team, "O", "Town");
    for (const auto& u : {alice, bob, carol}) {
      env.add_team_member(team, u);
      env.add_channel_member(channel, u);
    }
  }

  model::Post post(const std::string& user, const std::string& in, const std::string& message,
                   const std::string& root = "", bool urgent = false) {
    model::Post p;
    p.channel_id = in;
    p.message = message;
    p.root_id = root;
    if (urgent) p.priority = model::PostPriority{"urgent", std::nullopt, std::nullopt};
    auto r = app::create_post(env.app(), env.session(user), std::move(p), false);
    EXPECT_TRUE(r) << (r ? "" : r.error().id);
    return r ? *r : model::Post{};
  }
  void view(const std::string& user, const std::string& in) {
    ASSERT_TRUE(app::view_channel(env.app(), env.session(user), user, in, ""));
  }
  model::ChannelMember member(const std::string& user, const std::string& in) {
    return *env.store().channels().get_member(in, user);
  }
  model::Channel chan(const std::string& id) { return *env.store().channels().get(id); }

  static void with_priority(config::Config& c) { c.service.post_priority = true; }
  test::TestEnv env{with_priority};
  std::string alice = env.add_user("alice");
  std::string bob = env.add_user("bob");
  std::string carol = env.add_user("carol");
  std::string team;
  std::string channel;
};

TEST_F(ChannelUnreadTest, RecountsFromTheRootPostOn) {
  post(alice, channel, "before");
  auto from = post(alice, channel, "hi @bob");
  post(alice, channel, "@bob this is urgent", "", true);
  post(alice, channel, "@bob in a reply", from.id);
  post(alice, channel, "no mention");
  view(bob, channel);
  env.events().take();

  auto r = app::mark_post_unread(env.app(), env.session(bob), bob, from.id, false);
  ASSERT_TRUE(r) << r.error().id;
  auto c = chan(channel);
  auto m = member(bob, channel);
  EXPECT_EQ(m.last_viewed_at, from.create_at - 1);
  EXPECT_EQ(c.total_msg_count - m.msg_count, 4);  // from, urgent, the reply, "no mention"
  EXPECT_EQ(c.total_msg_count_root - m.msg_count_root, 3);
  EXPECT_EQ(m.mention_count, 3);
  EXPECT_EQ(m.mention_count_root, 2);
  EXPECT_EQ(m.urgent_mention_count, 1);
  EXPECT_EQ(r->counts.msg_count, m.msg_count);
  EXPECT_EQ(r->counts.mention_count, 3);
  EXPECT_EQ(r->counts.urgent_mention_count, 1);
  EXPECT_EQ(r->counts.team_id, team);
  EXPECT_EQ(r->last_viewed_at, from.create_at - 1);

  auto events = env.events().named("post_unread");
  ASSERT_EQ(events.size(), 1u);
  const auto& e = events[0];
  EXPECT_EQ(e.broadcast.user_id, bob);
  EXPECT_EQ(e.broadcast.channel_id, channel);
  EXPECT_EQ(e.broadcast.team_id, team);
  EXPECT_EQ(e.data.at("post_id").as_string(), from.id);
  EXPECT_EQ(e.data.at("msg_count").as_int64(), m.msg_count);
  EXPECT_EQ(e.data.at("msg_count_root").as_int64(), m.msg_count_root);
  EXPECT_EQ(e.data.at("mention_count").as_int64(), 3);
  EXPECT_EQ(e.data.at("mention_count_root").as_int64(), 2);
  EXPECT_EQ(e.data.at("urgent_mention_count").as_int64(), 1);
  EXPECT_EQ(e.data.at("last_viewed_at").as_int64(), from.create_at - 1);
}

TEST_F(ChannelUnreadTest, AReplyWithoutCollapsedThreadsLeavesRootCountersRead) {
  auto root = post(bob, channel, "root by bob");
  auto reply = post(alice, channel, "@bob reply", root.id);
  post(alice, channel, "@bob later root");
  view(bob, channel);
  auto r = app::mark_post_unread(env.app(), env.session(bob), bob, reply.id, false);
  ASSERT_TRUE(r);
  auto c = chan(channel);
  EXPECT_EQ(r->counts.mention_count, 2);
  EXPECT_EQ(r->counts.mention_count_root, 0);
  EXPECT_EQ(r->counts.urgent_mention_count, 0);
  EXPECT_EQ(r->counts.msg_count_root, c.total_msg_count_root);
  EXPECT_EQ(c.total_msg_count - r->counts.msg_count, 2);
  // The thread is marked unread from the reply too, and bob hears of it.
  auto m = env.store().threads().membership(root.id, bob);
  ASSERT_TRUE(m);
  EXPECT_TRUE(m->following);
  EXPECT_EQ(m->last_viewed, reply.create_at - 1);
  EXPECT_EQ(m->unread_mentions, 1);
  auto updated = env.events().named("thread_updated");
  ASSERT_FALSE(updated.empty());
  EXPECT_EQ(updated.back().broadcast.user_id, bob);
}

TEST_F(ChannelUnreadTest, UrgentThreadMentionsAddUpInThreadsAndTeamUnreads) {
  auto root = post(alice, channel, "urgent root", "", true);
  post(bob, channel, "following now", root.id);
  post(alice, channel, "@bob please look", root.id);
  auto list = app::get_user_threads(env.app(), env.session(bob), bob, team, {});
  ASSERT_TRUE(list);
  EXPECT_EQ(list->at("total_unread_mentions").as_int64(), 1);
  EXPECT_EQ(list->at("total_unread_urgent_mentions").as_int64(), 1);
  auto unreads = app::teams_unread(env.app(), env.session(bob), bob, "", true);
  ASSERT_TRUE(unreads);
  ASSERT_EQ(unreads->size(), 1u);
  EXPECT_EQ(unreads->front().thread_mention_count, 1);
  EXPECT_EQ(unreads->front().thread_urgent_mention_count, 1);
}

TEST_F(ChannelUnreadTest, EveryPostOfTheOtherMemberIsAMentionInADirectChannel) {
  std::string dm = env.add_channel("", "D", "dm");
  env.add_channel_member(dm, alice);
  env.add_channel_member(dm, bob);
  auto first = post(alice, dm, "one");
  post(bob, dm, "mine");
  post(alice, dm, "two");
  view(bob, dm);
  auto r = app::mark_post_unread(env.app(), env.session(bob), bob, first.id, false);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->counts.mention_count, 2);
  EXPECT_EQ(chan(dm).total_msg_count - r->counts.msg_count, 3);
}

TEST_F(ChannelUnreadTest, DeletesAndEditsKeepCountersAsMattermostDoes) {
  auto first = post(alice, channel, "first");
  auto doomed = post(alice, channel, "@bob soon deleted");
  auto edited = post(alice, channel, "plain");
  auto before = chan(channel);
  EXPECT_EQ(member(bob, channel).mention_count, 1);

  ASSERT_TRUE(app::delete_post(env.app(), env.session(alice), doomed.id));
  model::Post change = edited;
  change.message = "now mentions @bob";
  ASSERT_TRUE(app::update_post(env.app(), env.session(alice), edited.id, change, false));
  // Neither the channel total nor the member's mention count moves.
  EXPECT_EQ(chan(channel).total_msg_count, before.total_msg_count);
  EXPECT_EQ(member(bob, channel).mention_count, 1);

  // A recount sees what is there now: the deleted post is gone, the edit mentions.
  view(bob, channel);
  auto r = app::mark_post_unread(env.app(), env.session(bob), bob, first.id, false);
  ASSERT_TRUE(r);
  EXPECT_EQ(before.total_msg_count - r->counts.msg_count, 2);
  EXPECT_EQ(r->counts.mention_count, 1);
}

TEST_F(ChannelUnreadTest, ChecksAccessAndThePost) {
  auto p = post(alice, channel, "x");
  auto denied = app::mark_post_unread(env.app(), env.session(carol), bob, p.id, false);
  ASSERT_FALSE(denied);
  EXPECT_EQ(denied.error().status_code, 403);
  auto admin = env.add_user("root", "system_user system_admin");
  EXPECT_TRUE(app::mark_post_unread(env.app(), env.session(admin, "system_user system_admin"), bob,
                                    p.id, false));
  auto missing = app::mark_post_unread(env.app(), env.session(bob), bob, new_id(), false);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().status_code, 404);
  std::string other = env.add_channel(team, "P", "Private");
  env.add_channel_member(other, alice);
  auto hidden = post(alice, other, "secret");
  auto outsider = app::mark_post_unread(env.app(), env.session(bob), bob, hidden.id, false);
  ASSERT_FALSE(outsider);
  EXPECT_EQ(outsider.error().status_code, 403);
}

}  // namespace
}  // namespace parley
