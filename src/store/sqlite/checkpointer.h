// WAL checkpoints for SQLite. The writer connection does not checkpoint inside its commits
// (which stalled every queued write behind the copy): each time the log grows by a threshold,
// its WAL hook wakes a background thread that copies the log back into the database with a
// PASSIVE checkpoint on its own connection, which never blocks the writer or the readers.
// A PASSIVE checkpoint cannot rewind the log while writes keep coming (the log starts over only
// when a write transaction begins with every frame already copied, which under steady writes
// never happens: the file grew without bound, 900 MB in ten seconds of posting). So once a
// background pass is done, the writer, before its next transaction, finishes the job: a RESTART
// checkpoint copies the few frames committed since the pass began and waits briefly for readers
// on old snapshots, and the next write starts the log over. When readers hold out, the next
// pass a threshold later tries again.
#pragma once

#include <sqlite3.h>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <stop_token>
#include <string>
#include <thread>

namespace parley::store::sqlite {

class Conn;

class Checkpointer {
 public:
  // `writer` must outlive this object. Every `threshold_frames` (16 MB of 4 KiB pages) a pass runs:
  // four times SQLite's autocheckpoint, so that each pass copies hot pages once for more commits.
  Checkpointer(const std::string& path, sqlite3* writer, int threshold_frames = 4000);
  ~Checkpointer();
  Checkpointer(const Checkpointer&) = delete;
  Checkpointer& operator=(const Checkpointer&) = delete;

  // Called on the writer's thread before it begins a transaction: rewinds the log when a
  // background pass has made that cheap.
  void restart_if_due();

  // Background checkpoints run so far, and the largest log seen at a commit (tests).
  int runs();
  int largest_log_frames() const { return largest_frames_.load(std::memory_order_relaxed); }

 private:
  static int on_commit(void* self, sqlite3* db, const char* schema, int frames);
  void loop(std::stop_token stop);

  sqlite3* writer_;
  int threshold_;
  std::unique_ptr<Conn> conn_;
  // The WAL hook and restart_if_due run on the writer's thread (under its transaction's lock).
  int last_frames_ = 0;
  int next_wake_;  // log size at which the hook wakes the background thread next
  std::atomic<int> largest_frames_{0};
  // A background pass finished and the writer has not tried to rewind since; the next pass
  // waits for that try.
  std::atomic<bool> restart_ready_{false};
  std::mutex mutex_;
  std::condition_variable_any cv_;
  bool due_ = false;
  int runs_ = 0;
  std::jthread thread_;
};

}  // namespace parley::store::sqlite
