// Test fixture: a fresh store (SQLite, or PostgreSQL with PARLEY_TEST_PG_URL), users and
// channels inserted directly, and raw SQL on a side connection for columns other areas own (post
// counters, ...).
#pragma once

#include "../support/test_database.h"
#include "model/channel.h"
#include "model/user.h"
#include "store/channel_store.h"
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

  model::Channel add_channel(const std::string& team, const std::string& name,
                             const std::string& type, const std::string& display = "Chan") {
    model::Channel c;
    c.id = new_id();
    c.team_id = team;
    c.name = name;
    c.display_name = display;
    c.type = type;
    c.create_at = c.update_at = now_ms();
    store_->channels().insert(c);
    return c;
  }

  // Runs one statement on a separate connection (it sees and changes committed data).
  void exec_sql(const std::string& sql) { db_->exec(sql); }

 private:
  std::unique_ptr<test::TestDatabase> db_;
  std::unique_ptr<store::Store> store_;
};

}  // namespace parley::testing
