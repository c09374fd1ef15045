// Tests for the SQLite status store.
#include "store/status_store.h"

#include "../support/test_env.h"
#include "util/ids.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace parley {
namespace {

model::Status status(const std::string& user, const std::string& st, bool manual = false,
                     int64_t at = 0) {
  model::Status s;
  s.user_id = user;
  s.status = st;
  s.manual = manual;
  s.last_activity_at = at;
  return s;
}

TEST(StatusStoreTest, SaveGetAndUpdate) {
  test::TestEnv env;
  auto& statuses = env.store().statuses();
  std::string a = new_id(), b = new_id();
  EXPECT_FALSE(statuses.get(a));
  auto s = status(a, "online", false, 100);
  statuses.save(s);
  EXPECT_EQ(*statuses.get(a), s);
  s.status = "dnd";
  s.manual = true;
  s.dnd_end_time = 1700000000;
  s.prev_status = "online";
  statuses.save(s);
  EXPECT_EQ(*statuses.get(a), s);
  statuses.update_last_activity(a, 555);
  EXPECT_EQ(statuses.get(a)->last_activity_at, 555);
  statuses.save(status(b, "offline"));
  auto many = statuses.get_many({a, b, new_id()});
  EXPECT_EQ(many.size(), 2u);
  EXPECT_TRUE(statuses.get_many({}).empty());
  auto active = statuses.not_offline();
  ASSERT_EQ(active.size(), 1u);
  EXPECT_EQ(active[0].user_id, a);
}

TEST(StatusStoreTest, ResetAllKeepsManualStatuses) {
  test::TestEnv env;
  auto& statuses = env.store().statuses();
  std::string auto_online = new_id(), manual_away = new_id();
  statuses.save(status(auto_online, "online"));
  statuses.save(status(manual_away, "away", true));
  statuses.reset_all();
  EXPECT_EQ(statuses.get(auto_online)->status, "offline");
  EXPECT_EQ(statuses.get(manual_away)->status, "away");
}

TEST(StatusStoreTest, ExpireDndRestoresThePreviousStatus) {
  test::TestEnv env;
  auto& statuses = env.store().statuses();
  std::string due = new_id(), later = new_id(), forever = new_id();
  auto d = status(due, "dnd", true);
  d.dnd_end_time = 1000;
  d.prev_status = "away";
  statuses.save(d);
  auto l = status(later, "dnd", true);
  l.dnd_end_time = 5000;
  l.prev_status = "online";
  statuses.save(l);
  auto f = status(forever, "dnd", true);
  f.prev_status = "online";
  statuses.save(f);

  auto expired = statuses.expire_dnd(1000);
  ASSERT_EQ(expired.size(), 1u);
  EXPECT_EQ(expired[0].user_id, due);
  EXPECT_EQ(expired[0].status, "away");
  EXPECT_FALSE(expired[0].manual);
  auto stored = *statuses.get(due);
  EXPECT_EQ(stored.status, "away");
  EXPECT_EQ(stored.dnd_end_time, 0);
  EXPECT_EQ(stored.prev_status, "dnd");
  EXPECT_FALSE(stored.manual);
  EXPECT_EQ(statuses.get(later)->status, "dnd");
  EXPECT_EQ(statuses.get(forever)->status, "dnd");
  EXPECT_TRUE(statuses.expire_dnd(1000).empty());
}

}  // namespace
}  // namespace parley
