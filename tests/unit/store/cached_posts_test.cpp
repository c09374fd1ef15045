// The channel caches of the caching store (store/cached_posts.h, store/cached_channels.h): a
// channel's first page, the threads on it, its time cursors, the channel row and members' roles
// are served from memory, and every kind of write that changes them invalidates them. Each test
// proves the read was cached (a change made behind the store's back is not seen) before the write,
// then that the write's effect (and the change behind the back with it) is seen after. Runs on both
// backends (open_store wraps every store).
#include "store/channel_post_cache.h"
#include "store/channel_store.h"
#include "store/emoji_store.h"
#include "store/post_store.h"
#include "store/reaction_store.h"
#include "store/team_store.h"
#include "store/user_store.h"
#include "store_fixture.h"

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <utility>

namespace parley::testing {
namespace {

class CachedPostsTest : public StoreFixture {
 protected:
  void SetUp() override {
    StoreFixture::SetUp();
    user_ = add_user("alice");
    channel_ = add_channel("town-square");
  }

  std::string add_channel(const std::string& name) {
    model::Channel c;
    c.id = new_id();
    c.team_id = team_;
    c.name = name;
    c.display_name = name;
    c.type = "O";
    c.create_at = c.update_at = 1;
    store().channels().insert(c);
    return c.id;
  }

  model::Post add_post(const std::string& message, const std::string& root_id = "") {
    model::Post p;
    p.id = new_id();
    p.create_at = p.update_at = ++clock_;
    p.user_id = user_.id;
    p.channel_id = channel_;
    p.root_id = root_id;
    p.message = message;
    store().posts().insert(p, {});
    return p;
  }

  model::Emoji add_emoji(const std::string& name) {
    model::Emoji e;
    e.id = new_id();
    e.create_at = e.update_at = 1;
    e.creator_id = user_.id;
    e.name = name;
    EXPECT_TRUE(store().emoji().save(e));
    return e;
  }

  std::vector<model::Post> first_page() {
    return store().posts().page({channel_, 0, 60, false, false});
  }
  std::vector<std::string> messages() {
    std::vector<std::string> out;
    for (const auto& p : first_page()) out.push_back(p.message);
    return out;
  }
  std::optional<model::Post> find(const std::vector<model::Post>& rows, const std::string& id) {
    for (const auto& p : rows)
      if (p.id == id) return p;
    return std::nullopt;
  }

  // Fills the page, then changes every post's hashtags behind the store's back and checks that
  // the page still comes from the cache.
  void fill_and_mark() {
    first_page();
    marker_ = "#behind" + std::to_string(++marks_);
    exec_sql("UPDATE Posts SET Hashtags = '" + marker_ + "' WHERE ChannelId = '" + channel_ + "'");
    for (const auto& p : first_page()) ASSERT_NE(p.hashtags, marker_) << "page not from cache";
  }
  // True when the page was read again from the database (the last marker shows).
  bool reloaded() {
    auto rows = first_page();
    return std::any_of(rows.begin(), rows.end(),
                       [&](const model::Post& p) { return p.hashtags == marker_; });
  }

  model::User user_;
  std::string team_ = new_id();
  std::string channel_;
  int64_t clock_ = 100;
  std::string marker_;
  int marks_ = 0;
};

TEST_F(CachedPostsTest, NewPostsAndRepliesInvalidateThePage) {
  auto root = add_post("root");
  fill_and_mark();
  auto reply = add_post("reply", root.id);
  ASSERT_TRUE(reloaded());
  auto rows = first_page();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows.front().id, reply.id);
  EXPECT_EQ(find(rows, root.id)->reply_count, 1) << "the root's reply count moved";
}

TEST_F(CachedPostsTest, EditsAndPinsInvalidateThePage) {
  add_post("bystander");  // an update rewrites the edited row's hashtags: the marker shows here
  auto p = add_post("before");
  fill_and_mark();
  p.message = "after";
  p.edit_at = p.update_at = ++clock_;
  store().posts().update(p);
  ASSERT_TRUE(reloaded());
  EXPECT_EQ(find(first_page(), p.id)->message, "after");

  fill_and_mark();
  p.is_pinned = true;
  p.update_at = ++clock_;
  store().posts().update(p);
  ASSERT_TRUE(reloaded());
  EXPECT_TRUE(find(first_page(), p.id)->is_pinned);
}

TEST_F(CachedPostsTest, EditsMovingAPostInvalidateBothChannels) {
  auto p = add_post("moving");
  std::string other = new_id();
  fill_and_mark();
  ASSERT_TRUE(store().posts().page({other, 0, 60, false, false}).empty());
  p.channel_id = other;
  p.update_at = ++clock_;
  store().posts().update(p);
  EXPECT_TRUE(first_page().empty());
  EXPECT_EQ(store().posts().page({other, 0, 60, false, false}).size(), 1u);
}

TEST_F(CachedPostsTest, DeletionsInvalidateThePage) {
  auto root = add_post("root");
  auto reply = add_post("reply", root.id);
  auto other = add_post("other");
  fill_and_mark();
  store().posts().soft_delete(reply.id, ++clock_, user_.id);
  ASSERT_TRUE(reloaded());
  auto rows = first_page();
  EXPECT_EQ(rows.size(), 2u);
  EXPECT_EQ(find(rows, root.id)->reply_count, 0);

  fill_and_mark();
  store().posts().soft_delete(root.id, ++clock_, user_.id);
  ASSERT_TRUE(reloaded());
  EXPECT_EQ(messages(), std::vector<std::string>{"other"});

  fill_and_mark();
  store().posts().permanent_delete(other.id);
  EXPECT_TRUE(first_page().empty());
}

TEST_F(CachedPostsTest, ReactionsInvalidateThePage) {
  auto p = add_post("react to me");
  fill_and_mark();
  store().reactions().save({user_.id, p.id, "smile", ++clock_, clock_, 0, channel_});
  ASSERT_TRUE(reloaded());
  EXPECT_TRUE(first_page().front().has_reactions);

  fill_and_mark();
  // A reaction without its channel (the store finds it from the post).
  store().reactions().remove({user_.id, p.id, "smile", 0, 0, 0, ""}, ++clock_);
  ASSERT_TRUE(reloaded());
  EXPECT_FALSE(first_page().front().has_reactions);
}

TEST_F(CachedPostsTest, RemovingACustomEmojiInvalidatesThePage) {
  auto p = add_post("custom");
  auto e = add_emoji("gone");
  store().reactions().save({user_.id, p.id, "gone", ++clock_, clock_, 0, channel_});
  fill_and_mark();
  ASSERT_TRUE(first_page().front().has_reactions);
  ASSERT_TRUE(store().emoji().remove(e.id, ++clock_));
  ASSERT_TRUE(reloaded());
  EXPECT_FALSE(first_page().front().has_reactions);
}

TEST_F(CachedPostsTest, ChannelAndTeamDeletionsInvalidate) {
  add_post("in the channel");
  fill_and_mark();
  store().channels().permanent_delete(channel_);
  EXPECT_TRUE(first_page().empty());
  EXPECT_FALSE(store().channels().get(channel_));

  channel_ = add_channel("off-topic");
  add_post("in the team");
  fill_and_mark();
  ASSERT_TRUE(store().channels().get(channel_));
  store().teams().permanent_delete(team_);
  EXPECT_TRUE(first_page().empty());
  EXPECT_FALSE(store().channels().get(channel_));
}

TEST_F(CachedPostsTest, ThreadsAndCursorsAreCachedAndInvalidated) {
  auto root = add_post("root");
  auto reply = add_post("reply", root.id);
  auto& posts = store().posts();
  ASSERT_EQ(posts.threads_of(channel_, {root.id}).size(), 2u);
  ASSERT_EQ(posts.post_id_around_time(channel_, reply.create_at, true, false), root.id);
  exec_sql("UPDATE Posts SET DeleteAt = 1 WHERE Id = '" + root.id + "'");
  EXPECT_EQ(posts.threads_of(channel_, {root.id}).size(), 2u) << "served from the cache";
  EXPECT_EQ(posts.post_id_around_time(channel_, reply.create_at, true, false), root.id);

  auto later = add_post("later reply", root.id);
  EXPECT_EQ(posts.threads_of(channel_, {root.id}).size(), 2u) << "root deleted, two replies";
  EXPECT_EQ(posts.post_id_around_time(channel_, reply.create_at, true, false), "");
  EXPECT_EQ(posts.post_id_around_time(channel_, reply.create_at, false, false), later.id);
}

TEST_F(CachedPostsTest, ChannelRowsAreCachedAndInvalidatedByPostsAndUpdates) {
  auto& channels = store().channels();
  ASSERT_EQ(channels.get(channel_)->total_msg_count, 0);
  exec_sql("UPDATE Channels SET Header = 'behind' WHERE Id = '" + channel_ + "'");
  EXPECT_EQ(channels.get(channel_)->header, "") << "served from the cache";

  // A post moves the cached row's counters to what the insert left, without reading the row
  // again (the header changed behind the store's back stays as cached).
  auto p = add_post("counted");
  auto c = *channels.get(channel_);
  EXPECT_EQ(c.total_msg_count, 1);
  EXPECT_EQ(c.total_msg_count_root, 1);
  EXPECT_EQ(c.last_post_at, p.create_at);
  EXPECT_EQ(c.last_root_post_at, p.create_at);
  EXPECT_EQ(c.header, "") << "patched, not read again";
  auto reply = add_post("reply", p.id);
  c = *channels.get(channel_);
  EXPECT_EQ(c.total_msg_count, 2);
  EXPECT_EQ(c.total_msg_count_root, 1);
  EXPECT_EQ(c.last_post_at, reply.create_at);
  EXPECT_EQ(c.last_root_post_at, p.create_at);
  // The counters as the database has them.
  store().channels().update(c);  // drops the cached row
  auto fresh = *channels.get(channel_);
  EXPECT_EQ(fresh.header, "");
  EXPECT_EQ(fresh.total_msg_count, 2);
  EXPECT_EQ(fresh.total_msg_count_root, 1);
  EXPECT_EQ(fresh.last_post_at, reply.create_at);
  EXPECT_EQ(fresh.last_root_post_at, p.create_at);

  c.header = "changed";
  channels.update(c);
  EXPECT_EQ(channels.get(channel_)->header, "changed");

  p.message = "edited";
  p.update_at = p.edit_at = ++clock_;
  store().posts().update(p);
  EXPECT_EQ(channels.get(channel_)->last_post_at, p.update_at);
}

TEST_F(CachedPostsTest, MemberRolesAreCachedAndInvalidatedByMembershipWrites) {
  auto& channels = store().channels();
  model::ChannelMember m;
  m.channel_id = channel_;
  m.user_id = user_.id;
  m.notify_props = model::default_channel_notify_props();
  EXPECT_FALSE(channels.member_roles(channel_, user_.id));
  channels.save_member(m);
  ASSERT_EQ(channels.member_roles(channel_, user_.id), "channel_user");
  auto behind = [&](const std::string& set) {
    exec_sql("UPDATE ChannelMembers SET " + set + " WHERE ChannelId = '" + channel_ + "'");
  };
  behind("SchemeAdmin = 1");
  EXPECT_EQ(channels.member_roles(channel_, user_.id), "channel_user") << "served from the cache";

  m.scheme_admin = true;
  m.explicit_roles = "custom_role";
  channels.update_member(m);
  EXPECT_EQ(channels.member_roles(channel_, user_.id),
            channels.get_member(channel_, user_.id)->roles());
  EXPECT_NE(channels.member_roles(channel_, user_.id)->find("channel_admin"), std::string::npos);

  channels.remove_member(channel_, user_.id);
  EXPECT_FALSE(channels.member_roles(channel_, user_.id));

  channels.save_member(m);
  ASSERT_TRUE(channels.member_roles(channel_, user_.id));
  channels.remove_team_memberships(team_, user_.id);
  EXPECT_FALSE(channels.member_roles(channel_, user_.id));

  channels.save_member(m);
  ASSERT_TRUE(channels.member_roles(channel_, user_.id));
  channels.permanent_delete(channel_);
  EXPECT_FALSE(channels.member_roles(channel_, user_.id));

  channel_ = add_channel("off-topic");
  m.channel_id = channel_;
  channels.save_member(m);
  ASSERT_TRUE(channels.member_roles(channel_, user_.id));
  store().teams().permanent_delete(team_);
  EXPECT_FALSE(channels.member_roles(channel_, user_.id));
}

TEST_F(CachedPostsTest, MemberCountsAreCachedAndInvalidatedByMembershipAndUserWrites) {
  auto& channels = store().channels();
  auto join = [&](const model::User& u) {
    model::ChannelMember m;
    m.channel_id = channel_;
    m.user_id = u.id;
    m.notify_props = model::default_channel_notify_props();
    channels.save_member(m);
  };
  auto counts = [&] {
    return std::pair{channels.member_count(channel_), channels.guest_count(channel_)};
  };
  join(user_);
  auto guest = add_user("guest", "system_guest");
  join(guest);
  ASSERT_EQ(counts(), std::pair(int64_t{2}, int64_t{1}));
  exec_sql("UPDATE Users SET DeleteAt = 5 WHERE Id = '" + user_.id + "'");
  EXPECT_EQ(counts(), std::pair(int64_t{2}, int64_t{1})) << "served from the cache";
  exec_sql("UPDATE Users SET DeleteAt = 0 WHERE Id = '" + user_.id + "'");

  auto bob = add_user("bob");
  join(bob);
  EXPECT_EQ(counts(), std::pair(int64_t{3}, int64_t{1})) << "a member added";
  channels.remove_member(channel_, bob.id);
  EXPECT_EQ(counts(), std::pair(int64_t{2}, int64_t{1})) << "a member removed";

  auto u = *store().users().get(user_.id);
  u.nickname = "same counts";
  store().users().update(u);
  u.roles = "system_guest";
  store().users().update(u);
  EXPECT_EQ(counts(), std::pair(int64_t{2}, int64_t{2})) << "a user became a guest";
  u.delete_at = 7;
  store().users().update(u);
  EXPECT_EQ(counts(), std::pair(int64_t{1}, int64_t{1})) << "a user deactivated";

  channels.remove_team_memberships(team_, guest.id);
  EXPECT_EQ(counts(), std::pair(int64_t{0}, int64_t{0})) << "a user left the team";
  store().transaction([&] {
    join(guest);
    EXPECT_EQ(counts(), std::pair(int64_t{1}, int64_t{1})) << "a transaction reads its writes";
  });
  EXPECT_EQ(counts(), std::pair(int64_t{1}, int64_t{1}));
}

TEST_F(CachedPostsTest, TransactionsReadTheirWritesAndRollBackCleanly) {
  add_post("first");
  ASSERT_EQ(messages(), std::vector<std::string>{"first"});
  EXPECT_THROW(store().transaction([&] {
    add_post("rolled back");
    EXPECT_EQ(messages().size(), 2u) << "reads inside the transaction see its writes";
    throw std::runtime_error("roll back");
  }),
               std::runtime_error);
  EXPECT_EQ(messages(), std::vector<std::string>{"first"});
  EXPECT_EQ(store().channels().get(channel_)->total_msg_count, 1);

  store().transaction([&] { add_post("committed"); });
  EXPECT_EQ(messages(), (std::vector<std::string>{"committed", "first"}));
  EXPECT_EQ(store().channels().get(channel_)->total_msg_count, 2);
}

TEST_F(CachedPostsTest, ChannelStampsChangeWithEveryWriteToTheChannel) {
  auto& posts = store().posts();
  auto other = add_channel("off-topic");
  auto stamp = posts.channel_stamp(channel_);
  auto other_stamp = posts.channel_stamp(other);
  ASSERT_TRUE(stamp);
  auto changed = [&] {
    auto now = posts.channel_stamp(channel_);
    bool moved = now != stamp;
    stamp = now;
    return moved;
  };
  auto p = add_post("one");
  EXPECT_TRUE(changed()) << "new post";
  EXPECT_EQ(posts.channel_stamp(other), other_stamp) << "other channels keep theirs";
  add_post("reply", p.id);
  EXPECT_TRUE(changed()) << "reply";
  p.message = "edited";
  posts.update(p);
  EXPECT_TRUE(changed()) << "edit";
  store().reactions().save({user_.id, p.id, "smile", ++clock_, clock_, 0, channel_});
  EXPECT_TRUE(changed()) << "reaction";
  add_emoji("fresh");
  EXPECT_TRUE(changed()) << "a new custom emoji (posts may name it)";
  posts.soft_delete(p.id, ++clock_, user_.id);
  EXPECT_TRUE(changed()) << "deletion";
  EXPECT_FALSE(changed()) << "reads leave it";

  store().transaction([&] {
    EXPECT_FALSE(posts.channel_stamp(channel_)) << "no stamp for reads inside a transaction";
    add_post("in a transaction");
  });
  EXPECT_TRUE(changed()) << "a write committed by a transaction";
}

TEST_F(CachedPostsTest, OnlyFirstPagesAreCached) {
  add_post("one");
  add_post("two");
  auto second = store().posts().page({channel_, 1, 1, false, false});
  ASSERT_EQ(second.size(), 1u);
  exec_sql("UPDATE Posts SET Message = 'behind' WHERE ChannelId = '" + channel_ + "'");
  EXPECT_EQ(store().posts().page({channel_, 1, 1, false, false}).front().message, "behind");
}

TEST(ChannelPostCache, FillsRacingAnInvalidationOfTheirChannelAreDropped) {
  store::ChannelPostCache cache(10, 4);
  auto gen = cache.generation();
  cache.invalidate("a");  // a write to channel a committed while both readers were querying
  cache.fill_rows("a", "k", {model::Post{}}, gen);
  cache.fill_id("b", "k", "id", gen);
  EXPECT_FALSE(cache.find_rows("a", "k"));
  EXPECT_EQ(cache.find_id("b", "k"), "id") << "other channels keep their fills";

  gen = cache.generation();
  cache.clear();
  cache.fill_rows("b", "k", {}, gen);
  EXPECT_FALSE(cache.find_rows("b", "k"));
  cache.fill_rows("b", "k", {}, cache.generation());
  EXPECT_TRUE(cache.find_rows("b", "k"));
}

TEST(ChannelPostCache, StampsMoveWithInvalidationsAndClears) {
  store::ChannelPostCache cache(10, 4);
  auto a = cache.stamp("a"), b = cache.stamp("b");
  cache.invalidate("a");
  EXPECT_NE(cache.stamp("a"), a);
  EXPECT_EQ(cache.stamp("b"), b);
  a = cache.stamp("a");
  cache.clear();
  EXPECT_NE(cache.stamp("a"), a);
  EXPECT_NE(cache.stamp("b"), b);
}

TEST(ChannelPostCache, StaysWithinItsBounds) {
  store::ChannelPostCache cache(3, 2);
  for (int i = 0; i < 10; ++i) {
    cache.fill_rows("c" + std::to_string(i), "k", {}, cache.generation());
    cache.fill_id("c9", "k" + std::to_string(i), "x", cache.generation());
  }
  EXPECT_LE(cache.channels(), 3u);
  EXPECT_TRUE(cache.find_rows("c9", "k"));
  EXPECT_EQ(cache.find_id("c9", "k9"), "x");
  EXPECT_FALSE(cache.find_id("c9", "k0"));
}

}  // namespace
}  // namespace parley::testing
