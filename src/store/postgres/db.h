// libpq layer: connections with per-connection prepared-statement caches and client-side
// timeouts, a pool sized by SqlSettings.MaxOpenConns/MaxIdleConns, and Db::read/Db::write with
// the semantics of store/sqlite/db.h (write = one transaction, serialised like SQLite's single
// writer; nested calls on the same thread join it; a nested write is atomic via a savepoint).
// Optional read replicas (SqlSettings.DataSourceReplicas / DataSourceSearchReplicas) serve the
// reads the stores mark lag-tolerant (Db::read_replica); see that function for the rules.
#pragma once

#include "store/acting_user.h"
#include "store/store.h"
#include "store/write_batcher.h"

#include <libpq-fe.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

namespace parley::store::postgres {

class DbError : public StoreError {
 public:
  // `sqlstate` is PostgreSQL's error code ("" for client-side failures); class 23 (integrity
  // constraint violation) sets StoreError::constraint. `connection_lost` marks broken sessions.
  DbError(const std::string& what, std::string sqlstate, bool connection_lost = false)
      : StoreError(what, sqlstate.starts_with("23")),
        sqlstate_(std::move(sqlstate)),
        connection_lost_(connection_lost) {}
  const std::string& sqlstate() const { return sqlstate_; }
  bool connection_lost() const { return connection_lost_; }

 private:
  std::string sqlstate_;
  bool connection_lost_;
};

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

struct DbOptions {
  std::string data_source;  // Mattermost DataSource (postgres://...) or a libpq conninfo string
  int max_open = 300;       // connections at most (MaxOpenConns)
  int max_idle = 20;        // idle connections kept (MaxIdleConns)
  int query_timeout_seconds = 30;
  std::vector<std::string> replicas;         // DataSourceReplicas
  std::vector<std::string> search_replicas;  // DataSourceSearchReplicas
  int read_after_write_ms = 5000;   // ParleySettings.ReadAfterWriteSeconds, in milliseconds
  bool connect_at_start = true;     // false for replica pools: a dead replica must not stop us
  int connect_timeout_seconds = 0;  // 0: derived from query_timeout_seconds
};

// Which replicas a lag-tolerant read prefers.
enum class ReadKind { lagged, search };

// libpq keyword/value pairs for a Mattermost DataSource: the URL with parameters libpq does not
// know (binary_parameters, ...) dropped, plus a connect_timeout when none is given.
std::vector<std::pair<std::string, std::string>> connection_params(std::string_view data_source,
                                                                   int default_connect_timeout);

class Conn;

// One execution of a prepared statement: bind (1-based), then step() through the rows.
class Stmt {
 public:
  Stmt(Conn& conn, std::string name) : conn_(&conn), name_(std::move(name)) {}

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

  bool step();        // executes on the first call; true while a row is available
  void run();         // executes, ignoring rows
  int64_t changes();  // rows affected (executes if needed)
  std::string text(int col) const;
  int64_t int64(int col) const;
  bool boolean(int col) const;
  double real(int col) const;
  bool is_null(int col) const;

 private:
  void execute();
  Conn* conn_;
  std::string name_;
  std::vector<std::optional<std::string>> params_;
  Result result_;
  int row_ = -1;
};

class Conn {
 public:
  Conn(const std::vector<std::pair<std::string, std::string>>& params, int query_timeout_ms);
  ~Conn();
  Conn(const Conn&) = delete;
  Conn& operator=(const Conn&) = delete;

  Stmt prepare(std::string_view sql);  // prepared on the server once per connection
  void exec(std::string_view sql);     // simple protocol; may hold several statements
  Result exec_prepared(const std::string& name,
                       const std::vector<std::optional<std::string>>& params);
  // A utility statement (no parameters, no rows) sent ahead of the next statement, in the same
  // round trip: the savepoints between two writes of a batch.
  void defer(std::string sql) { deferred_.push_back(std::move(sql)); }
  void drop_deferred() { deferred_.clear(); }  // the transaction they belonged to is over
  // False once the session is known dead (then the pool drops the connection).
  bool usable();
  PGconn* handle() { return pg_; }

 private:
  Result wait_result(std::string_view what);  // waits for every result, keeps the last
  // The deferred statements and then the prepared one in one pipeline; the prepared one's result.
  Result exec_pipelined(const std::string& name, const std::vector<const char*>& values);
  void flush_and_wait(std::string_view what, std::chrono::steady_clock::time_point deadline);
  // Waits until the socket has one of `events` (poll flags); throws past the deadline.
  void wait_socket(std::string_view what, std::chrono::steady_clock::time_point deadline,
                   short events);
  // The next result (null between statements), once libpq has it whole.
  PGresult* next_result(std::string_view what, std::chrono::steady_clock::time_point deadline);
  [[noreturn]] void fail(std::string_view what, const PGresult* r = nullptr);

  PGconn* pg_ = nullptr;
  int timeout_ms_;
  bool broken_ = false;
  std::unordered_map<std::string, std::string> cache_;  // SQL -> statement name
  std::vector<std::string> deferred_;
};

class Db {
 public:
  explicit Db(DbOptions options);
  ~Db();

  // Runs f(Conn&) on a pooled connection, or on this thread's open transaction. A read that
  // fails because its (idle) connection died is retried once on a fresh connection.
  template <class F>
  decltype(auto) read(F&& f) {
    if (Conn* tx = current_tx()) return f(*tx);
    for (int attempt = 0;; ++attempt) {
      Lease lease(*this);
      try {
        return f(*lease.conn);
      } catch (const DbError& e) {
        if (!e.connection_lost() || attempt > 0) throw;
      }
    }
  }

  // Runs f(Conn&) in a write transaction shared with the writes that queued meanwhile (group
  // commit, store/write_batcher.h; batches are serialised with every other writer by an
  // advisory lock), in a savepoint of its own; returns after the commit. Nested calls on the
  // same thread join it inside a savepoint, so a failed nested write (a unique violation the
  // caller handles) leaves the outer transaction usable, as with SQLite.
  template <class F>
  auto write(F&& f) -> decltype(f(std::declval<Conn&>())) {
    using R = decltype(f(std::declval<Conn&>()));
    if (Conn* tx = current_tx()) {
      Savepoint sp(*tx);
      if constexpr (std::is_void_v<R>) {
        f(*tx);
        sp.release();
      } else {
        decltype(auto) r = f(*tx);
        sp.release();
        return r;
      }
    } else if constexpr (std::is_void_v<R>) {
      batcher_.run([&] { f(*current_tx()); });
      note_write();
    } else {
      std::optional<R> out;
      batcher_.run([&] { out.emplace(f(*current_tx())); });
      note_write();
      return std::move(*out);
    }
  }

  // Runs f(Conn&) like read(), on a replica when that is safe. Read-after-write rule: the
  // primary serves the read when this thread is inside a write transaction, when the request
  // being handled (store::ActingUser) has already written, or when the user it acts for wrote
  // less than read_after_write_ms ago; so a client that got 201 reads its own write at once.
  // Otherwise a healthy replica serves it, round-robin (ReadKind::search: the search replicas
  // first, then the replicas). A replica whose connection or query fails is marked down for a
  // few seconds and the read moves on to the next replica and finally to the primary.
  template <class F>
  decltype(auto) read_replica(F&& f, ReadKind kind = ReadKind::lagged) {
    if (!current_tx() && has_replicas() && !needs_primary()) {
      for (Replica* r : replica_order(kind)) {
        try {
          return r->db->read(f);
        } catch (const DbError& e) {
          mark_down(*r, e);
        }
      }
    }
    return read(f);
  }

  // Search reads (user, channel and post search): read_replica with ReadKind::search.
  template <class F>
  decltype(auto) read_search(F&& f) {
    return read_replica(std::forward<F>(f), ReadKind::search);
  }

  int query_timeout_ms() const { return timeout_ms_; }

 private:
  struct Replica {
    std::string label;  // "replica 1", "search replica 1"
    std::unique_ptr<Db> db;
    std::atomic<int64_t> down_until_ms{0};  // steady-clock milliseconds
  };
  bool has_replicas() const { return !replicas_.empty() || !search_replicas_.empty(); }
  bool needs_primary();
  void note_write();
  std::vector<Replica*> replica_order(ReadKind kind);
  void mark_down(Replica& r, const DbError& e);

  struct Lease {
    explicit Lease(Db& db);
    ~Lease();
    Db& db;
    Conn* conn;
  };
  class WriterTx;
  struct Savepoint {
    explicit Savepoint(Conn& conn);
    ~Savepoint();
    void release();
    Conn& conn;
    bool done = false;
  };
  Conn* current_tx() const;
  Conn* acquire();
  void release(Conn* c);

  std::vector<std::pair<std::string, std::string>> params_;
  int max_open_;
  int max_idle_;
  int timeout_ms_;
  std::mutex mutex_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<Conn>> idle_;
  std::vector<std::unique_ptr<Conn>> busy_;
  int opening_ = 0;

  std::vector<std::unique_ptr<Replica>> replicas_;
  std::vector<std::unique_ptr<Replica>> search_replicas_;
  std::atomic<uint64_t> next_replica_{0};
  int read_after_write_ms_ = 0;
  std::mutex writers_mutex_;
  std::unordered_map<std::string, std::chrono::steady_clock::time_point> recent_writers_;
  WriteBatcher batcher_;
};

}  // namespace parley::store::postgres
