// Test fixture: a fresh store (SQLite, or PostgreSQL with PARLEY_TEST_PG_URL), users inserted
// directly, and raw SQL on a side connection for columns other areas own (post counters, ...).
#pragma once

#include "../support/test_database.h"
#include "model/user.h"
#include "store/store.h"
#include "store/user_store.h"
#include "util/ids.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

namespace parley::testing {

class StoreFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::make_unique<test::TestDatabase>();
    store_ = db_->open_store();
  }
  void TearDown() override {
    store_.reset();
    db_.reset();
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

  // Runs one statement on a separate connection (it sees and changes committed data).
  void exec_sql(const std::string& sql) { db_->exec(sql); }

 private:
  std::unique_ptr<test::TestDatabase> db_;
  std::unique_ptr<store::Store> store_;
};

}  // namespace parley::testing
