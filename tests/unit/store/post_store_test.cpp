// Tests for the SQLite post and reaction stores: the counters a new post moves (channel totals,
// the poster's read state, mention counts), CreateAt ordering, soft deletes of threads, listings
// with cursors, thread summaries and reaction bookkeeping.
#include "store/post_store.h"
#include "../support/test_database.h"
#include "store/reaction_store.h"
#include "util/ids.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace parley::store {
namespace {

namespace fs = std::filesystem;

class PostStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::make_unique<test::TestDatabase>();
    store_ = db_->open_store();
    channel_ = new_id();
    db_->exec("INSERT INTO Channels (Id, CreateAt, UpdateAt, Type, Name) VALUES ('" + channel_ +
              "', 1, 1, 'O', 'town-square')");
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

  int64_t channel_int(const std::string& column) {
    return db_->query_int("SELECT " + column + " FROM Channels WHERE Id = '" + channel_ + "'");
  }

  int64_t member_int(const std::string& user, const std::string& column) {
    return db_->query_int("SELECT " + column + " FROM ChannelMembers WHERE ChannelId = '" +
                          channel_ + "' AND UserId = '" + user + "'");
  }

  model::Post save(const std::string& user, const std::string& message, int64_t at,
                   const std::string& root = "", PostSaveEffects fx = {}) {
    model::Post p;
    p.id = new_id();
    p.create_at = p.update_at = at;
    p.user_id = user;
    p.channel_id = channel_;
    p.root_id = root;
    p.message = message;
    store_->posts().insert(p, fx);
    return p;
  }

  std::unique_ptr<test::TestDatabase> db_;
  std::unique_ptr<Store> store_;
  std::string channel_, alice_, bob_;
};

TEST_F(PostStoreTest, InsertMovesChannelAndMemberCounters) {
  PostSaveEffects fx;
  fx.mentioned = {bob_};
  auto root = save(alice_, "hello @bob", 1000, "", fx);
  EXPECT_EQ(channel_int("TotalMsgCount"), 1);
  EXPECT_EQ(channel_int("TotalMsgCountRoot"), 1);
  EXPECT_EQ(channel_int("LastPostAt"), 1000);
  EXPECT_EQ(channel_int("LastRootPostAt"), 1000);
  EXPECT_EQ(member_int(alice_, "MsgCount"), 1);
  EXPECT_EQ(member_int(alice_, "LastViewedAt"), 1000);
  EXPECT_EQ(member_int(bob_, "MsgCount"), 0);
  EXPECT_EQ(member_int(bob_, "MentionCount"), 1);
  EXPECT_EQ(member_int(bob_, "MentionCountRoot"), 1);
  EXPECT_EQ(member_int(bob_, "UrgentMentionCount"), 0);

  PostSaveEffects reply_fx;
  reply_fx.mark_read_by_poster = false;
  reply_fx.mentioned = {bob_};
  reply_fx.urgent = true;
  auto reply = save(alice_, "reply", 2000, root.id, reply_fx);
  EXPECT_EQ(channel_int("TotalMsgCount"), 2);
  EXPECT_EQ(channel_int("TotalMsgCountRoot"), 1);
  EXPECT_EQ(channel_int("LastPostAt"), 2000);
  EXPECT_EQ(channel_int("LastRootPostAt"), 1000);
  EXPECT_EQ(member_int(alice_, "MsgCount"), 1);  // not marked read this time
  EXPECT_EQ(member_int(bob_, "MentionCount"), 2);
  EXPECT_EQ(member_int(bob_, "MentionCountRoot"), 1);
  EXPECT_EQ(member_int(bob_, "UrgentMentionCount"), 1);
  auto stored_root = store_->posts().get(root.id, false);
  ASSERT_TRUE(stored_root);
  EXPECT_EQ(stored_root->update_at, 2000);  // a reply touches its root
  EXPECT_EQ(stored_root->reply_count, 1);
  EXPECT_EQ(store_->posts().get(reply.id, false)->reply_count, 1);
}

TEST_F(PostStoreTest, InsertReportsThePostersNewLastViewedAt) {
  int64_t viewed = 0;
  PostSaveEffects fx;
  fx.poster_viewed_at = &viewed;
  auto a = save(alice_, "a", 3000, "", fx);
  EXPECT_EQ(viewed, 3000);
  auto b = save(alice_, "b", 3000, "", fx);  // shifted past LastPostAt
  EXPECT_EQ(b.create_at, 3001);
  EXPECT_EQ(b.update_at, 3001);
  EXPECT_EQ(viewed, 3001);
  EXPECT_EQ(member_int(alice_, "LastViewedAt"), 3001);
  EXPECT_EQ(member_int(alice_, "MsgCount"), 2);

  // An admin-chosen older CreateAt is kept; the poster has seen up to the channel's LastPostAt.
  PostSaveEffects kept = fx;
  kept.keep_create_at = true;
  auto old = save(alice_, "old", 100, "", kept);
  EXPECT_EQ(old.create_at, 100);
  EXPECT_EQ(store_->posts().get(old.id, false)->create_at, 100);
  EXPECT_EQ(viewed, 3001);
  EXPECT_EQ(channel_int("LastPostAt"), 3001);
  EXPECT_EQ(channel_int("TotalMsgCount"), 3);

  // Not asked to mark read, or not a member: nothing to report.
  PostSaveEffects unread = fx;
  unread.mark_read_by_poster = false;
  save(alice_, "c", 4000, "", unread);
  EXPECT_EQ(viewed, -1);
  EXPECT_EQ(member_int(alice_, "LastViewedAt"), 3001);
  viewed = 0;
  save(new_id(), "stranger", 5000, "", fx);
  EXPECT_EQ(viewed, -1);
  EXPECT_EQ(channel_int("LastPostAt"), 5000);
  (void)a;
}

TEST_F(PostStoreTest, APosterBothMarkedReadAndMentionedKeepsTheMention) {
  // The separate updates ran in this order: marked read (mentions 0), then mentioned.
  save(bob_, "before", 1000);
  PostSaveEffects fx;
  fx.mentioned = {alice_, bob_};
  save(alice_, "@alice @bob", 2000, "", fx);
  EXPECT_EQ(member_int(alice_, "MentionCount"), 1);
  EXPECT_EQ(member_int(alice_, "LastViewedAt"), 2000);
  EXPECT_EQ(member_int(alice_, "MsgCount"), 2);
  EXPECT_EQ(member_int(bob_, "MentionCount"), 1);
}

TEST_F(PostStoreTest, JoinLeaveMessagesDoNotCount) {
  model::Post p;
  p.id = new_id();
  p.create_at = p.update_at = 700;
  p.user_id = alice_;
  p.channel_id = channel_;
  p.type = "system_join_channel";
  store_->posts().insert(p, {});
  EXPECT_EQ(channel_int("TotalMsgCount"), 0);
  EXPECT_EQ(channel_int("TotalMsgCountRoot"), 0);
  EXPECT_EQ(channel_int("LastPostAt"), 700);
  save(alice_, "counted", 800);
  EXPECT_EQ(channel_int("TotalMsgCount"), 1);
}

TEST_F(PostStoreTest, CreateAtStaysIncreasingWithinAChannel) {
  auto a = save(alice_, "a", 5000);
  auto b = save(bob_, "b", 5000);
  auto c = save(bob_, "c", 4000);
  EXPECT_EQ(a.create_at, 5000);
  EXPECT_EQ(b.create_at, 5001);
  EXPECT_EQ(c.create_at, 5002);
  EXPECT_EQ(store_->posts().get(c.id, false)->create_at, 5002);
}

TEST_F(PostStoreTest, RoundTripsFields) {
  model::Post p;
  p.id = new_id();
  p.create_at = p.update_at = 10;
  p.user_id = alice_;
  p.channel_id = channel_;
  p.message = "#tag body";
  p.hashtags = "#tag";
  p.props = {{"k", "v"}, {"n", 3}};
  p.file_ids = {"f1", "f2"};
  p.pending_post_id = "pending1";
  p.priority = model::PostPriority{"important", true, std::nullopt};
  store_->posts().insert(p, {});
  auto got = store_->posts().get(p.id, false);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->message, p.message);
  EXPECT_EQ(got->hashtags, "#tag");
  EXPECT_EQ(got->props, p.props);
  EXPECT_EQ(got->file_ids, p.file_ids);
  EXPECT_EQ(got->pending_post_id, "");  // only find_pending reads it back
  ASSERT_TRUE(got->priority);
  EXPECT_EQ(got->priority->priority, "important");
  EXPECT_EQ(got->priority->requested_ack, std::optional<bool>(true));
  EXPECT_FALSE(got->priority->persistent_notifications.has_value());
  auto pending = store_->posts().find_pending(alice_, "pending1", 0);
  ASSERT_TRUE(pending);
  EXPECT_EQ(pending->id, p.id);
  EXPECT_FALSE(store_->posts().find_pending(bob_, "pending1", 0));
  EXPECT_FALSE(store_->posts().find_pending(alice_, "pending1", 11));
}

TEST_F(PostStoreTest, SoftDeleteRemovesThreadButKeepsCounts) {
  auto root = save(alice_, "root", 100);
  auto r1 = save(bob_, "r1", 200, root.id);
  auto other = save(bob_, "other", 300);
  store_->posts().soft_delete(root.id, 400, alice_);
  EXPECT_FALSE(store_->posts().get(root.id, false));
  EXPECT_FALSE(store_->posts().get(r1.id, false));
  auto deleted = store_->posts().get(r1.id, true);
  ASSERT_TRUE(deleted);
  EXPECT_EQ(deleted->delete_at, 400);
  EXPECT_EQ(deleted->props.at("deleteBy").as_string(), alice_);
  EXPECT_TRUE(store_->posts().get(other.id, false));
  EXPECT_EQ(channel_int("TotalMsgCount"), 3);
  auto since = store_->posts().since(channel_, 350, false);
  ASSERT_EQ(since.size(), 2u);  // both deleted posts changed after 350
}

TEST_F(PostStoreTest, PagesAndCursors) {
  std::vector<model::Post> posts;
  for (int i = 0; i < 5; ++i) posts.push_back(save(alice_, "m" + std::to_string(i), 100 + i));
  auto& ps = store_->posts();
  auto page = ps.page({channel_, 0, 2});
  ASSERT_EQ(page.size(), 2u);
  EXPECT_EQ(page[0].id, posts[4].id);
  EXPECT_EQ(page[1].id, posts[3].id);
  auto page2 = ps.page({channel_, 2, 2});
  EXPECT_EQ(page2[0].id, posts[2].id);
  auto before = ps.around({channel_, 0, 10}, posts[2].id, true);
  ASSERT_EQ(before.size(), 2u);
  EXPECT_EQ(before[0].id, posts[1].id);
  auto after = ps.around({channel_, 0, 10}, posts[2].id, false);
  ASSERT_EQ(after.size(), 2u);
  EXPECT_EQ(after[0].id, posts[3].id);
  EXPECT_EQ(ps.post_id_around_time(channel_, posts[2].create_at, true, false), posts[1].id);
  EXPECT_EQ(ps.post_id_around_time(channel_, posts[2].create_at, false, false), posts[3].id);
  EXPECT_EQ(ps.post_id_around_time(channel_, posts[4].create_at, false, false), "");
}

TEST_F(PostStoreTest, ThreadsAndStats) {
  auto root = save(alice_, "root", 100);
  save(bob_, "r1", 200, root.id);
  save(alice_, "r2", 300, root.id);
  save(bob_, "r3", 400, root.id);
  auto thread = store_->posts().thread(root.id);
  ASSERT_EQ(thread.size(), 4u);
  EXPECT_EQ(thread.front().id, root.id);
  auto stats = store_->posts().thread_stats({root.id});
  ASSERT_EQ(stats.size(), 1u);
  EXPECT_EQ(stats[0].reply_count, 3);
  EXPECT_EQ(stats[0].last_reply_at, 400);
  EXPECT_EQ(stats[0].participants, (std::vector<std::string>{bob_, alice_}));
  auto roots = store_->posts().page({channel_, 0, 10, false, true});
  ASSERT_EQ(roots.size(), 1u);
  EXPECT_EQ(roots[0].reply_count, 3);
}

TEST_F(PostStoreTest, EditsAndPins) {
  auto p = save(alice_, "before", 100);
  p.message = "after";
  p.edit_at = p.update_at = 500;
  p.is_pinned = true;
  store_->posts().update(p);
  auto got = store_->posts().get(p.id, false);
  EXPECT_EQ(got->message, "after");
  EXPECT_EQ(got->edit_at, 500);
  EXPECT_EQ(channel_int("LastPostAt"), 500);
  auto pinned = store_->posts().pinned(channel_);
  ASSERT_EQ(pinned.size(), 1u);
  EXPECT_EQ(pinned[0].id, p.id);
}

TEST_F(PostStoreTest, Reactions) {
  auto p = save(alice_, "react to me", 100);
  auto& rs = store_->reactions();
  rs.save({bob_, p.id, "smile", 200, 200, 0, channel_});
  rs.save({alice_, p.id, "smile", 210, 210, 0, channel_});
  rs.save({alice_, p.id, "+1", 220, 220, 0, channel_});
  rs.save({alice_, p.id, "+1", 230, 230, 0, channel_});  // idempotent
  EXPECT_EQ(rs.for_post(p.id).size(), 3u);
  EXPECT_EQ(rs.unique_count(p.id), 2);
  EXPECT_TRUE(rs.exists_on_post(p.id, "smile"));
  auto got = store_->posts().get(p.id, false);
  EXPECT_TRUE(got->has_reactions);
  EXPECT_EQ(got->update_at, 230);
  rs.remove({bob_, p.id, "smile", 0, 0, 0, ""}, 300);
  rs.remove({alice_, p.id, "smile", 0, 0, 0, ""}, 310);
  EXPECT_FALSE(rs.exists_on_post(p.id, "smile"));
  rs.remove({alice_, p.id, "+1", 0, 0, 0, ""}, 320);
  EXPECT_TRUE(rs.for_post(p.id).empty());
  got = store_->posts().get(p.id, false);
  EXPECT_FALSE(got->has_reactions);
  EXPECT_EQ(got->update_at, 320);
  rs.save({alice_, p.id, "+1", 400, 400, 0, channel_});  // re-adding revives it
  auto list = rs.for_posts({p.id, "missing"});
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].create_at, 400);
}

}  // namespace
}  // namespace parley::store
