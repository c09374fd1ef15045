// Tests for ws::Hub: hello on a new connection, routing (all, user, recipients, omit_users,
// connection ids), per-user mentions/followers, resume and its refusals, session closing and
// expiry of dropped connections. Sockets are fakes; the app runs on a temporary SQLite file.
#include "ws/hub.h"

#include "app/app.h"
#include "config/config.h"
#include "fake_socket.h"
#include "store/session_store.h"
#include "store/sqlite/sqlite_store.h"
#include "util/ids.h"

#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include <filesystem>
#include <thread>

namespace parley::ws {
namespace {

namespace fs = std::filesystem;
namespace bj = boost::json;
using testing::FakeSocket;

class HubTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("parley-hub-test-" + new_id());
    fs::create_directories(dir_);
    store_ = store::sqlite::open_store((dir_ / "parley.db").string(), 1);
    app_ = std::make_unique<app::App>(
        std::make_shared<const config::Config>(config::default_config()), *store_);
  }
  void TearDown() override {
    hub_.reset();
    app_.reset();
    store_.reset();
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  Hub& hub(HubOptions o = {}) {
    if (!hub_) hub_ = std::make_unique<Hub>(*app_, o);
    return *hub_;
  }

  static model::Session session(const std::string& user, const std::string& id = new_id()) {
    model::Session s;
    s.id = id;
    s.user_id = user;
    return s;
  }

  struct Client {
    std::shared_ptr<FakeSocket> socket;
    std::shared_ptr<Connection> conn;
    bool resumed;
  };
  Client connect(const model::Session& s, std::string_view connection_id = "", int64_t seq = 0) {
    auto sock = std::make_shared<FakeSocket>();
    auto a = hub().attach(sock, s, connection_id, seq);
    return {sock, a.connection, a.resumed};
  }

  static app::Event event(std::string name, bj::object data = {}) {
    app::Event e;
    e.name = std::move(name);
    e.data = std::move(data);
    return e;
  }

  static std::vector<std::string> names(const FakeSocket& s) {
    std::vector<std::string> out;
    for (const auto& f : s.frames()) out.emplace_back(f.at("event").as_string());
    return out;
  }

  fs::path dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<app::App> app_;
  std::unique_ptr<Hub> hub_;
};

TEST_F(HubTest, NewConnectionGetsHelloAtSeqZero) {
  auto c = connect(session("u1"));
  EXPECT_FALSE(c.resumed);
  auto frames = c.socket->frames();
  ASSERT_EQ(frames.size(), 1u);
  const auto& hello = frames[0];
  EXPECT_EQ(hello.at("event"), "hello");
  EXPECT_EQ(hello.at("seq"), 0);
  EXPECT_EQ(hello.at("data").at("connection_id"), bj::value(c.conn->id()));
  EXPECT_EQ(hello.at("data").at("server_version"), bj::value(app_->version_header()));
  EXPECT_EQ(hello.at("broadcast").at("user_id"), "u1");
  EXPECT_TRUE(is_valid_id(c.conn->id()));
  EXPECT_EQ(hub().connection_count(), 1u);
}

TEST_F(HubTest, EventEnvelopeHasMattermostsShape) {
  app::Broadcast b;
  b.channel_id = "c1";
  b.omit_users = {"u9"};
  auto prefix = event_prefix("posted", {{"k", "v"}}, b);
  auto o = bj::parse(prefix + "7}").as_object();
  EXPECT_EQ(o.at("event"), "posted");
  EXPECT_EQ(o.at("data").at("k"), "v");
  EXPECT_EQ(o.at("seq"), 7);
  const auto& br = o.at("broadcast").as_object();
  for (const char* k : {"user_id", "channel_id", "team_id", "connection_id", "omit_connection_id"})
    EXPECT_TRUE(br.at(k).is_string()) << k;
  EXPECT_EQ(br.at("omit_users").at("u9"), true);
  auto none = bj::parse(event_prefix("x", {}, {}) + "0}").as_object();
  EXPECT_TRUE(none.at("broadcast").at("omit_users").is_null());
}

TEST_F(HubTest, RoutesToAllToOneUserAndToRecipients) {
  auto a1 = connect(session("a"));
  auto a2 = connect(session("a"));
  auto b = connect(session("b"));
  auto c = connect(session("c"));

  hub().publish(event("to_all"));
  auto to_a = event("to_a");
  to_a.broadcast.user_id = "a";
  hub().publish(to_a);
  auto to_bc = event("to_bc");
  to_bc.recipients = std::vector<std::string>{"b", "c", "nobody"};
  hub().publish(to_bc);
  auto omit = event("omit_b");
  omit.broadcast.omit_users = {"b"};
  hub().publish(omit);

  EXPECT_EQ(names(*a1.socket), (std::vector<std::string>{"hello", "to_all", "to_a", "omit_b"}));
  EXPECT_EQ(names(*a2.socket), (std::vector<std::string>{"hello", "to_all", "to_a", "omit_b"}));
  EXPECT_EQ(names(*b.socket), (std::vector<std::string>{"hello", "to_all", "to_bc"}));
  EXPECT_EQ(names(*c.socket), (std::vector<std::string>{"hello", "to_all", "to_bc", "omit_b"}));
  for (auto* s : {&a1, &a2, &b, &c}) {
    auto seqs = s->socket->seqs();
    for (std::size_t i = 0; i < seqs.size(); ++i) EXPECT_EQ(seqs[i], static_cast<int64_t>(i));
  }
}

TEST_F(HubTest, ConnectionTargetingAndOmission) {
  auto a1 = connect(session("a"));
  auto a2 = connect(session("a"));
  auto only = event("only_a1");
  only.broadcast.connection_id = a1.conn->id();
  hub().publish(only);
  auto but = event("not_a1");
  but.broadcast.omit_connection_id = a1.conn->id();
  hub().publish(but);
  EXPECT_EQ(names(*a1.socket), (std::vector<std::string>{"hello", "only_a1"}));
  EXPECT_EQ(names(*a2.socket), (std::vector<std::string>{"hello", "not_a1"}));
}

TEST_F(HubTest, SensitiveAndSanitizedEventsFollowManageSystem) {
  auto admin_session = session("admin");
  admin_session.roles = "system_user system_admin";
  auto user_session = session("user");
  user_session.roles = "system_user";
  auto admin = connect(admin_session);
  auto user = connect(user_session);
  auto sensitive = event("for_admins");
  sensitive.broadcast.sensitive = true;
  hub().publish(sensitive);
  auto sanitized = event("for_others");
  sanitized.broadcast.sanitized = true;
  hub().publish(sanitized);
  EXPECT_EQ(names(*admin.socket), (std::vector<std::string>{"hello", "for_admins"}));
  EXPECT_EQ(names(*user.socket), (std::vector<std::string>{"hello", "for_others"}));

  hub().user_roles_changed("user", "system_user system_admin");
  hub().user_roles_changed("admin", "system_user");
  hub().publish(sensitive);
  EXPECT_EQ(names(*user.socket).back(), "for_admins");
  EXPECT_EQ(names(*admin.socket).back(), "for_admins") << "unchanged: nothing new delivered";
  EXPECT_EQ(admin.socket->sent().size(), 2u);
}

TEST_F(HubTest, MentionsAndFollowersArePerRecipient) {
  auto a = connect(session("a"));
  auto b = connect(session("b"));
  auto c = connect(session("c"));
  auto e = event("posted", {{"post", "{}"}});
  e.mentions = {"a"};
  e.followers = {"a", "b"};
  hub().publish(e);
  auto fa = a.socket->frames().back().at("data").as_object();
  auto fb = b.socket->frames().back().at("data").as_object();
  auto fc = c.socket->frames().back().at("data").as_object();
  EXPECT_EQ(fa.at("mentions"), R"(["a"])");
  EXPECT_EQ(fa.at("followers"), R"(["a"])");
  EXPECT_FALSE(fb.contains("mentions"));
  EXPECT_EQ(fb.at("followers"), R"(["b"])");
  EXPECT_FALSE(fc.contains("mentions"));
  EXPECT_FALSE(fc.contains("followers"));
  EXPECT_EQ(fc.at("post"), "{}");
}

TEST_F(HubTest, ResumeReplaysWithoutHelloAndKeepsNumbering) {
  auto s = session("a");
  auto first = connect(s);
  hub().publish(event("one"));
  hub().detach(first.conn, first.socket.get());
  hub().publish(event("two"));
  hub().publish(event("three"));
  auto again = connect(s, first.conn->id(), 2);
  EXPECT_TRUE(again.resumed);
  EXPECT_EQ(again.conn, first.conn);
  EXPECT_EQ(names(*again.socket), (std::vector<std::string>{"two", "three"}));
  EXPECT_EQ(again.socket->seqs(), (std::vector<int64_t>{2, 3}));
  EXPECT_EQ(hub().connection_count(), 1u);
}

TEST_F(HubTest, ResumeRefusalsOpenANewConnectionWithHello) {
  hub({.buffer_size = 2, .keep_ms = 300'000});
  auto a = connect(session("a"));
  hub().detach(a.conn, a.socket.get());
  for (int i = 0; i < 3; ++i) hub().publish(event("e"));  // buffer holds seqs 2, 3 only

  auto overflow = connect(session("a"), a.conn->id(), 1);
  EXPECT_FALSE(overflow.resumed);
  EXPECT_NE(overflow.conn->id(), a.conn->id());
  EXPECT_EQ(names(*overflow.socket), (std::vector<std::string>{"hello"}));
  EXPECT_EQ(overflow.socket->seqs(), (std::vector<int64_t>{0}));

  auto other_user = connect(session("b"), a.conn->id(), 2);
  EXPECT_FALSE(other_user.resumed);
  EXPECT_NE(other_user.conn->id(), a.conn->id());

  auto unknown = connect(session("a"), new_id(), 0);
  EXPECT_FALSE(unknown.resumed);
  auto future = connect(session("a"), a.conn->id(), 99);
  EXPECT_FALSE(future.resumed);
  auto fine = connect(session("a"), a.conn->id(), 2);
  EXPECT_TRUE(fine.resumed);
  EXPECT_EQ(fine.socket->seqs(), (std::vector<int64_t>{2, 3}));
}

TEST_F(HubTest, CloseSessionAndUserCloseOnlyTheirSockets) {
  auto s1 = session("a");
  auto s2 = session("a");
  auto a1 = connect(s1);
  auto a2 = connect(s2);
  auto b = connect(session("b"));
  hub().session_revoked(s1.id);
  EXPECT_TRUE(a1.socket->closed());
  EXPECT_FALSE(a2.socket->closed());
  EXPECT_FALSE(b.socket->closed());
  hub().user_sessions_revoked("a");
  EXPECT_TRUE(a2.socket->closed());
  EXPECT_FALSE(b.socket->closed());
}

TEST_F(HubTest, ResumeFromAnotherSessionMovesTheConnectionToIt) {
  auto old_session = session("a");
  auto fresh_session = session("a");
  auto first = connect(old_session);
  hub().detach(first.conn, first.socket.get());
  auto again = connect(fresh_session, first.conn->id(), 1);
  ASSERT_TRUE(again.resumed);
  hub().session_revoked(old_session.id);
  EXPECT_FALSE(again.socket->closed());
  hub().session_revoked(fresh_session.id);
  EXPECT_TRUE(again.socket->closed());
}

TEST_F(HubTest, OnlineStatusAndExpiryOfDroppedConnections) {
  hub({.buffer_size = 8, .keep_ms = 0});
  auto a = connect(session("a"));
  EXPECT_TRUE(hub().is_online("a"));
  EXPECT_FALSE(hub().is_online("b"));
  hub().detach(a.conn, a.socket.get());
  EXPECT_FALSE(hub().is_online("a"));
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  auto b = connect(session("b"));  // attaching sweeps expired connections
  EXPECT_EQ(hub().connection_count(), 1u);
  auto resume = connect(session("a"), a.conn->id(), 1);
  EXPECT_FALSE(resume.resumed) << "an expired connection cannot be resumed";
}

TEST_F(HubTest, ExpiredSessionsStopReceivingAndCannotResume) {
  auto gone = session("a");
  gone.expires_at = now_ms() - 1000;  // expired, and not in the store
  auto c = connect(gone);
  hub().publish(event("after_expiry"));
  EXPECT_EQ(names(*c.socket), (std::vector<std::string>{"hello"}));
  EXPECT_TRUE(c.socket->closed());
  EXPECT_EQ(hub().connection_count(), 0u);
  auto fresh = session("a");
  auto again = connect(fresh, c.conn->id(), 1);
  EXPECT_FALSE(again.resumed);
}

TEST_F(HubTest, AnExtendedSessionIsReReadAndKeepsReceiving) {
  auto s = session("a");
  s.token = new_id();
  s.expires_at = now_ms() + 3'600'000;  // extended by activity, as stored
  store_->sessions().insert(s);
  auto stale = s;
  stale.expires_at = now_ms() - 1000;  // what the socket saw when it connected
  auto c = connect(stale);
  hub().publish(event("one"));
  hub().publish(event("two"));
  EXPECT_EQ(names(*c.socket), (std::vector<std::string>{"hello", "one", "two"}));
  EXPECT_FALSE(c.socket->closed());
  EXPECT_EQ(c.conn->session_expires_at(), s.expires_at);
}

TEST_F(HubTest, ShutdownClosesEverySocket) {
  auto a = connect(session("a"));
  auto b = connect(session("b"));
  hub().shutdown();
  EXPECT_TRUE(a.socket->closed());
  EXPECT_TRUE(b.socket->closed());
}

}  // namespace
}  // namespace parley::ws
