// WAL checkpoints (see checkpointer.h).
#include "store/sqlite/checkpointer.h"

#include "store/sqlite/db.h"

namespace parley::store::sqlite {

namespace {
// How long the writer waits for readers on old snapshots before giving up until the next
// background pass: writes queue behind it meanwhile.
constexpr int kRestartWaitMs = 100;
}  // namespace

Checkpointer::Checkpointer(const std::string& path, sqlite3* writer, int threshold_frames)
    : writer_(writer),
      threshold_(threshold_frames),
      conn_(std::make_unique<Conn>(path)),
      next_wake_(threshold_frames) {
  // Replaces the autocheckpoint hook: commits only report the log's size from now on.
  sqlite3_wal_hook(writer_, &Checkpointer::on_commit, this);
  thread_ = std::jthread([this](std::stop_token stop) { loop(stop); });
}

Checkpointer::~Checkpointer() {
  sqlite3_wal_hook(writer_, nullptr, nullptr);
  thread_.request_stop();
  cv_.notify_all();
}

int Checkpointer::on_commit(void* self, sqlite3*, const char*, int frames) {
  auto* c = static_cast<Checkpointer*>(self);
  if (frames < c->last_frames_) c->next_wake_ = c->threshold_;  // the log started over
  c->last_frames_ = frames;
  if (frames > c->largest_frames_.load(std::memory_order_relaxed))
    c->largest_frames_.store(frames, std::memory_order_relaxed);
  if (frames >= c->next_wake_) {
    c->next_wake_ = frames + c->threshold_;
    {
      std::lock_guard lock(c->mutex_);
      c->due_ = true;
    }
    c->cv_.notify_one();
  }
  return SQLITE_OK;
}

void Checkpointer::restart_if_due() {
  if (!restart_ready_.load(std::memory_order_acquire)) return;
  sqlite3_busy_timeout(writer_, kRestartWaitMs);
  // Busy (a read on an old snapshot outlasting the wait): the log stays as it is, which is
  // safe, and the next pass brings another try.
  sqlite3_wal_checkpoint_v2(writer_, nullptr, SQLITE_CHECKPOINT_RESTART, nullptr, nullptr);
  sqlite3_busy_timeout(writer_, kBusyTimeoutMs);
  // The next pass waited for this try (two checkpoints at once: SQLite refuses the second).
  {
    std::lock_guard lock(mutex_);
    restart_ready_.store(false, std::memory_order_relaxed);
  }
  cv_.notify_one();
}

int Checkpointer::runs() {
  std::lock_guard lock(mutex_);
  return runs_;
}

void Checkpointer::loop(std::stop_token stop) {
  std::unique_lock lock(mutex_);
  while (cv_.wait(lock, stop, [&] { return due_ && !restart_ready_.load(); })) {
    due_ = false;
    lock.unlock();
    // PASSIVE copies what no reader still needs and never waits; the writer's restart copies
    // the rest. A failure (disk full, I/O) leaves the log in place, which is safe.
    int rc = sqlite3_wal_checkpoint_v2(conn_->handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr,
                                       nullptr);
    lock.lock();
    if (rc == SQLITE_OK) restart_ready_.store(true, std::memory_order_release);
    ++runs_;
  }
}

}  // namespace parley::store::sqlite
