// TestEnv implementation.
#include "test_env.h"

#include "config/config.h"
#include "model/user.h"
#include "store/user_store.h"
#include "util/ids.h"

#include <stdexcept>

namespace parley::test {

TestEnv::TestEnv(void (*edit)(config::Config&)) {
  db_ = std::make_unique<TestDatabase>();
  store_ = db_->open_store();
  auto cfg = std::make_shared<config::Config>(config::default_config());
  if (edit) edit(*cfg);
  app_ = std::make_unique<app::App>(cfg, *store_);
  app_->set_event_sink(&sink_);
}

TestEnv::~TestEnv() {
  app_.reset();
  store_.reset();
  db_.reset();
}

void TestEnv::sql(const std::string& statement) {
  db_->exec(statement);
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
