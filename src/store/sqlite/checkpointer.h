// WAL checkpoints for SQLite. The writer connection no longer checkpoints inside its commits
// (which stalled every queued write behind the copy): once the log passes a threshold, its WAL
// hook wakes a background thread that copies the log back into the database with a PASSIVE
// checkpoint on its own connection, which never blocks the writer or the readers.
// A PASSIVE checkpoint cannot rewind the log while writes keep coming (the log starts over only
// when a write transaction begins with every frame already copied, which under steady writes
// never happens), and waking the thread at every commit past the threshold kept it copying and
// syncing without pause while the file grew without bound (900 MB in ten seconds of posting).
// So the thread runs once per threshold crossed, and at twice the threshold the writer, between
// two transactions, finishes the job: it waits for a background pass still running, then a
// RESTART checkpoint copies the frames left and waits briefly for readers on old snapshots, and
// the next write starts the log over.
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
  // `writer` must outlive this object; `threshold_frames` is SQLite's autocheckpoint default.
  Checkpointer(const std::string& path, sqlite3* writer, int threshold_frames = 1000);
  ~Checkpointer();
  Checkpointer(const Checkpointer&) = delete;
  Checkpointer& operator=(const Checkpointer&) = delete;

  // Called on the writer's thread before it begins a transaction: rewinds the log when due.
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
  // Written by the WAL hook and read by restart_if_due, both on the writer's thread; atomic
  // for largest_log_frames() readers elsewhere.
  std::atomic<int> frames_{0};
  std::atomic<int> largest_frames_{0};
  int next_restart_ = 0;  // log size at which the writer tries again after a busy attempt
  bool woken_ = false;    // the thread was woken since the log last started over (writer's)
  std::mutex running_;    // held by a checkpoint in progress: SQLite refuses a second one
  std::mutex mutex_;
  std::condition_variable_any cv_;
  bool due_ = false;
  int runs_ = 0;
  std::jthread thread_;
};

}  // namespace parley::store::sqlite
