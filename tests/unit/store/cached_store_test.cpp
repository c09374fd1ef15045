// The store's read caches (store/cached_store.h): cached reads are served without the database,
// every write through the store invalidates them, transactions neither read stale rows nor leave
// rolled-back ones behind. Runs on both backends (open_store wraps every store).
#include "store/emoji_store.h"
#include "store/key_cache.h"
#include "store/post_store.h"
#include "store/reaction_store.h"
#include "store/session_store.h"
#include "store/status_store.h"
#include "store/user_store.h"
#include "store_fixture.h"

#include <stdexcept>

namespace parley::testing {
namespace {

class CachedStoreTest : public StoreFixture {
 protected:
  model::Session add_session(const std::string& user_id) {
    model::Session s;
    s.id = new_id();
    s.token = new_id();
    s.create_at = s.last_activity_at = 1000;
    s.user_id = user_id;
    s.roles = "system_user";
    s.props = {{"csrf", "c1"}};
    store().sessions().insert(s);
    return s;
  }

  model::Post add_post(const std::string& user_id) {
    model::Post p;
    p.id = new_id();
    p.create_at = p.update_at = 5;
    p.user_id = user_id;
    p.channel_id = new_id();
    p.message = "m";
    store::PostSaveEffects fx;
    fx.keep_create_at = true;
    store().posts().insert(p, fx);
    return p;
  }

  std::vector<std::string> emoji_names(const std::vector<std::string>& post_ids) {
    std::vector<std::string> out;
    for (const auto& r : store().reactions().for_posts(post_ids))
      out.push_back(r.post_id.substr(0, 4) + ":" + r.emoji_name);
    return out;
  }
};

TEST_F(CachedStoreTest, SessionReadsAreServedFromTheCache) {
  auto u = add_user("alice");
  auto s = add_session(u.id);
  ASSERT_EQ(store().sessions().get_by_token(s.token)->roles, "system_user");
  // A change made behind the store's back is not seen: the row came from the cache.
  exec_sql("UPDATE Sessions SET Roles = 'behind_the_back' WHERE Id = '" + s.id + "'");
  EXPECT_EQ(store().sessions().get_by_token(s.token)->roles, "system_user");
}

TEST_F(CachedStoreTest, SessionWritesInvalidate) {
  auto u = add_user("alice");
  auto s = add_session(u.id);
  auto other = add_session(u.id);
  auto& sessions = store().sessions();
  ASSERT_TRUE(sessions.get_by_token(s.token));
  ASSERT_TRUE(sessions.get_by_token(other.token));

  sessions.update_roles_for_user(u.id, "system_user system_admin");
  EXPECT_EQ(sessions.get_by_token(s.token)->roles, "system_user system_admin");
  EXPECT_EQ(sessions.get_by_token(other.token)->roles, "system_user system_admin");

  sessions.update_last_activity(s.id, 5000);
  EXPECT_EQ(sessions.get_by_token(s.token)->last_activity_at, 5000);

  sessions.update_props(s.id, {{"csrf", "c2"}});
  EXPECT_EQ(sessions.get_by_token(s.token)->csrf_token(), "c2");

  sessions.remove(s.id);
  EXPECT_FALSE(sessions.get_by_token(s.token));
  EXPECT_TRUE(sessions.get_by_token(other.token));

  sessions.remove_for_user(u.id);
  EXPECT_FALSE(sessions.get_by_token(other.token));
}

TEST_F(CachedStoreTest, ExpiredSessionsRemovedLeaveTheCache) {
  auto u = add_user("alice");
  model::Session s;
  s.id = new_id();
  s.token = new_id();
  s.create_at = s.last_activity_at = 1000;
  s.expires_at = 2000;
  s.user_id = u.id;
  store().sessions().insert(s);
  ASSERT_TRUE(store().sessions().get_by_token(s.token));
  store().sessions().remove_expired(3000);
  EXPECT_FALSE(store().sessions().get_by_token(s.token));
}

TEST_F(CachedStoreTest, UserWritesInvalidate) {
  auto u = add_user("alice");
  ASSERT_EQ(store().users().get(u.id)->nickname, "");
  exec_sql("UPDATE Users SET Nickname = 'behind' WHERE Id = '" + u.id + "'");
  EXPECT_EQ(store().users().get(u.id)->nickname, "") << "served from the cache";
  u.nickname = "ally";
  store().users().update(u);
  EXPECT_EQ(store().users().get(u.id)->nickname, "ally");
}

TEST_F(CachedStoreTest, StatusesAreCachedAndEveryStatusWriteInvalidates) {
  auto u = add_user("alice");
  auto& statuses = store().statuses();
  model::Status st;
  st.user_id = u.id;
  st.status = "online";
  st.last_activity_at = 1000;
  statuses.save(st);
  ASSERT_EQ(statuses.get(u.id)->status, "online");
  exec_sql("UPDATE Status SET Status = 'behind_the_back' WHERE UserId = '" + u.id + "'");
  EXPECT_EQ(statuses.get(u.id)->status, "online");  // served from the cache
  statuses.update_last_activity(u.id, 2000);
  EXPECT_EQ(statuses.get(u.id)->status, "behind_the_back");
  EXPECT_EQ(statuses.get(u.id)->last_activity_at, 2000);
  st.status = "away";
  statuses.save(st);
  EXPECT_EQ(statuses.get(u.id)->status, "away");
  statuses.reset_all();
  EXPECT_EQ(statuses.get(u.id)->status, "offline");
  st.status = "dnd";
  st.manual = true;
  st.dnd_end_time = 10;
  st.prev_status = "online";
  statuses.save(st);
  EXPECT_EQ(statuses.get(u.id)->status, "dnd");
  statuses.expire_dnd(20);
  EXPECT_EQ(statuses.get(u.id)->status, "online");
  // A write rolled back with its transaction leaves the cached row as committed.
  EXPECT_THROW(store().transaction([&] {
    st.status = "away";
    statuses.save(st);
    EXPECT_EQ(statuses.get(u.id)->status, "away");  // the transaction reads its own write
    throw std::runtime_error("abort");
  }),
               std::runtime_error);
  EXPECT_EQ(statuses.get(u.id)->status, "online");
}

TEST_F(CachedStoreTest, StatusesByIdsAreCachedAndDndEndingDropsOnlyItsUsers) {
  auto& statuses = store().statuses();
  auto a = add_user("alice"), b = add_user("bob");
  statuses.save({a.id, "online", false, 10, 0, ""});
  statuses.save({b.id, "dnd", true, 10, 100, "online"});
  auto status_of = [&](const std::string& id) {
    for (const auto& st : statuses.get_many({a.id, b.id, "nobody"}))
      if (st.user_id == id) return st.status;
    return std::string("none");
  };
  ASSERT_EQ(status_of(a.id), "online");
  ASSERT_EQ(status_of(b.id), "dnd");
  exec_sql("UPDATE Status SET Status = 'behind' WHERE UserId = '" + a.id + "'");
  exec_sql("UPDATE Status SET LastActivityAt = 99 WHERE UserId = '" + b.id + "'");
  EXPECT_EQ(status_of(a.id), "online") << "served from the cache";
  EXPECT_EQ(statuses.get(b.id)->last_activity_at, 10) << "served from the cache";

  statuses.save({a.id, "away", false, 20, 0, ""});
  EXPECT_EQ(status_of(a.id), "away");
  statuses.update_last_activity(a.id, 30);
  EXPECT_EQ(statuses.get(a.id)->last_activity_at, 30);
  EXPECT_EQ(status_of(b.id), "dnd");
  auto ended = statuses.expire_dnd(200);
  ASSERT_EQ(ended.size(), 1u);
  EXPECT_EQ(status_of(b.id), ended.front().status) << "timed DND ended";
  EXPECT_EQ(status_of("nobody"), "none");
}

TEST_F(CachedStoreTest, TransactionsReadTheirWritesAndRollBackCleanly) {
  auto u = add_user("alice");
  auto s = add_session(u.id);
  ASSERT_EQ(store().users().get(u.id)->nickname, "");
  ASSERT_EQ(store().sessions().get_by_token(s.token)->roles, "system_user");
  EXPECT_THROW(store().transaction([&] {
    auto changed = u;
    changed.nickname = "inside";
    store().users().update(changed);
    store().sessions().update_roles_for_user(u.id, "system_admin");
    EXPECT_EQ(store().users().get(u.id)->nickname, "inside");
    EXPECT_EQ(store().sessions().get_by_token(s.token)->roles, "system_admin");
    throw std::runtime_error("roll back");
  }),
               std::runtime_error);
  EXPECT_EQ(store().users().get(u.id)->nickname, "");
  EXPECT_EQ(store().sessions().get_by_token(s.token)->roles, "system_user");

  store().transaction([&] {
    auto changed = u;
    changed.nickname = "committed";
    store().users().update(changed);
  });
  EXPECT_EQ(store().users().get(u.id)->nickname, "committed");
}

TEST_F(CachedStoreTest, ReactionsAreCachedPerPostAndInvalidatedByWrites) {
  auto u = add_user("alice");
  auto p = add_post(u.id);
  auto q = add_post(u.id);
  auto& reactions = store().reactions();
  reactions.save({u.id, p.id, "smile", 10, 10, 0, p.channel_id});
  using Names = std::vector<std::string>;
  auto tag = [](const model::Post& x, const std::string& e) { return x.id.substr(0, 4) + ":" + e; };
  ASSERT_EQ(emoji_names({p.id, q.id}), (Names{tag(p, "smile")}));
  // Cached, "no reactions" included: a row written behind the store's back is not seen.
  exec_sql("INSERT INTO Reactions (UserId, PostId, EmojiName, CreateAt) VALUES ('" + u.id + "', '" +
           q.id + "', 'behind', 1)");
  EXPECT_EQ(emoji_names({p.id, q.id}), (Names{tag(p, "smile")}));

  // Saving on q reloads q (the row added behind the back comes with it); order is oldest first
  // across posts, as the store's.
  reactions.save({u.id, q.id, "wave", 11, 11, 0, q.channel_id});
  EXPECT_EQ(emoji_names({p.id, q.id}), (Names{tag(q, "behind"), tag(p, "smile"), tag(q, "wave")}));
  reactions.remove({u.id, p.id, "smile", 0, 0, 0, p.channel_id}, 20);
  EXPECT_EQ(emoji_names({p.id, q.id}), (Names{tag(q, "behind"), tag(q, "wave")}));
}

TEST_F(CachedStoreTest, RemovingACustomEmojiDropsItsCachedReactions) {
  auto u = add_user("alice");
  auto p = add_post(u.id);
  model::Emoji e;
  e.id = new_id();
  e.create_at = e.update_at = 1;
  e.creator_id = u.id;
  e.name = "gone";
  ASSERT_TRUE(store().emoji().save(e));
  store().reactions().save({u.id, p.id, "gone", 6, 6, 0, p.channel_id});
  ASSERT_EQ(store().reactions().for_posts({p.id}).size(), 1u);
  ASSERT_TRUE(store().emoji().remove(e.id, 100));
  EXPECT_TRUE(store().reactions().for_posts({p.id}).empty());
}

TEST_F(CachedStoreTest, ReactionsWrittenInARolledBackTransactionLeaveNoTrace) {
  auto u = add_user("alice");
  auto p = add_post(u.id);
  ASSERT_TRUE(store().reactions().for_posts({p.id}).empty());
  EXPECT_THROW(store().transaction([&] {
    store().reactions().save({u.id, p.id, "smile", 10, 10, 0, p.channel_id});
    EXPECT_EQ(store().reactions().for_posts({p.id}).size(), 1u);
    throw std::runtime_error("roll back");
  }),
               std::runtime_error);
  EXPECT_TRUE(store().reactions().for_posts({p.id}).empty());
}

TEST(KeyCache, FillsStartedBeforeAnInvalidationAreDropped) {
  store::KeyCache<int> cache(10);
  auto gen = cache.generation();
  cache.erase("k");  // a write committed while the reader was querying
  cache.fill("k", 1, gen);
  EXPECT_FALSE(cache.find("k"));
  cache.fill("k", 2, cache.generation());
  EXPECT_EQ(cache.find("k"), 2);
}

TEST(KeyCache, UpdatesChangeWhatIsCachedAndDropFillsStartedBefore) {
  store::KeyCache<int> cache(10);
  cache.update("absent", [](int& v) { v = 5; });
  EXPECT_FALSE(cache.find("absent"));
  cache.fill("k", 1, cache.generation());
  auto gen = cache.generation();
  cache.update("k", [](int& v) { v += 1; });  // a write committed while a reader was querying
  EXPECT_EQ(cache.find("k"), 2);
  cache.fill("k", 1, gen);
  EXPECT_EQ(cache.find("k"), 2) << "the older read is dropped";
}

TEST(KeyCache, StaysWithinItsBound) {
  store::KeyCache<int> cache(3);
  for (int i = 0; i < 10; ++i) cache.fill("k" + std::to_string(i), i, cache.generation());
  EXPECT_LE(cache.size(), 3u);
  EXPECT_EQ(cache.find("k9"), 9);
}

}  // namespace
}  // namespace parley::testing
