// sqlite3 connection, statement and pool implementation.
#include "store/sqlite/db.h"

#include "store/sqlite/porter_prefix_tokenizer.h"
#include "store/sqlite/wal_write_buffer.h"

#include <filesystem>

namespace parley::store::sqlite {
namespace {
// The transaction open on this thread, if any (one per thread by construction).
thread_local Conn* t_tx_conn = nullptr;
thread_local const Db* t_tx_db = nullptr;

[[noreturn]] void fail(sqlite3* db, int rc, std::string_view what) {
  throw DbError(rc, std::string(what) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
}
}  // namespace

Stmt::~Stmt() {
  if (s_) {
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
  }
}

Stmt& Stmt::bind(int idx, std::string_view v) {
  int rc = sqlite3_bind_text(s_, idx, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  if (rc != SQLITE_OK) fail(sqlite3_db_handle(s_), rc, "bind");
  return *this;
}

Stmt& Stmt::bind(int idx, int64_t v) {
  int rc = sqlite3_bind_int64(s_, idx, v);
  if (rc != SQLITE_OK) fail(sqlite3_db_handle(s_), rc, "bind");
  return *this;
}

Stmt& Stmt::bind(int idx, double v) {
  int rc = sqlite3_bind_double(s_, idx, v);
  if (rc != SQLITE_OK) fail(sqlite3_db_handle(s_), rc, "bind");
  return *this;
}

Stmt& Stmt::bind_null(int idx) {
  sqlite3_bind_null(s_, idx);
  return *this;
}

bool Stmt::step() {
  int rc = sqlite3_step(s_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  fail(sqlite3_db_handle(s_), rc, "step");
}

void Stmt::run() {
  while (step()) {
  }
}

std::string Stmt::text(int col) const {
  auto p = sqlite3_column_text(s_, col);
  if (!p) return {};
  return std::string(reinterpret_cast<const char*>(p), sqlite3_column_bytes(s_, col));
}

int64_t Stmt::int64(int col) const {
  return sqlite3_column_int64(s_, col);
}
double Stmt::real(int col) const {
  return sqlite3_column_double(s_, col);
}
bool Stmt::is_null(int col) const {
  return sqlite3_column_type(s_, col) == SQLITE_NULL;
}

Conn::Conn(const std::string& path) {
  int rc = sqlite3_open_v2(path.c_str(), &db_,
                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                           wal_write_buffer_vfs());
  if (rc != SQLITE_OK) {
    std::string msg = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    if (db_) sqlite3_close(db_);
    throw DbError(rc, "open " + path + ": " + msg);
  }
  sqlite3_busy_timeout(db_, kBusyTimeoutMs);
  exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");
  register_porter_prefix_tokenizer(db_);
}

Conn::~Conn() {
  for (auto& [sql, s] : cache_) sqlite3_finalize(s);
  sqlite3_close(db_);
}

Stmt Conn::prepare(std::string_view sql) {
  auto it = cache_.find(std::string(sql));
  if (it != cache_.end()) return Stmt(it->second);
  sqlite3_stmt* s = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &s, nullptr);
  if (rc != SQLITE_OK) fail(db_, rc, "prepare " + std::string(sql));
  cache_.emplace(std::string(sql), s);
  return Stmt(s);
}

void Conn::exec(std::string_view sql) {
  char* err = nullptr;
  int rc = sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err ? err : "";
    sqlite3_free(err);
    throw DbError(rc, "exec: " + msg);
  }
}

int64_t Conn::changes() const {
  return sqlite3_changes64(db_);
}

// The write transaction of one batch, run by the writer thread: nested store calls on that
// thread join it through t_tx_conn.
class Db::WriterTx : public WriteBatcher::Tx {
 public:
  explicit WriterTx(Db& db) : conn_(*db.writer_), db_(db) {}
  ~WriterTx() override {
    if (open_) rollback();
  }
  void begin() override {
    db_.checkpointer_->restart_if_due();
    conn_.prepare("BEGIN IMMEDIATE").run();
    open_ = true;
    t_tx_conn = &conn_;
    t_tx_db = &db_;
  }
  // Prepared once per connection like any statement: these run for every write of a batch.
  void savepoint() override { conn_.prepare("SAVEPOINT parley_job").run(); }
  void release_savepoint() override { conn_.prepare("RELEASE parley_job").run(); }
  void rollback_to_savepoint() override {
    conn_.exec("ROLLBACK TO parley_job; RELEASE parley_job");
  }
  bool in_transaction() override { return sqlite3_get_autocommit(conn_.handle()) == 0; }
  void commit() override {
    if (db_.before_commit_) db_.before_commit_(conn_);
    conn_.prepare("COMMIT").run();
    finish();
  }
  void rollback() noexcept override {
    try {
      if (in_transaction()) conn_.exec("ROLLBACK");
    } catch (...) {
    }
    finish();
  }

 private:
  void finish() {
    open_ = false;
    t_tx_conn = nullptr;
    t_tx_db = nullptr;
  }
  Conn& conn_;
  Db& db_;
  bool open_ = false;
};

Db::Db(std::string path, int readers)
    : path_(std::move(path)), batcher_([this] { return std::make_unique<WriterTx>(*this); }) {
  auto parent = std::filesystem::path(path_).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent);
  writer_ = std::make_unique<Conn>(path_);
  // The group commit runs each write of a batch in a savepoint, and statements with triggers
  // (posts and their search index) in a statement journal: both keep the pages they change in
  // the sub-journal, which otherwise spills to a temporary file past 64 KiB and costs a write
  // system call per page. Kept in memory it is bounded by one batch's changed pages.
  writer_->exec("PRAGMA temp_store=MEMORY;");
  // A burst can still grow the log past its usual size; the writer truncates the file back to
  // this size when the log starts over.
  writer_->exec("PRAGMA journal_size_limit=67108864;");
  for (int i = 0; i < readers; ++i) {
    readers_.push_back(std::make_unique<Conn>(path_));
    free_readers_.push_back(readers_.back().get());
  }
  checkpointer_ = std::make_unique<Checkpointer>(path_, writer_->handle());
}

Db::~Db() = default;

Conn* Db::current_tx() const {
  return t_tx_db == this ? t_tx_conn : nullptr;
}

Db::Lease::Lease(Db& d) : db(d) {
  std::unique_lock lock(db.pool_mutex_);
  db.pool_cv_.wait(lock, [&] { return !db.free_readers_.empty(); });
  conn = db.free_readers_.back();
  db.free_readers_.pop_back();
}

Db::Lease::~Lease() {
  {
    std::lock_guard lock(db.pool_mutex_);
    db.free_readers_.push_back(conn);
  }
  db.pool_cv_.notify_one();
}

}  // namespace parley::store::sqlite
