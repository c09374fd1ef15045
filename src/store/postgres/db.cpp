// libpq connections, statements, the pool and transactions (see db.h).
#include "store/postgres/db.h"

#include "util/log.h"

#include <poll.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <set>

namespace parley::store::postgres {
namespace {

using Clock = std::chrono::steady_clock;

// The transaction open on this thread, if any.
thread_local Conn* t_tx_conn = nullptr;
thread_local const Db* t_tx_db = nullptr;

// Every write transaction takes this transaction-level advisory lock first: writers are
// serialised as with SQLite (BEGIN IMMEDIATE), also across processes sharing the database.
constexpr int64_t kWriteLock = 0x7061726c6579;  // "parley"

void ignore_notice(void*, const char*) {}

// PostgreSQL text must be valid UTF-8 without NUL bytes: invalid sequences become U+FFFD and
// NULs are dropped, so bad input reaches the same "not found"/stored result as with SQLite
// instead of a database error.
std::string clean_text(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  std::size_t i = 0;
  auto cont = [&](std::size_t k) {
    return k < in.size() && (static_cast<unsigned char>(in[k]) & 0xC0) == 0x80;
  };
  while (i < in.size()) {
    auto c = static_cast<unsigned char>(in[i]);
    std::size_t len = 0;
    if (c == 0) {
      ++i;
      continue;
    }
    if (c < 0x80) {
      len = 1;
    } else if (c >= 0xC2 && c <= 0xDF && cont(i + 1)) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF && cont(i + 1) && cont(i + 2)) {
      auto c1 = static_cast<unsigned char>(in[i + 1]);
      if (!(c == 0xE0 && c1 < 0xA0) && !(c == 0xED && c1 >= 0xA0)) len = 3;
    } else if (c >= 0xF0 && c <= 0xF4 && cont(i + 1) && cont(i + 2) && cont(i + 3)) {
      auto c1 = static_cast<unsigned char>(in[i + 1]);
      if (!(c == 0xF0 && c1 < 0x90) && !(c == 0xF4 && c1 >= 0x90)) len = 4;
    }
    if (len == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(in.substr(i, len));
      i += len;
    }
  }
  return out;
}

bool needs_cleaning(std::string_view s) {
  for (char ch : s)
    if (ch == 0 || (static_cast<unsigned char>(ch) & 0x80)) return true;
  return false;
}

std::set<std::string> libpq_keywords() {
  std::set<std::string> out;
  PQconninfoOption* opts = PQconndefaults();
  for (auto* o = opts; o && o->keyword; ++o) out.insert(o->keyword);
  PQconninfoFree(opts);
  return out;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> connection_params(std::string_view data_source,
                                                                   int default_connect_timeout) {
  std::string ds(data_source);
  bool has_timeout = false, has_app = false;
  if (ds.starts_with("postgres://") || ds.starts_with("postgresql://")) {
    auto q = ds.find('?');
    if (q != std::string::npos) {
      auto known = libpq_keywords();
      std::string kept;
      std::string_view rest = std::string_view(ds).substr(q + 1);
      while (!rest.empty()) {
        auto amp = rest.find('&');
        std::string_view pair = rest.substr(0, amp);
        rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
        std::string key(pair.substr(0, pair.find('=')));
        if (key.empty() || !known.contains(key)) continue;
        has_timeout |= key == "connect_timeout";
        has_app |= key == "application_name";
        kept += (kept.empty() ? "" : "&") + std::string(pair);
      }
      ds = ds.substr(0, q) + (kept.empty() ? "" : "?" + kept);
    }
  } else {
    has_timeout = ds.find("connect_timeout") != std::string::npos;
    has_app = ds.find("application_name") != std::string::npos;
  }
  std::vector<std::pair<std::string, std::string>> out{{"dbname", ds}};
  if (!has_timeout)
    out.emplace_back("connect_timeout", std::to_string(std::max(2, default_connect_timeout)));
  if (!has_app) out.emplace_back("application_name", "parley");
  out.emplace_back("keepalives", "1");
  out.emplace_back("keepalives_idle", "10");
  out.emplace_back("keepalives_interval", "5");
  out.emplace_back("keepalives_count", "3");
  return out;
}

// ---- Stmt ----

Stmt& Stmt::bind(int idx, std::string_view v) {
  if (static_cast<int>(params_.size()) < idx) params_.resize(idx);
  params_[idx - 1] = needs_cleaning(v) ? clean_text(v) : std::string(v);
  return *this;
}

Stmt& Stmt::bind(int idx, int64_t v) {
  if (static_cast<int>(params_.size()) < idx) params_.resize(idx);
  params_[idx - 1] = std::to_string(v);
  return *this;
}

Stmt& Stmt::bind(int idx, double v) {
  if (static_cast<int>(params_.size()) < idx) params_.resize(idx);
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  params_[idx - 1] = std::string(buf, end);
  return *this;
}

Stmt& Stmt::bind_null(int idx) {
  if (static_cast<int>(params_.size()) < idx) params_.resize(idx);
  params_[idx - 1].reset();
  return *this;
}

void Stmt::execute() {
  result_ = conn_->exec_prepared(name_, params_);
  row_ = -1;
}

bool Stmt::step() {
  if (!result_) execute();
  ++row_;
  return row_ < PQntuples(result_.get());
}

void Stmt::run() {
  if (!result_) execute();
}

int64_t Stmt::changes() {
  if (!result_) execute();
  const char* n = PQcmdTuples(result_.get());
  return n && *n ? std::strtoll(n, nullptr, 10) : 0;
}

std::string Stmt::text(int col) const {
  return std::string(PQgetvalue(result_.get(), row_, col), PQgetlength(result_.get(), row_, col));
}

int64_t Stmt::int64(int col) const {
  const char* v = PQgetvalue(result_.get(), row_, col);
  int len = PQgetlength(result_.get(), row_, col);
  int64_t out = 0;
  std::from_chars(v, v + len, out);
  return out;
}

bool Stmt::boolean(int col) const {
  const char* v = PQgetvalue(result_.get(), row_, col);
  if (v[0] == 't') return true;
  if (v[0] == 'f' || v[0] == 0) return false;
  return int64(col) != 0;
}

double Stmt::real(int col) const {
  return std::strtod(PQgetvalue(result_.get(), row_, col), nullptr);
}

bool Stmt::is_null(int col) const {
  return PQgetisnull(result_.get(), row_, col) != 0;
}

// ---- Conn ----

Conn::Conn(const std::vector<std::pair<std::string, std::string>>& params, int query_timeout_ms)
    : timeout_ms_(query_timeout_ms) {
  std::vector<const char*> keys, values;
  for (const auto& [k, v] : params) {
    keys.push_back(k.c_str());
    values.push_back(v.c_str());
  }
  keys.push_back(nullptr);
  values.push_back(nullptr);
  pg_ = PQconnectdbParams(keys.data(), values.data(), 1);
  if (!pg_) throw DbError("postgres: out of memory", "", true);
  if (PQstatus(pg_) != CONNECTION_OK) {
    std::string msg = PQerrorMessage(pg_);
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    PQfinish(pg_);
    pg_ = nullptr;
    throw DbError("postgres: connect: " + msg, "08001", true);
  }
  PQsetNoticeProcessor(pg_, ignore_notice, nullptr);
  exec("SET statement_timeout = " + std::to_string(timeout_ms_) +
       "; SET lock_timeout = " + std::to_string(timeout_ms_) + "; SET TIME ZONE 'UTC'");
}

Conn::~Conn() {
  if (pg_) PQfinish(pg_);
}

void Conn::fail(std::string_view what, const PGresult* r) {
  std::string msg = r ? PQresultErrorMessage(r) : PQerrorMessage(pg_);
  while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
  std::string state;
  if (r)
    if (const char* s = PQresultErrorField(r, PG_DIAG_SQLSTATE)) state = s;
  bool lost = PQstatus(pg_) != CONNECTION_OK || state.starts_with("08") || state == "57P01" ||
              state == "57P02" || state == "57P03";
  if (lost) broken_ = true;
  throw DbError("postgres: " + std::string(what) + ": " + msg, state, lost);
}

void Conn::wait_socket(std::string_view what, Clock::time_point deadline, short events) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  if (left.count() <= 0) {
    broken_ = true;
    throw DbError("postgres: " + std::string(what) + ": timed out", "57014", true);
  }
  pollfd p{PQsocket(pg_), events, 0};
  int rc = ::poll(&p, 1, static_cast<int>(left.count()));
  if (rc < 0 && errno != EINTR) {
    broken_ = true;
    throw DbError("postgres: " + std::string(what) + ": poll failed", "", true);
  }
}

void Conn::flush_and_wait(std::string_view what, Clock::time_point deadline) {
  for (;;) {
    int rc = PQflush(pg_);
    if (rc == 0) break;
    if (rc < 0) fail(what);
    wait_socket(what, deadline, POLLOUT | POLLIN);
    if (!PQconsumeInput(pg_)) fail(what);
  }
}

PGresult* Conn::next_result(std::string_view what, Clock::time_point deadline) {
  while (PQisBusy(pg_)) {
    wait_socket(what, deadline, POLLIN);
    if (!PQconsumeInput(pg_)) fail(what);
  }
  return PQgetResult(pg_);
}

Result Conn::wait_result(std::string_view what) {
  // The server aborts statements after statement_timeout; the client gives up a little later
  // so that an unreachable server fails fast too instead of hanging the caller.
  auto deadline = Clock::now() + std::chrono::milliseconds(timeout_ms_ + 2000);
  flush_and_wait(what, deadline);
  Result last, error;
  for (;;) {
    PGresult* r = next_result(what, deadline);
    if (!r) break;
    auto st = PQresultStatus(r);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK && st != PGRES_EMPTY_QUERY) {
      if (!error)
        error.reset(r);
      else
        PQclear(r);
    } else {
      last.reset(r);
    }
    if (PQstatus(pg_) == CONNECTION_BAD) break;
  }
  if (error) fail(what, error.get());
  if (PQstatus(pg_) == CONNECTION_BAD) fail(what);
  return last;
}

Result Conn::exec_pipelined(const std::string& name, const std::vector<const char*>& values) {
  auto deferred = std::move(deferred_);
  deferred_.clear();
  if (!PQenterPipelineMode(pg_)) fail("pipeline");
  struct Exit {
    PGconn* pg;
    ~Exit() { PQexitPipelineMode(pg); }
  } exit_pipeline{pg_};
  for (const auto& sql : deferred)
    if (!PQsendQueryParams(pg_, sql.c_str(), 0, nullptr, nullptr, nullptr, nullptr, 0))
      fail("execute " + sql);
  if (!PQsendQueryPrepared(pg_, name.c_str(), static_cast<int>(values.size()), values.data(),
                           nullptr, nullptr, 0) ||
      !PQpipelineSync(pg_))
    fail("execute");
  auto deadline = Clock::now() + std::chrono::milliseconds(timeout_ms_ + 2000);
  flush_and_wait("execute", deadline);
  // Each statement's results end with a null; the sync's own result closes the pipeline. The
  // first error wins; statements after it come back aborted.
  Result last, error;
  std::size_t ended = 0;
  for (bool synced = false; !synced;) {
    PGresult* r = next_result("execute", deadline);
    if (!r) {
      ++ended;
      continue;
    }
    auto st = PQresultStatus(r);
    if (st == PGRES_PIPELINE_SYNC) {
      PQclear(r);
      synced = true;
    } else if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) {
      if (ended == deferred.size())
        last.reset(r);
      else
        PQclear(r);
    } else if (st == PGRES_PIPELINE_ABORTED || error) {
      PQclear(r);
    } else {
      error.reset(r);
    }
    if (PQstatus(pg_) == CONNECTION_BAD) break;
  }
  if (error) fail("execute", error.get());
  if (PQstatus(pg_) == CONNECTION_BAD) fail("execute");
  return last;
}

Stmt Conn::prepare(std::string_view sql) {
  std::string key(sql);
  auto it = cache_.find(key);
  if (it != cache_.end()) return Stmt(*this, it->second);
  if (broken_) throw DbError("postgres: connection lost", "08003", true);
  std::string name = "p" + std::to_string(cache_.size() + 1);
  if (!PQsendPrepare(pg_, name.c_str(), key.c_str(), 0, nullptr)) fail("prepare");
  wait_result("prepare " + key);
  cache_.emplace(std::move(key), name);
  return Stmt(*this, std::move(name));
}

void Conn::exec(std::string_view sql) {
  if (broken_) throw DbError("postgres: connection lost", "08003", true);
  std::string s;
  for (const auto& d : deferred_) s += d + "; ";
  deferred_.clear();
  s += sql;
  if (!PQsendQuery(pg_, s.c_str())) fail("exec");
  auto r = wait_result("exec");
  // COMMIT of a transaction that hit an error answers ROLLBACK: the writes are gone.
  if (r && sql == "COMMIT" && std::string_view(PQcmdStatus(r.get())) == "ROLLBACK")
    throw DbError("postgres: transaction was rolled back", "25P02");
}

Result Conn::exec_prepared(const std::string& name,
                           const std::vector<std::optional<std::string>>& params) {
  if (broken_) throw DbError("postgres: connection lost", "08003", true);
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
  if (!deferred_.empty()) return exec_pipelined(name, values);
  if (!PQsendQueryPrepared(pg_, name.c_str(), static_cast<int>(values.size()), values.data(),
                           nullptr, nullptr, 0))
    fail("execute");
  return wait_result("execute");
}

bool Conn::usable() {
  if (broken_ || !pg_ || PQstatus(pg_) != CONNECTION_OK) return false;
  if (PQtransactionStatus(pg_) != PQTRANS_IDLE) return false;
  // An idle session the server closed (restart, admin shutdown) has a readable socket.
  pollfd p{PQsocket(pg_), POLLIN, 0};
  if (::poll(&p, 1, 0) > 0) {
    if (!PQconsumeInput(pg_) || PQstatus(pg_) != CONNECTION_OK) return false;
    while (PGnotify* n = PQnotifies(pg_)) PQfreemem(n);
  }
  return PQstatus(pg_) == CONNECTION_OK;
}

// ---- Db ----

// The write transaction of one batch, run by the writer thread on a pooled connection: nested
// store calls on that thread join it through t_tx_conn.
class Db::WriterTx : public WriteBatcher::Tx {
 public:
  explicit WriterTx(Db& db) : db_(db), lease_(db) {}
  ~WriterTx() override {
    if (open_) rollback();
  }
  void begin() override { start(""); }
  void savepoint() override { conn().exec("SAVEPOINT parley_job"); }
  void release_savepoint() override { conn().exec("RELEASE SAVEPOINT parley_job"); }
  // One round trip each instead of two (several statements in one simple query run in order
  // and stop at the first error).
  void begin_with_savepoint() override { start("; SAVEPOINT parley_job"); }
  // Sent with the next job's first statement, or its commit (one round trip fewer per job).
  void next_savepoint() override {
    conn().defer("RELEASE SAVEPOINT parley_job");
    conn().defer("SAVEPOINT parley_job");
  }
  void rollback_to_savepoint() override {
    conn().exec("ROLLBACK TO SAVEPOINT parley_job; RELEASE SAVEPOINT parley_job");
  }
  bool in_transaction() override {
    auto st = PQtransactionStatus(conn().handle());
    return st == PQTRANS_INTRANS || st == PQTRANS_INERROR;
  }
  void commit() override {
    finish();
    conn().exec("COMMIT");
  }
  void rollback() noexcept override {
    finish();
    try {
      if (in_transaction()) conn().exec("ROLLBACK");
    } catch (...) {
    }
    conn().drop_deferred();
  }

 private:
  Conn& conn() { return *lease_.conn; }
  void start(std::string_view then) {
    conn().exec("BEGIN; SELECT pg_advisory_xact_lock(" + std::to_string(kWriteLock) + ")" +
                std::string(then));
    open_ = true;
    t_tx_conn = &conn();
    t_tx_db = &db_;
  }
  void finish() {
    open_ = false;
    t_tx_conn = nullptr;
    t_tx_db = nullptr;
  }
  Db& db_;
  Lease lease_;
  bool open_ = false;
};

Db::Db(DbOptions o)
    : max_open_(std::max(1, o.max_open)),
      max_idle_(std::max(0, o.max_idle)),
      timeout_ms_(std::max(1, o.query_timeout_seconds) * 1000),
      read_after_write_ms_(std::max(0, o.read_after_write_ms)),
      batcher_([this] { return std::make_unique<WriterTx>(*this); }) {
  int connect_timeout = o.connect_timeout_seconds > 0
                            ? o.connect_timeout_seconds
                            : std::min(10, std::max(2, o.query_timeout_seconds));
  params_ = connection_params(o.data_source, connect_timeout);
  // Replica pools are small (a quarter of the primary's) and connect lazily: the server starts
  // even when a replica is down, and a dead replica only costs a fast failed connect.
  auto add = [&](std::vector<std::unique_ptr<Replica>>& out, const std::vector<std::string>& urls,
                 const std::string& kind) {
    for (const auto& url : urls) {
      if (url.empty()) continue;
      DbOptions r;
      r.data_source = url;
      r.max_open = std::max(2, max_open_ / 4);
      r.max_idle = std::max(1, std::min(max_idle_, r.max_open));
      r.query_timeout_seconds = o.query_timeout_seconds;
      r.connect_at_start = false;
      r.connect_timeout_seconds = 2;
      auto rep = std::make_unique<Replica>();
      rep->label = kind + " " + std::to_string(out.size() + 1);
      rep->db = std::make_unique<Db>(std::move(r));
      out.push_back(std::move(rep));
    }
  };
  add(replicas_, o.replicas, "replica");
  add(search_replicas_, o.search_replicas, "search replica");
  // Fail at start when the primary is unreachable.
  if (o.connect_at_start) release(acquire());
}

bool Db::needs_primary() {
  ActingUser* acting = ActingUser::current();
  if (!acting) return false;
  if (acting->wrote()) return true;
  if (acting->user_id().empty()) return false;
  std::lock_guard lock(writers_mutex_);
  auto it = recent_writers_.find(acting->user_id());
  return it != recent_writers_.end() && Clock::now() < it->second;
}

void Db::note_write() {
  ActingUser* acting = ActingUser::current();
  if (!acting || !has_replicas()) return;
  acting->mark_wrote();
  if (acting->user_id().empty() || read_after_write_ms_ == 0) return;
  auto now = Clock::now();
  std::lock_guard lock(writers_mutex_);
  if (recent_writers_.size() > 4096)
    std::erase_if(recent_writers_, [&](const auto& kv) { return kv.second <= now; });
  recent_writers_[acting->user_id()] = now + std::chrono::milliseconds(read_after_write_ms_);
}

std::vector<Db::Replica*> Db::replica_order(ReadKind kind) {
  auto now_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now().time_since_epoch())
          .count();
  uint64_t turn = next_replica_.fetch_add(1, std::memory_order_relaxed);
  std::vector<Replica*> out;
  auto take = [&](const std::vector<std::unique_ptr<Replica>>& set) {
    for (std::size_t i = 0; i < set.size(); ++i) {
      Replica& r = *set[(turn + i) % set.size()];
      if (r.down_until_ms.load(std::memory_order_relaxed) <= now_ms) out.push_back(&r);
    }
  };
  if (kind == ReadKind::search) take(search_replicas_);
  take(replicas_);
  return out;
}

void Db::mark_down(Replica& r, const DbError& e) {
  constexpr int64_t kDownMs = 5000;
  auto now_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now().time_since_epoch())
          .count();
  int64_t was = r.down_until_ms.exchange(now_ms + kDownMs);
  if (was <= now_ms)
    log::warn("PostgreSQL " + r.label + " failed; reads use the primary for a few seconds",
              {{"error", std::string(e.what())}});
}

Db::~Db() = default;

Conn* Db::current_tx() const {
  return t_tx_db == this ? t_tx_conn : nullptr;
}

Conn* Db::acquire() {
  std::unique_lock lock(mutex_);
  auto deadline = Clock::now() + std::chrono::milliseconds(timeout_ms_);
  for (;;) {
    while (!idle_.empty()) {
      auto c = std::move(idle_.back());
      idle_.pop_back();
      lock.unlock();
      bool ok = c->usable();
      lock.lock();
      if (ok) {
        busy_.push_back(std::move(c));
        return busy_.back().get();
      }
      c.reset();  // dropped: a fresh connection replaces it
      cv_.notify_one();
    }
    int open = static_cast<int>(idle_.size() + busy_.size()) + opening_;
    if (open < max_open_) {
      ++opening_;
      lock.unlock();
      std::unique_ptr<Conn> c;
      try {
        c = std::make_unique<Conn>(params_, timeout_ms_);
      } catch (...) {
        lock.lock();
        --opening_;
        cv_.notify_one();
        throw;
      }
      lock.lock();
      --opening_;
      busy_.push_back(std::move(c));
      return busy_.back().get();
    }
    if (cv_.wait_until(lock, deadline) == std::cv_status::timeout)
      throw DbError("postgres: no connection available (SqlSettings.MaxOpenConns reached)",
                    "53300");
  }
}

void Db::release(Conn* c) {
  std::unique_ptr<Conn> owned;
  {
    std::lock_guard lock(mutex_);
    auto it = std::find_if(busy_.begin(), busy_.end(), [&](const auto& p) { return p.get() == c; });
    if (it == busy_.end()) return;
    owned = std::move(*it);
    busy_.erase(it);
    if (static_cast<int>(idle_.size()) < max_idle_ && PQstatus(owned->handle()) == CONNECTION_OK &&
        PQtransactionStatus(owned->handle()) == PQTRANS_IDLE)
      idle_.push_back(std::move(owned));
  }
  cv_.notify_one();
  // `owned`, when still set, closes outside the lock.
}

Db::Lease::Lease(Db& d) : db(d), conn(d.acquire()) {}
Db::Lease::~Lease() {
  db.release(conn);
}

Db::Savepoint::Savepoint(Conn& c) : conn(c) {
  conn.exec("SAVEPOINT parley_nested");
}

void Db::Savepoint::release() {
  done = true;
  conn.exec("RELEASE SAVEPOINT parley_nested");
}

Db::Savepoint::~Savepoint() {
  if (!done) {
    try {
      conn.exec("ROLLBACK TO SAVEPOINT parley_nested; RELEASE SAVEPOINT parley_nested");
    } catch (...) {
    }
  }
}

}  // namespace parley::store::postgres
