// Tests for the hub's presence reports: one report when a user's first socket attaches and one
// when the last detaches, including resumed connections.
#include "ws/hub.h"

#include "../support/test_env.h"

#include <gtest/gtest.h>

namespace parley {
namespace {

class NullSocket final : public ws::Socket {
 public:
  void send(std::shared_ptr<const std::string>) override {}
  void close() override {}
};

class RecordingListener final : public app::PresenceListener {
 public:
  void presence_changed(const std::string& user_id, bool online) override {
    reports.emplace_back(user_id, online);
  }
  std::vector<std::pair<std::string, bool>> reports;
};

TEST(HubPresenceTest, ReportsFirstAttachAndLastDetach) {
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
  EXPECT_EQ(listener.reports, (std::vector<Report>{{alice.user_id, true}}));
  hub.detach(c1, s1.get());
  EXPECT_EQ(listener.reports.size(), 1u);
  hub.detach(c2, s1.get());  // not its socket: nothing changes
  EXPECT_EQ(listener.reports.size(), 1u);
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
  EXPECT_EQ(listener.reports.size(), 4u);

  hub.set_presence_listener(nullptr);
  hub.detach(resumed.connection, s3.get());
  EXPECT_EQ(listener.reports.size(), 4u);
}

}  // namespace
}  // namespace parley
