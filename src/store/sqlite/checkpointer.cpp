// WAL checkpoints (see checkpointer.h).
#include "store/sqlite/checkpointer.h"

#include "store/sqlite/db.h"

namespace parley::store::sqlite {

namespace {
// How long the writer waits for readers on old snapshots before giving up until the log has
// grown by another threshold: writes queue behind it meanwhile.
constexpr int kRestartWaitMs = 100;
}  // namespace

Checkpointer::Checkpointer(const std::string& path, sqlite3* writer, int threshold_frames)
    : writer_(writer), threshold_(threshold_frames), conn_(std::make_unique<Conn>(path)) {
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
  c->frames_.store(frames, std::memory_order_relaxed);
  if (frames > c->largest_frames_.load(std::memory_order_relaxed))
    c->largest_frames_.store(frames, std::memory_order_relaxed);
  if (frames < c->threshold_) {
    c->woken_ = false;
  } else if (!c->woken_) {
    c->woken_ = true;
    {
      std::lock_guard lock(c->mutex_);
      c->due_ = true;
    }
    c->cv_.notify_one();
  }
  return SQLITE_OK;
}

void Checkpointer::restart_if_due() {
  int frames = frames_.load(std::memory_order_relaxed);
  if (frames < 2 * threshold_ || frames < next_restart_) return;
  std::lock_guard running(running_);
  sqlite3_busy_timeout(writer_, kRestartWaitMs);
  int rc = sqlite3_wal_checkpoint_v2(writer_, nullptr, SQLITE_CHECKPOINT_RESTART, nullptr, nullptr);
  sqlite3_busy_timeout(writer_, kBusyTimeoutMs);
  // Busy (a read on an old snapshot outlasting the wait): the log stays as it is, which is
  // safe, and the writer tries again a threshold later.
  next_restart_ = rc == SQLITE_OK ? 0 : frames + threshold_;
  if (rc == SQLITE_OK) frames_.store(0, std::memory_order_relaxed);
}

int Checkpointer::runs() {
  std::lock_guard lock(mutex_);
  return runs_;
}

void Checkpointer::loop(std::stop_token stop) {
  std::unique_lock lock(mutex_);
  while (cv_.wait(lock, stop, [&] { return due_; })) {
    due_ = false;
    lock.unlock();
    {
      std::lock_guard running(running_);
      // PASSIVE copies what no reader still needs and never waits; the writer's restart copies
      // the rest. A failure (disk full, I/O) leaves the log in place, which is safe.
      sqlite3_wal_checkpoint_v2(conn_->handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr,
                                nullptr);
    }
    lock.lock();
    ++runs_;
  }
}

}  // namespace parley::store::sqlite
