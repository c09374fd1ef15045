// Tests for the hub's presence reports: online for every socket that attaches, offline when the
// last detaches (resumed connections included), and idle reports from per-connection activity.
#include "ws/hub.h"

#include "../support/test_env.h"
#include "util/ids.h"

#include <gtest/gtest.h>

namespace parley {
namespace {

class NullSocket final : public ws::Socket {
 public:
  void send(ws::Frame) override {}
  void close() override {}
};

class RecordingListener final : public app::PresenceListener {
 public:
  void presence_changed(const std::string& user_id, bool online) override {
    reports.emplace_back(user_id, online);
  }
  void connections_idle(const std::string& user_id, int64_t last_activity_at) override {
    idle.emplace_back(user_id, last_activity_at);
  }
  std::vector<std::pair<std::string, bool>> reports;
  std::vector<std::pair<std::string, int64_t>> idle;
};

TEST(HubPresenceTest, ReportsEveryAttachAndLastDetach) {
  test::TestEnv env;
  ws::Hub hub(env.app(), {});
  RecordingListener listener;
  hub.set_presence_listener(&listener);
  auto alice = env.session(env.add_user("alice"));
  auto bob = env.session(env.add_user("bob"));
  using Report = std::pair<std::string, bool>;

  auto s1 = std::make_shared<NullSocket>(), s2 = std::make_shared<NullSocket>();
  auto c1 = hub.attach(s1, alice, "", 0).connection;
  auto c2 = hub.attach(s2, alice, "", 0).connection;
  // Each new connection sets the user online (an automatic away ends when a device connects).
  EXPECT_EQ(listener.reports, (std::vector<Report>{{alice.user_id, true}, {alice.user_id, true}}));
  hub.detach(c1, s1.get());
  EXPECT_EQ(listener.reports.size(), 2u);
  hub.detach(c2, s1.get());  // not its socket: nothing changes
  EXPECT_EQ(listener.reports.size(), 2u);
  hub.detach(c2, s2.get());
  EXPECT_EQ(listener.reports.back(), (Report{alice.user_id, false}));

  // Resuming a dropped connection brings the user back online.
  auto s3 = std::make_shared<NullSocket>();
  auto resumed = hub.attach(s3, alice, c2->id(), 1);
  EXPECT_TRUE(resumed.resumed);
  EXPECT_EQ(listener.reports.back(), (Report{alice.user_id, true}));

  auto s4 = std::make_shared<NullSocket>();
  hub.attach(s4, bob, "", 0);
  EXPECT_EQ(listener.reports.back(), (Report{bob.user_id, true}));
  EXPECT_EQ(listener.reports.size(), 5u);
  EXPECT_TRUE(listener.idle.empty());

  hub.set_presence_listener(nullptr);
  hub.detach(resumed.connection, s3.get());
  EXPECT_EQ(listener.reports.size(), 5u);
}

// Mattermost's hub: when a socket closes and the user's remaining connections have all been
// inactive for longer than the away timeout, the latest of their activity times is reported.
TEST(HubPresenceTest, ReportsIdleWhenRemainingConnectionsAreInactive) {
  test::TestEnv env([](config::Config& c) { c.team.user_status_away_timeout = 300; });
  ws::Hub hub(env.app(), {});
  RecordingListener listener;
  hub.set_presence_listener(&listener);
  auto alice = env.add_user("alice");
  auto phone = env.session(alice), laptop = env.session(alice), tablet = env.session(alice);
  auto s1 = std::make_shared<NullSocket>(), s2 = std::make_shared<NullSocket>(),
       s3 = std::make_shared<NullSocket>(), s4 = std::make_shared<NullSocket>();
  auto idle1 = hub.attach(s1, phone, "", 0).connection;
  auto idle2 = hub.attach(s2, tablet, "", 0).connection;
  auto active = hub.attach(s3, laptop, "", 0).connection;
  int64_t long_ago = now_ms() - 3'600'000;
  idle1->set_last_activity_at(long_ago);
  idle2->set_last_activity_at(long_ago - 5);

  // The laptop was used recently: closing the phone leaves an active connection.
  hub.detach(idle1, s1.get());
  EXPECT_TRUE(listener.idle.empty());
  // The laptop goes away too: only the idle tablet stays.
  hub.detach(active, s3.get());
  ASSERT_EQ(listener.idle.size(), 1u);
  EXPECT_EQ(listener.idle[0], (std::pair<std::string, int64_t>{alice, long_ago - 5}));

  // Activity through the tablet's session makes it active again.
  auto again = hub.attach(s4, phone, "", 0).connection;
  hub.user_activity(alice, tablet.id, now_ms());
  again->set_last_activity_at(long_ago);
  hub.detach(again, s4.get());
  EXPECT_EQ(listener.idle.size(), 1u);
  // Activity of another session does not count for the tablet.
  idle2->set_last_activity_at(long_ago);
  auto s5 = std::make_shared<NullSocket>();
  auto other = hub.attach(s5, laptop, "", 0).connection;
  hub.user_activity(alice, phone.id, now_ms());
  other->set_last_activity_at(long_ago);
  hub.detach(other, s5.get());
  EXPECT_EQ(listener.idle.size(), 2u);
  hub.set_presence_listener(nullptr);
}

}  // namespace
}  // namespace parley
