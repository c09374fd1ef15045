// Tests for status transitions: manual statuses win, online is never manual, timed DND, the
// away timeout, status_change events to the user only, and the presence worker.
#include "app/statuses.h"

#include "../support/test_env.h"
#include "app/presence.h"
#include "config/config.h"
#include "store/status_store.h"
#include "util/ids.h"

#include <gtest/gtest.h>

namespace parley {
namespace {

class StatusesTest : public ::testing::Test {
 protected:
  std::string status_of(const std::string& id) {
    return app::statuses_by_ids(env.app(), {id}).front().status;
  }
  std::vector<std::string> changes(const std::string& user) {
    std::vector<std::string> out;
    for (const auto& e : env.events().named("status_change")) {
      EXPECT_EQ(e.broadcast.user_id, user);
      EXPECT_EQ(e.data.at("user_id").as_string(), user);
      out.emplace_back(e.data.at("status").as_string());
    }
    return out;
  }

  test::TestEnv env;
  std::string alice = env.add_user("alice");
};

TEST_F(StatusesTest, UnknownUsersAreOfflineInRequestOrder) {
  std::string ghost = new_id();
  app::set_status_online(env.app(), alice, false);
  auto all = app::statuses_by_ids(env.app(), {ghost, alice});
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].user_id, ghost);
  EXPECT_EQ(all[0].status, "offline");
  EXPECT_EQ(all[1].status, "online");
  EXPECT_GT(all[1].last_activity_at, 0);
  auto active = app::active_statuses(env.app());
  ASSERT_EQ(active.size(), 1u);
  EXPECT_EQ(active[0].user_id, alice);
}

TEST_F(StatusesTest, AutomaticChangesDoNotOverrideManualOnes) {
  app::set_status_online(env.app(), alice, false);
  app::set_status_online(env.app(), alice, false);  // no change, no event
  app::set_status_away_if_needed(env.app(), alice, true);
  EXPECT_EQ(status_of(alice), "away");
  app::set_status_online(env.app(), alice, false);   // a socket connects
  app::set_status_offline(env.app(), alice, false);  // the last socket goes
  EXPECT_EQ(status_of(alice), "away");
  app::set_status_online(env.app(), alice, true);  // by hand: online, but never manual
  auto s = app::statuses_by_ids(env.app(), {alice}).front();
  EXPECT_EQ(s.status, "online");
  EXPECT_FALSE(s.manual);
  app::set_status_offline(env.app(), alice, false);
  EXPECT_EQ(status_of(alice), "offline");
  app::set_status_offline(env.app(), alice, true);
  app::set_status_online(env.app(), alice, false);
  EXPECT_EQ(status_of(alice), "offline");
  EXPECT_EQ(changes(alice),
            (std::vector<std::string>{"online", "away", "online", "offline", "offline"}));
}

TEST_F(StatusesTest, AutomaticAwayNeedsTheIdleTimeout) {
  app::set_status_online(env.app(), alice, false);
  app::set_status_away_if_needed(env.app(), alice, false);  // active just now
  EXPECT_EQ(status_of(alice), "online");
  auto s = *env.store().statuses().get(alice);
  s.last_activity_at -= 301 * 1000;  // TeamSettings.UserStatusAwayTimeout is 300 s
  env.store().statuses().save(s);
  app::set_status_away_if_needed(env.app(), alice, false);
  s = *env.store().statuses().get(alice);
  EXPECT_EQ(s.status, "away");
  EXPECT_FALSE(s.manual);
}

TEST_F(StatusesTest, TimedDndReturnsToThePreviousStatus) {
  app::set_status_online(env.app(), alice, false);
  app::set_status_dnd(env.app(), alice, 1'700'000'059);
  auto s = *env.store().statuses().get(alice);
  EXPECT_EQ(s.status, "dnd");
  EXPECT_TRUE(s.manual);
  EXPECT_EQ(s.dnd_end_time, 1'700'000'040);              // truncated to the minute
  app::set_status_dnd(env.app(), alice, 1'700'000'100);  // a new end keeps "online" to return to
  app::set_status_online(env.app(), alice, false);       // manual DND wins
  EXPECT_EQ(status_of(alice), "dnd");
  env.events().take();
  app::expire_dnd_statuses(env.app(), 1'700'000'060);  // not due yet
  EXPECT_EQ(status_of(alice), "dnd");
  app::expire_dnd_statuses(env.app(), 1'700'000'100);
  s = *env.store().statuses().get(alice);
  EXPECT_EQ(s.status, "online");
  EXPECT_FALSE(s.manual);
  EXPECT_EQ(changes(alice), std::vector<std::string>{"online"});
}

TEST_F(StatusesTest, UpdateStatusChecksAccessAndValue) {
  auto bob = env.add_user("bob");
  auto denied = app::update_status(env.app(), env.session(bob), alice, "away", 0);
  ASSERT_FALSE(denied);
  EXPECT_EQ(denied.error().status_code, 403);
  auto bad = app::update_status(env.app(), env.session(alice), alice, "ooo", 0);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().id, "api.context.invalid_param.app_error");
  ASSERT_TRUE(app::update_status(env.app(), env.session(alice), alice, "dnd", 0));
  auto s = *env.store().statuses().get(alice);
  EXPECT_EQ(s.status, "dnd");
  EXPECT_EQ(s.dnd_end_time, 0);
  auto admin = env.add_user("root", "system_admin system_user");
  EXPECT_TRUE(app::update_status(env.app(), env.session(admin, "system_admin system_user"), alice,
                                 "offline", 0));
  EXPECT_EQ(status_of(alice), "offline");
}

TEST(StatusesDisabledTest, NothingIsTrackedWhenUserStatusesAreOff) {
  test::TestEnv env([](config::Config& c) { c.service.enable_user_statuses = false; });
  auto alice = env.add_user("alice");
  app::set_status_online(env.app(), alice, true);
  app::set_status_dnd(env.app(), alice, 0);
  EXPECT_TRUE(app::statuses_by_ids(env.app(), {alice}).empty());
  EXPECT_TRUE(app::active_statuses(env.app()).empty());
  EXPECT_FALSE(env.store().statuses().get(alice));
  EXPECT_TRUE(env.events().named("status_change").empty());
}

TEST_F(StatusesTest, PresenceTrackerAppliesChangesInOrder) {
  auto bob = env.add_user("bob");
  app::set_status_away_if_needed(env.app(), bob, true);
  app::set_status_online(env.app(), alice, false);  // left over from a previous run
  {
    app::PresenceTracker tracker(env.app());
    EXPECT_EQ(status_of(alice), "offline");  // reset at start
    EXPECT_EQ(status_of(bob), "away");       // manual: kept
    tracker.presence_changed(alice, true);
    tracker.presence_changed(bob, true);
    tracker.drain();
    EXPECT_EQ(status_of(alice), "online");
    EXPECT_EQ(status_of(bob), "away");
    tracker.presence_changed(alice, false);
    tracker.presence_changed(alice, true);
    tracker.presence_changed(alice, false);
  }  // the destructor applies what is queued
  EXPECT_EQ(status_of(alice), "offline");
}

TEST_F(StatusesTest, PresenceTrackerEndsDueDndStatuses) {
  app::set_status_dnd(env.app(), alice, 60);  // long past
  app::PresenceTracker tracker(env.app(), std::chrono::milliseconds(1));
  for (int i = 0; i < 500 && status_of(alice) == "dnd"; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_EQ(status_of(alice), "offline");
}

}  // namespace
}  // namespace parley
