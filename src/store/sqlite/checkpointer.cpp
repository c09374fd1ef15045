// Background WAL checkpoints (see checkpointer.h).
#include "store/sqlite/checkpointer.h"

#include "store/sqlite/db.h"

namespace parley::store::sqlite {

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
  if (frames >= c->threshold_) {
    {
      std::lock_guard lock(c->mutex_);
      c->due_ = true;
    }
    c->cv_.notify_one();
  }
  return SQLITE_OK;
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
    // PASSIVE copies what no reader still needs and never waits; the rest goes next time. A
    // failure (disk full, I/O) leaves the log in place, which is safe: it is retried later.
    sqlite3_wal_checkpoint_v2(conn_->handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr,
                              nullptr);
    lock.lock();
    ++runs_;
  }
}

}  // namespace parley::store::sqlite
