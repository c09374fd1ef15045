// Background WAL checkpoints for SQLite. The writer connection no longer checkpoints inside its
// commits (which stalled every queued write behind the copy); its WAL hook wakes this thread once
// the log has grown past a threshold, and the thread copies the log back into the database with
// a PASSIVE checkpoint on its own connection, which never blocks the writer or the readers.
#pragma once

#include <sqlite3.h>

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

  // Checkpoints run so far (tests).
  int runs();

 private:
  static int on_commit(void* self, sqlite3* db, const char* schema, int frames);
  void loop(std::stop_token stop);

  sqlite3* writer_;
  int threshold_;
  std::unique_ptr<Conn> conn_;
  std::mutex mutex_;
  std::condition_variable_any cv_;
  bool due_ = false;
  int runs_ = 0;
  std::jthread thread_;
};

}  // namespace parley::store::sqlite
