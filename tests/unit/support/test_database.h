// A fresh database for one test: SQLite in a temporary folder by default, or, when
// PARLEY_TEST_PG_URL names a PostgreSQL test cluster (scripts/pg-cluster.sh), a fresh database
// on it, so that the store and app tests run unchanged against both backends.
#pragma once

#include "store/store.h"

#include <libpq-fe.h>
#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

namespace parley::test {

class TestDatabase {
 public:
  TestDatabase();
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  static bool postgres();  // PARLEY_TEST_PG_URL is set
  std::unique_ptr<store::Store> open_store();
  // Runs statements on a side connection (portable SQL with literal values); throws on error.
  void exec(const std::string& sql);
  // The first column of the first row as an integer (0 when there is no row).
  int64_t query_int(const std::string& sql);

 private:
  std::filesystem::path dir_;
  std::string sqlite_path_;
  std::string pg_name_, pg_url_;
  sqlite3* sqlite_ = nullptr;
  PGconn* pg_ = nullptr;
};

}  // namespace parley::test
