// TestEnv implementation.
#include "test_env.h"

#include "config/config.h"
#include "model/user.h"
#include "store/sqlite/sqlite_store.h"
#include "store/user_store.h"
#include "util/ids.h"

#include <stdexcept>

namespace parley::test {

TestEnv::TestEnv(void (*edit)(config::Config&)) {
  dir_ = std::filesystem::temp_directory_path() / ("parley-unit-" + new_id());
  std::filesystem::create_directories(dir_);
  std::string path = (dir_ / "parley.db").string();
  store_ = store::sqlite::open_store(path, 2);
  auto cfg = std::make_shared<config::Config>(config::default_config());
  if (edit) edit(*cfg);
  app_ = std::make_unique<app::App>(cfg, *store_);
  app_->set_event_sink(&sink_);
  if (sqlite3_open(path.c_str(), &raw_) != SQLITE_OK) throw std::runtime_error("open raw db");
  sqlite3_busy_timeout(raw_, 5000);
}

TestEnv::~TestEnv() {
  sqlite3_close(raw_);
  app_.reset();
  store_.reset();
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

void TestEnv::sql(const std::string& statement) {
  char* err = nullptr;
  if (sqlite3_exec(raw_, statement.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "?";
    sqlite3_free(err);
    throw std::runtime_error("sql failed: " + msg + " in " + statement);
  }
}

std::string TestEnv::add_user(const std::string& username, const std::string& roles) {
  model::User u;
  u.id = new_id();
  u.username = username;
  u.email = username + "@example.com";
  u.roles = roles;
  u.create_at = u.update_at = now_ms();
  store_->users().insert(u);
  return u.id;
}

model::Session TestEnv::session(const std::string& user_id, const std::string& roles) {
  model::Session s;
  s.id = new_id();
  s.token = new_id();
  s.user_id = user_id;
  s.roles = roles;
  return s;
}

std::string TestEnv::add_team(const std::string& name) {
  std::string id = new_id();
  sql("INSERT INTO Teams (Id, CreateAt, UpdateAt, DisplayName, Name, Type) VALUES ('" + id +
      "', 1, 1, '" + name + "', '" + name + "', 'O')");
  return id;
}

void TestEnv::add_team_member(const std::string& team_id, const std::string& user_id) {
  sql("INSERT INTO TeamMembers (TeamId, UserId, CreateAt) VALUES ('" + team_id + "', '" + user_id +
      "', 1)");
}

std::string TestEnv::add_channel(const std::string& team_id, const std::string& type,
                                 const std::string& display_name) {
  std::string id = new_id();
  sql("INSERT INTO Channels (Id, CreateAt, UpdateAt, TeamId, Type, DisplayName, Name) VALUES ('" +
      id + "', 1, 1, '" + team_id + "', '" + type + "', '" + display_name + "', '" + id + "')");
  return id;
}

void TestEnv::add_channel_member(const std::string& channel_id, const std::string& user_id) {
  sql("INSERT INTO ChannelMembers (ChannelId, UserId, NotifyProps) VALUES ('" + channel_id +
      "', '" + user_id + "', '{\"mark_unread\":\"all\"}')");
}

}  // namespace parley::test
