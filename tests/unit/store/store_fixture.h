// Test fixture: a fresh SQLite store in a temporary folder, users inserted directly, and raw
// SQL on a side connection for columns other areas own (post counters, ...).
#pragma once

#include "model/user.h"
#include "store/sqlite/sqlite_store.h"
#include "store/store.h"
#include "store/user_store.h"
#include "util/ids.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <memory>
#include <string>

namespace parley::testing {

class StoreFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("parley-test-" + new_id());
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "parley.db").string();
    store_ = store::sqlite::open_store(path_, 2);
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  store::Store& store() { return *store_; }

  model::User add_user(const std::string& username, const std::string& roles = "system_user") {
    model::User u;
    u.id = new_id();
    u.username = username;
    u.email = username + "@example.com";
    u.roles = roles;
    u.create_at = u.update_at = now_ms();
    store_->users().insert(u);
    return u;
  }

  // Runs one statement on a separate connection (WAL lets it see and change committed data).
  void exec_sql(const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    char* err = nullptr;
    int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
    std::string msg = err ? err : "";
    sqlite3_free(err);
    sqlite3_close(db);
    ASSERT_EQ(rc, SQLITE_OK) << msg;
  }

 private:
  std::filesystem::path dir_;
  std::string path_;
  std::unique_ptr<store::Store> store_;
};

}  // namespace parley::testing
