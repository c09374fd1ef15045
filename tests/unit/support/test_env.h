// Test support: a fresh store (SQLite, or PostgreSQL with PARLEY_TEST_PG_URL), an App over it that
// records every published event, and raw SQL helpers for rows other areas own (teams, channels,
// members).
#pragma once

#include "app/app.h"
#include "app/events.h"
#include "model/session.h"
#include "store/store.h"

#include "test_database.h"

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace parley::test {

class RecordingSink final : public app::EventSink {
 public:
  void publish(app::Event e) override {
    std::lock_guard lock(mutex_);
    events_.push_back(std::move(e));
  }
  std::vector<app::Event> take() {
    std::lock_guard lock(mutex_);
    return std::exchange(events_, {});
  }
  // Events with this name, in order.
  std::vector<app::Event> named(std::string_view name) {
    std::lock_guard lock(mutex_);
    std::vector<app::Event> out;
    for (const auto& e : events_)
      if (e.name == name) out.push_back(e);
    return out;
  }

 private:
  std::mutex mutex_;
  std::vector<app::Event> events_;
};

class TestEnv {
 public:
  // `edit` may change the default configuration before the App is built.
  explicit TestEnv(void (*edit)(config::Config&) = nullptr);
  ~TestEnv();
  TestEnv(const TestEnv&) = delete;
  TestEnv& operator=(const TestEnv&) = delete;

  store::Store& store() { return *store_; }
  app::App& app() { return *app_; }
  RecordingSink& events() { return sink_; }

  // Runs SQL on a separate connection to the same database.
  void sql(const std::string& statement);
  std::string add_user(const std::string& username, const std::string& roles = "system_user");
  model::Session session(const std::string& user_id, const std::string& roles = "system_user");
  std::string add_team(const std::string& name);
  void add_team_member(const std::string& team_id, const std::string& user_id);
  // type "O", "P", "D" or "G"; team_id "" for D/G.
  std::string add_channel(const std::string& team_id, const std::string& type,
                          const std::string& display_name);
  void add_channel_member(const std::string& channel_id, const std::string& user_id);

 private:
  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<app::App> app_;
  RecordingSink sink_;
};

}  // namespace parley::test
