// Tests for the thread store on either backend: thread rows, memberships, the per-user listing
// (team and channel-membership filters, unread replies, cursors, unread/deleted filters),
// mention counts per channel, totals and marking every thread read.
#include "store/thread_store.h"
#include "../support/test_database.h"
#include "store/post_store.h"
#include "util/ids.h"

#include <gtest/gtest.h>

#include <map>

namespace parley::store {
namespace {

class ThreadStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::make_unique<test::TestDatabase>();
    store_ = db_->open_store();
    channel_ = new_id();
    team_ = new_id();
    db_->exec("INSERT INTO Channels (Id, CreateAt, UpdateAt, Type, Name, TeamId) VALUES ('" +
              channel_ + "', 1, 1, 'O', 'town-square', '" + team_ + "')");
    alice_ = member();
    bob_ = member();
  }
  void TearDown() override {
    store_.reset();
    db_.reset();
  }

  std::string member() {
    std::string id = new_id();
    db_->exec("INSERT INTO ChannelMembers (ChannelId, UserId) VALUES ('" + channel_ + "', '" + id +
              "')");
    return id;
  }

  model::Post post(const std::string& user, int64_t at, const std::string& root = "") {
    model::Post p;
    p.id = new_id();
    p.create_at = p.update_at = at;
    p.user_id = user;
    p.channel_id = channel_;
    p.root_id = root;
    p.message = "m";
    PostSaveEffects fx;
    fx.keep_create_at = true;
    store_->posts().insert(p, fx);
    return p;
  }

  // A root with `replies` replies by bob, its thread row and alice following it, viewed at
  // `viewed`.
  std::string thread(int64_t at, int replies, int64_t viewed, const std::string& team = "") {
    auto root = post(alice_, at);
    for (int i = 1; i <= replies; ++i) post(bob_, at + i, root.id);
    Thread t{root.id, channel_, replies, at + replies, {bob_}, 0, team.empty() ? team_ : team};
    store_->threads().save(t);
    store_->threads().save_membership({root.id, alice_, true, viewed, at, 0});
    return root.id;
  }

  std::unique_ptr<test::TestDatabase> db_;
  std::unique_ptr<Store> store_;
  std::string channel_, team_, alice_, bob_;
};

TEST_F(ThreadStoreTest, SaveGetAndRemove) {
  auto id = thread(1000, 2, 0);
  auto t = store_->threads().get(id);
  ASSERT_TRUE(t);
  EXPECT_EQ(t->reply_count, 2);
  EXPECT_EQ(t->last_reply_at, 1002);
  EXPECT_EQ(t->participants, std::vector<std::string>{bob_});
  EXPECT_EQ(t->team_id, team_);
  t->reply_count = 5;
  t->delete_at = 9;
  store_->threads().save(*t);
  EXPECT_EQ(store_->threads().get(id)->reply_count, 5);
  EXPECT_EQ(store_->threads().get(id)->delete_at, 9);
  auto m = store_->threads().membership(id, alice_);
  ASSERT_TRUE(m);
  EXPECT_TRUE(m->following);
  EXPECT_FALSE(store_->threads().membership(id, bob_));
  store_->threads().remove(id);
  EXPECT_FALSE(store_->threads().get(id));
  EXPECT_TRUE(store_->threads().memberships(id).empty());
}

TEST_F(ThreadStoreTest, UserMembershipsOfManyThreadsAtOnce) {
  auto followed = thread(1000, 1, 0);
  auto unfollowed = thread(2000, 1, 0);
  auto without = post(alice_, 3000).id;
  store_->threads().save_membership({unfollowed, alice_, false, 0, 2000, 0});
  store_->threads().save_membership({followed, bob_, true, 0, 1000, 0});
  auto ms = store_->threads().user_memberships(alice_, {followed, unfollowed, without});
  std::map<std::string, bool> following;
  for (const auto& m : ms) {
    EXPECT_EQ(m.user_id, alice_);
    following[m.post_id] = m.following;
  }
  EXPECT_EQ(following, (std::map<std::string, bool>{{followed, true}, {unfollowed, false}}));
  EXPECT_TRUE(store_->threads().user_memberships(alice_, {}).empty());
  EXPECT_EQ(store_->threads().user_memberships(bob_, {followed, unfollowed}).size(), 1u);
}

TEST_F(ThreadStoreTest, UserThreadCountsUnreadReplies) {
  auto id = thread(1000, 3, 1001);
  auto ut = store_->threads().user_thread(id, alice_);
  ASSERT_TRUE(ut);
  EXPECT_EQ(ut->unread_replies, 2);
  EXPECT_EQ(ut->membership.last_viewed, 1001);
  EXPECT_FALSE(store_->threads().user_thread(id, bob_));
}

TEST_F(ThreadStoreTest, ForUserFiltersAndCursors) {
  auto a = thread(1000, 1, 0);
  auto b = thread(2000, 1, 5000);  // read
  auto c = thread(3000, 1, 0);
  auto other_team = thread(4000, 1, 0, new_id());
  auto dm = thread(5000, 1, 0);
  db_->exec("UPDATE Threads SET ThreadTeamId = '' WHERE PostId = '" + dm + "'");
  auto ids = [](const std::vector<UserThread>& v) {
    std::vector<std::string> out;
    for (const auto& t : v) out.push_back(t.thread.post_id);
    return out;
  };
  UserThreadQuery q;
  q.user_id = alice_;
  q.team_id = team_;
  EXPECT_EQ(ids(store_->threads().for_user(q)), (std::vector<std::string>{dm, c, b, a}));
  q.per_page = 2;
  EXPECT_EQ(ids(store_->threads().for_user(q)), (std::vector<std::string>{dm, c}));
  q.per_page = 25;
  q.before = c;
  EXPECT_EQ(ids(store_->threads().for_user(q)), (std::vector<std::string>{b, a}));
  q.before.clear();
  q.after = b;
  EXPECT_EQ(ids(store_->threads().for_user(q)), (std::vector<std::string>{dm, c}));
  q.after.clear();
  q.unread_only = true;
  EXPECT_EQ(ids(store_->threads().for_user(q)), (std::vector<std::string>{dm, c, a}));
  q.unread_only = false;
  // Unfollowed and deleted threads, and channels the user left, drop out.
  auto m = *store_->threads().membership(a, alice_);
  m.following = false;
  store_->threads().save_membership(m);
  db_->exec("UPDATE Threads SET ThreadDeleteAt = 7 WHERE PostId = '" + c + "'");
  EXPECT_EQ(ids(store_->threads().for_user(q)), (std::vector<std::string>{dm, b}));
  q.include_deleted = true;
  EXPECT_EQ(ids(store_->threads().for_user(q)), (std::vector<std::string>{dm, c, b}));
  db_->exec("DELETE FROM ChannelMembers WHERE UserId = '" + alice_ + "'");
  EXPECT_TRUE(store_->threads().for_user(q).empty());
  (void)other_team;
}

TEST_F(ThreadStoreTest, TotalsAndMarkAllRead) {
  auto a = thread(1000, 2, 0);
  auto b = thread(2000, 1, 5000);
  auto m = *store_->threads().membership(a, alice_);
  m.unread_mentions = 3;
  store_->threads().save_membership(m);
  auto totals = store_->threads().totals(alice_, team_);
  EXPECT_EQ(totals.total, 2);
  EXPECT_EQ(totals.unread_threads, 1);
  EXPECT_EQ(totals.unread_mentions, 3);
  auto counts = store_->threads().mention_counts(alice_, team_);
  ASSERT_EQ(counts.size(), 1u);
  EXPECT_EQ(counts[0].first, channel_);
  EXPECT_EQ(counts[0].second, 3);
  // team_only leaves out threads of direct and group channels.
  db_->exec("UPDATE Threads SET ThreadTeamId = '' WHERE PostId = '" + a + "'");
  EXPECT_EQ(store_->threads().totals(alice_, team_).total, 2);
  EXPECT_EQ(store_->threads().totals(alice_, team_, true).total, 1);
  EXPECT_EQ(store_->threads().totals(alice_, team_, true).unread_mentions, 0);
  EXPECT_EQ(store_->threads().mark_all_read(alice_, team_, 9000), 1);
  totals = store_->threads().totals(alice_, team_);
  EXPECT_EQ(totals.unread_threads, 0);
  EXPECT_EQ(totals.unread_mentions, 0);
  EXPECT_EQ(store_->threads().membership(a, alice_)->last_viewed, 9000);
  EXPECT_EQ(store_->threads().membership(b, alice_)->last_viewed, 5000);
}

}  // namespace
}  // namespace parley::store
