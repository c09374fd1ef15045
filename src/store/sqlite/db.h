// Thin RAII wrapper over sqlite3: prepared-statement cache per connection, a pool of reader
// connections, and one writer connection used under a mutex (WAL mode). A write transaction
// started on a thread is joined by nested reads and writes on that thread.
#pragma once

#include "store/sqlite/checkpointer.h"
#include "store/store.h"
#include "store/write_batcher.h"

#include <sqlite3.h>

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace parley::store::sqlite {

// How long a connection waits for a lock another one holds before SQLITE_BUSY.
inline constexpr int kBusyTimeoutMs = 5000;

class DbError : public StoreError {
 public:
  DbError(int code, const std::string& what)
      : StoreError(what, (code & 0xff) == SQLITE_CONSTRAINT), code_(code) {}
  int code() const { return code_; }

 private:
  int code_;
};

class Stmt {
 public:
  explicit Stmt(sqlite3_stmt* s) : s_(s) {}
  Stmt(const Stmt&) = delete;
  Stmt(Stmt&& o) noexcept : s_(o.s_) { o.s_ = nullptr; }
  ~Stmt();

  Stmt& bind(int idx, std::string_view v);
  Stmt& bind(int idx, const std::string& v) { return bind(idx, std::string_view(v)); }
  Stmt& bind(int idx, const char* v) { return bind(idx, std::string_view(v)); }
  Stmt& bind(int idx, int64_t v);
  Stmt& bind(int idx, int v) { return bind(idx, static_cast<int64_t>(v)); }
  Stmt& bind(int idx, bool v) { return bind(idx, static_cast<int64_t>(v ? 1 : 0)); }
  Stmt& bind(int idx, double v);
  Stmt& bind_null(int idx);
  template <class... A>
  Stmt& bind_all(const A&... args) {
    int i = 1;
    (bind(i++, args), ...);
    return *this;
  }

  bool step();  // true when a row is available
  void run();   // steps to completion
  std::string text(int col) const;
  int64_t int64(int col) const;
  bool boolean(int col) const { return int64(col) != 0; }
  double real(int col) const;
  bool is_null(int col) const;

 private:
  sqlite3_stmt* s_;
};

class Conn {
 public:
  explicit Conn(const std::string& path);
  ~Conn();
  Conn(const Conn&) = delete;
  Conn& operator=(const Conn&) = delete;

  Stmt prepare(std::string_view sql);  // cached by SQL text
  void exec(std::string_view sql);     // one-off statements, may contain several
  int64_t changes() const;
  sqlite3* handle() { return db_; }

 private:
  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

class Db {
 public:
  Db(std::string path, int readers);
  ~Db();

  // Runs f(Conn&) on a reader connection, or on this thread's open transaction.
  template <class F>
  decltype(auto) read(F&& f) {
    if (Conn* tx = current_tx()) return f(*tx);
    Lease lease(*this);
    return f(*lease.conn);
  }

  // Runs f(Conn&) inside a write transaction (BEGIN IMMEDIATE ... COMMIT) shared with the
  // writes that queued meanwhile (group commit, store/write_batcher.h), in a savepoint of its
  // own; nested calls on the same thread join the outer transaction. Returns after the commit;
  // an exception rolls back this write only and propagates.
  template <class F>
  auto write(F&& f) -> decltype(f(std::declval<Conn&>())) {
    using R = decltype(f(std::declval<Conn&>()));
    if (Conn* tx = current_tx()) return f(*tx);
    if constexpr (std::is_void_v<R>) {
      batcher_.run([&] { f(*writer_); });
    } else {
      std::optional<R> out;
      batcher_.run([&] { out.emplace(f(*writer_)); });
      return std::move(*out);
    }
  }

  // Search reads: SQLite has no replicas, so the same as read().
  template <class F>
  decltype(auto) read_search(F&& f) {
    return read(std::forward<F>(f));
  }

  // Runs in every write transaction after its last write, right before COMMIT (deferred work
  // done once per batch, such as the post search index). Set before the first write that needs
  // it; not synchronised with running writes.
  void set_before_commit(std::function<void(Conn&)> f) { before_commit_ = std::move(f); }

  const std::string& path() const { return path_; }
  // Background WAL checkpoints run so far (store/sqlite/checkpointer.h).
  int checkpoints() { return checkpointer_->runs(); }
  // The largest the WAL has been at a commit, in frames (tests).
  int largest_log_frames() const { return checkpointer_->largest_log_frames(); }

 private:
  struct Lease {
    explicit Lease(Db& db);
    ~Lease();
    Db& db;
    Conn* conn;
  };
  class WriterTx;
  Conn* current_tx() const;

  std::string path_;
  std::unique_ptr<Conn> writer_;
  std::vector<std::unique_ptr<Conn>> readers_;
  std::vector<Conn*> free_readers_;
  std::mutex pool_mutex_;
  std::condition_variable pool_cv_;
  WriteBatcher batcher_;
  std::function<void(Conn&)> before_commit_;
  std::unique_ptr<Checkpointer> checkpointer_;  // after writer_: it unhooks itself first
};

}  // namespace parley::store::sqlite
