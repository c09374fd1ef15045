// Tests for the SQLite store on a temporary file: users and sessions CRUD, unique constraints,
// idempotent migrations and refusal of a schema newer than the binary.
#include "store/session_store.h"
#include "store/sqlite/db.h"
#include "store/sqlite/migrations.h"
#include "store/sqlite/sqlite_store.h"
#include "store/system_store.h"
#include "store/user_store.h"
#include "util/ids.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace parley::store::sqlite {
namespace {

namespace fs = std::filesystem;

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("parley-store-test-" + new_id());
    fs::create_directories(dir_);
    path_ = (dir_ / "parley.db").string();
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  static model::User make_user(const std::string& name) {
    model::User u;
    u.id = new_id();
    u.create_at = u.update_at = 1000;
    u.username = name;
    u.email = name + "@example.com";
    u.password = "$2a$10$hash";
    u.roles = "system_user";
    u.notify_props = {{"email", "true"}};
    u.props = {{"k", "v"}};
    u.timezone = {{"useAutomaticTimezone", "true"}};
    return u;
  }

  static model::Session make_session(const std::string& user_id, int64_t expires_at) {
    model::Session s;
    s.id = new_id();
    s.token = new_id();
    s.create_at = s.last_activity_at = 1000;
    s.expires_at = expires_at;
    s.user_id = user_id;
    s.roles = "system_user";
    s.props = {{"csrf", "c1"}, {"platform", "Linux"}};
    return s;
  }

  fs::path dir_;
  std::string path_;
};

TEST_F(StoreTest, UsersInsertGetUpdateCount) {
  auto store = open_store(path_, 2);
  auto& users = store->users();
  auto a = make_user("alice");
  users.insert(a);
  users.insert(make_user("bob"));

  auto got = users.get(a.id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->username, "alice");
  EXPECT_EQ(got->email, "alice@example.com");
  EXPECT_EQ(got->password, "$2a$10$hash");
  EXPECT_EQ(got->notify_props, a.notify_props);
  EXPECT_EQ(got->props, a.props);
  EXPECT_EQ(got->timezone, a.timezone);
  EXPECT_EQ(users.get_by_username("alice")->id, a.id);
  EXPECT_EQ(users.get_by_email("alice@example.com")->id, a.id);
  EXPECT_FALSE(users.get(new_id()));
  EXPECT_FALSE(users.get_by_username("nobody"));

  got->nickname = "ally";
  got->roles = "system_admin system_user";
  got->update_at = 2000;
  got->delete_at = 3000;
  users.update(*got);
  auto updated = users.get(a.id);
  EXPECT_EQ(updated->nickname, "ally");
  EXPECT_EQ(updated->roles, "system_admin system_user");
  EXPECT_EQ(updated->create_at, 1000);
  EXPECT_EQ(updated->delete_at, 3000);

  EXPECT_EQ(users.count(true), 2);
  EXPECT_EQ(users.count(false), 1);
  EXPECT_EQ(users.get_many({a.id, "missing"}).size(), 1u);
  EXPECT_EQ(users.get_by_usernames({"alice", "bob", "carol"}).size(), 2u);
}

TEST_F(StoreTest, DuplicateUsernameOrEmailIsAConstraintError) {
  auto store = open_store(path_, 1);
  store->users().insert(make_user("dup"));
  auto same_name = make_user("dup");
  same_name.email = "other@example.com";
  try {
    store->users().insert(same_name);
    FAIL() << "expected a constraint error";
  } catch (const StoreError& e) {
    EXPECT_TRUE(e.constraint);
  }
  auto same_email = make_user("other");
  same_email.email = "dup@example.com";
  EXPECT_THROW(store->users().insert(same_email), StoreError);
  EXPECT_EQ(store->users().count(true), 1);
}

TEST_F(StoreTest, SessionsCrud) {
  auto store = open_store(path_, 2);
  auto& sessions = store->sessions();
  auto s1 = make_session("u1", 5000);
  auto s2 = make_session("u1", 0);
  auto s3 = make_session("u2", 9000);
  for (const auto& s : {s1, s2, s3}) sessions.insert(s);

  auto by_token = sessions.get_by_token(s1.token);
  ASSERT_TRUE(by_token);
  EXPECT_EQ(by_token->id, s1.id);
  EXPECT_EQ(by_token->csrf_token(), "c1");
  EXPECT_EQ(by_token->props, s1.props);
  EXPECT_EQ(sessions.get(s3.id)->user_id, "u2");
  EXPECT_FALSE(sessions.get_by_token("nope"));
  EXPECT_EQ(sessions.for_user("u1").size(), 2u);

  sessions.update_last_activity(s1.id, 4242);
  EXPECT_EQ(sessions.get(s1.id)->last_activity_at, 4242);
  sessions.update_roles_for_user("u1", "system_admin system_user");
  EXPECT_EQ(sessions.get(s2.id)->roles, "system_admin system_user");
  EXPECT_EQ(sessions.get(s3.id)->roles, "system_user");
  sessions.update_props(s3.id, {{"csrf", "c3"}});
  EXPECT_EQ(sessions.get(s3.id)->csrf_token(), "c3");

  sessions.remove_expired(6000);  // s1 expired; s2 never expires
  EXPECT_FALSE(sessions.get(s1.id));
  EXPECT_TRUE(sessions.get(s2.id));
  EXPECT_TRUE(sessions.get(s3.id));
  sessions.remove(s3.id);
  EXPECT_FALSE(sessions.get(s3.id));
  sessions.remove_for_user("u1");
  EXPECT_TRUE(sessions.for_user("u1").empty());
}

TEST_F(StoreTest, TransactionsRollBackOnException) {
  auto store = open_store(path_, 1);
  EXPECT_THROW(store->transaction([&] {
    store->users().insert(make_user("ghost"));
    throw std::runtime_error("abort");
  }),
               std::runtime_error);
  EXPECT_FALSE(store->users().get_by_username("ghost"));
  store->transaction([&] { store->users().insert(make_user("real")); });
  EXPECT_TRUE(store->users().get_by_username("real"));
  EXPECT_TRUE(store->healthy());
}

TEST_F(StoreTest, MigrationsAreIdempotentAndDataSurvivesReopening) {
  {
    auto store = open_store(path_, 1);
    store->users().insert(make_user("kept"));
    store->system().get_or_insert("DiagnosticId", "abc");
  }
  {
    auto store = open_store(path_, 1);  // migrate() runs again: nothing to apply
    EXPECT_TRUE(store->users().get_by_username("kept"));
    EXPECT_EQ(store->system().get_or_insert("DiagnosticId", "other"), "abc");
  }
  Db db(path_, 1);
  migrate(db);
  migrate(db);
  auto versions = db.read([](Conn& c) {
    auto s = c.prepare("SELECT COUNT(*), MAX(Version) FROM SchemaMigrations");
    s.step();
    return std::pair{s.int64(0), s.int64(1)};
  });
  EXPECT_EQ(versions.first, latest_schema_version());
  EXPECT_EQ(versions.second, latest_schema_version());
}

TEST_F(StoreTest, ANewerSchemaThanKnownIsRefused) {
  { open_store(path_, 1); }
  {
    Db db(path_, 1);
    db.write([](Conn& c) {
      c.prepare("INSERT INTO SchemaMigrations (Version, AppliedAt) VALUES (?, 0)")
          .bind(1, latest_schema_version() + 1)
          .run();
    });
  }
  try {
    open_store(path_, 1);
    FAIL() << "expected the newer schema to be refused";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("newer"), std::string::npos) << e.what();
  }
}

// Commits no longer checkpoint the WAL themselves: once the log passes 4,000 frames the
// background checkpointer copies it back, and everything written stays readable and intact.
TEST_F(StoreTest, WalIsCheckpointedInTheBackground) {
  Db db(path_, 1);
  db.write([](Conn& c) { c.exec("CREATE TABLE Blobs (Id INTEGER PRIMARY KEY, Data BLOB)"); });
  std::string blob(3000, 'x');
  for (int i = 0; i < 5000; ++i)
    db.write(
        [&](Conn& c) { c.prepare("INSERT INTO Blobs (Data) VALUES (?)").bind(1, blob).run(); });
  for (int waited = 0; db.checkpoints() == 0 && waited < 1000; ++waited)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_GE(db.checkpoints(), 1);
  db.read([](Conn& c) {
    auto n = c.prepare("SELECT COUNT(*) FROM Blobs");
    ASSERT_TRUE(n.step());
    EXPECT_EQ(n.int64(0), 5000);
    auto check = c.prepare("PRAGMA integrity_check");
    ASSERT_TRUE(check.step());
    EXPECT_EQ(check.text(0), "ok");
  });
}

// Under steady writes with readers always on some snapshot, the background pass alone never lets
// the log start over (it grew to 900 MB in ten seconds of posting): the writer rewinds it.
TEST_F(StoreTest, WalStaysBoundedUnderSteadyWritesAndReads) {
  Db db(path_, 2);
  db.write([](Conn& c) { c.exec("CREATE TABLE Blobs (Id INTEGER PRIMARY KEY, Data BLOB)"); });
  std::atomic<bool> writing{true};
  std::vector<std::jthread> readers;
  for (int r = 0; r < 2; ++r)
    readers.emplace_back([&] {
      while (writing.load())
        db.read([](Conn& c) {
          auto last = c.prepare("SELECT length(Data) FROM Blobs ORDER BY Id DESC LIMIT 1");
          last.step();
        });
    });
  std::string blob(3000, 'x');
  constexpr int kWrites = 24000;  // a frame or more each: 24,000+ frames without rewinding
  for (int i = 0; i < kWrites; ++i)
    db.write(
        [&](Conn& c) { c.prepare("INSERT INTO Blobs (Data) VALUES (?)").bind(1, blob).run(); });
  writing = false;
  readers.clear();
  // The writer rewinds after each pass (every 4,000 frames); the frames written while a pass
  // runs, and a try that readers made busy, can add to that. Without the rewind: 70,000+.
  EXPECT_LE(db.largest_log_frames(), 16000);
  EXPECT_LE(std::filesystem::file_size(path_ + "-wal"), 70u << 20);
  db.read([&](Conn& c) {
    auto n = c.prepare("SELECT COUNT(*) FROM Blobs");
    ASSERT_TRUE(n.step());
    EXPECT_EQ(n.int64(0), kWrites);
    auto check = c.prepare("PRAGMA integrity_check");
    ASSERT_TRUE(check.step());
    EXPECT_EQ(check.text(0), "ok");
  });
}

}  // namespace
}  // namespace parley::store::sqlite
