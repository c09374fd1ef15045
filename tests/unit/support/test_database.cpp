// TestDatabase implementation: a temporary SQLite file, or a database created (and dropped)
// on the PostgreSQL test cluster with libpq.
#include "test_database.h"

#include "store/postgres/pg_store.h"
#include "store/sqlite/sqlite_store.h"
#include "util/ids.h"

#include <cstdlib>
#include <stdexcept>

namespace parley::test {
namespace {

const char* pg_base_url() {
  const char* url = std::getenv("PARLEY_TEST_PG_URL");
  return url && *url ? url : nullptr;
}

// The cluster URL with its database path replaced by `name`.
std::string with_database(const std::string& url, const std::string& name) {
  auto scheme = url.find("://");
  auto slash = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  auto query = url.find('?');
  std::string head = slash == std::string::npos ? url.substr(0, query) : url.substr(0, slash);
  std::string tail = query == std::string::npos ? "" : url.substr(query);
  return head + "/" + name + tail;
}

void pg_exec(PGconn* c, const std::string& sql) {
  PGresult* r = PQexec(c, sql.c_str());
  auto st = PQresultStatus(r);
  std::string err = PQresultErrorMessage(r);
  PQclear(r);
  if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK)
    throw std::runtime_error("sql failed: " + err + " in " + sql);
}

PGconn* pg_connect(const std::string& url) {
  PGconn* c = PQconnectdb(url.c_str());
  if (PQstatus(c) != CONNECTION_OK) {
    std::string err = PQerrorMessage(c);
    PQfinish(c);
    throw std::runtime_error("connect " + url + ": " + err);
  }
  PQsetNoticeProcessor(
      c, [](void*, const char*) {}, nullptr);
  return c;
}

}  // namespace

bool TestDatabase::postgres() {
  return pg_base_url() != nullptr;
}

TestDatabase::TestDatabase() {
  if (const char* base = pg_base_url()) {
    pg_name_ = "parley_unit_" + new_id();
    PGconn* admin = pg_connect(base);
    try {
      pg_exec(admin, "CREATE DATABASE " + pg_name_);
    } catch (...) {
      PQfinish(admin);
      throw;
    }
    PQfinish(admin);
    pg_url_ = with_database(base, pg_name_);
    return;
  }
  dir_ = std::filesystem::temp_directory_path() / ("parley-unit-" + new_id());
  std::filesystem::create_directories(dir_);
  sqlite_path_ = (dir_ / "parley.db").string();
}

TestDatabase::~TestDatabase() {
  if (sqlite_) sqlite3_close(sqlite_);
  if (pg_) PQfinish(pg_);
  if (!pg_name_.empty()) {
    try {
      PGconn* admin = pg_connect(pg_base_url());
      pg_exec(admin, "DROP DATABASE IF EXISTS " + pg_name_ + " WITH (FORCE)");
      PQfinish(admin);
    } catch (...) {
    }
  }
  if (!dir_.empty()) {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
}

std::unique_ptr<store::Store> TestDatabase::open_store() {
  if (!pg_url_.empty()) {
    store::postgres::DbOptions o;
    o.data_source = pg_url_;
    o.max_open = 4;
    o.max_idle = 2;
    o.query_timeout_seconds = 10;
    return store::postgres::open_store(o);
  }
  return store::sqlite::open_store(sqlite_path_, 2);
}

void TestDatabase::exec(const std::string& sql) {
  if (!pg_url_.empty()) {
    if (!pg_) pg_ = pg_connect(pg_url_);
    pg_exec(pg_, sql);
    return;
  }
  if (!sqlite_) {
    if (sqlite3_open(sqlite_path_.c_str(), &sqlite_) != SQLITE_OK)
      throw std::runtime_error("open " + sqlite_path_);
    sqlite3_busy_timeout(sqlite_, 5000);
  }
  char* err = nullptr;
  if (sqlite3_exec(sqlite_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "?";
    sqlite3_free(err);
    throw std::runtime_error("sql failed: " + msg + " in " + sql);
  }
}

int64_t TestDatabase::query_int(const std::string& sql) {
  if (!pg_url_.empty()) {
    if (!pg_) pg_ = pg_connect(pg_url_);
    PGresult* r = PQexec(pg_, sql.c_str());
    if (PQresultStatus(r) != PGRES_TUPLES_OK) {
      std::string err = PQresultErrorMessage(r);
      PQclear(r);
      throw std::runtime_error("sql failed: " + err + " in " + sql);
    }
    int64_t v = PQntuples(r) > 0 ? std::strtoll(PQgetvalue(r, 0, 0), nullptr, 10) : 0;
    PQclear(r);
    return v;
  }
  exec("SELECT 1");  // opens the side connection
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(sqlite_, sql.c_str(), -1, &s, nullptr) != SQLITE_OK)
    throw std::runtime_error("prepare failed: " + sql);
  int64_t v = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
  sqlite3_finalize(s);
  return v;
}

}  // namespace parley::test
