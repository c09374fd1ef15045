// Group commit for the store backends: write transactions go to one writer thread, which takes
// everything queued, runs every job, each inside its own savepoint, in one database transaction,
// then commits once. A job that throws is rolled back to its savepoint alone and its caller gets
// the exception; the others commit. Each caller returns only after the commit that holds its
// work, so an acknowledged write is durable exactly as before, but the commit's cost (WAL
// append, fsync, lock hand-over) is paid once per batch. One thread runs every batch: no batch
// waits for a leader to be woken and scheduled, and the database's pages stay in one core's
// caches. Between two jobs one call releases the first's savepoint and opens the next's; the
// last job's savepoint is released by the commit.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <semaphore>
#include <stop_token>
#include <thread>
#include <vector>

namespace parley::store {

class WriteBatcher {
 public:
  // One database transaction, driven by the writer thread.
  class Tx {
   public:
    virtual ~Tx() = default;
    virtual void begin() = 0;
    virtual void savepoint() = 0;
    virtual void release_savepoint() = 0;
    virtual void rollback_to_savepoint() = 0;
    // begin() then savepoint(); and release_savepoint() then savepoint() (the next job's).
    // A backend overrides them to send each pair in one round trip.
    virtual void begin_with_savepoint() {
      begin();
      savepoint();
    }
    virtual void next_savepoint() {
      release_savepoint();
      savepoint();
    }
    // False when the database abandoned the transaction after a failed job.
    virtual bool in_transaction() = 0;
    virtual void commit() = 0;
    virtual void rollback() noexcept = 0;
  };
  using OpenTx = std::function<std::unique_ptr<Tx>()>;

  explicit WriteBatcher(OpenTx open, std::size_t max_batch = 64);

  // Runs `job` on the writer thread in a transaction opened with the factory, together with the
  // jobs queued with it; returns once that transaction committed, or rethrows what failed it.
  void run(const std::function<void()>& job);

  // Writes queued for the next batch (metrics, tests).
  std::size_t pending();

 private:
  // One caller's write. Its thread waits on `done`, released by the writer after the commit (a
  // semaphore: the woken caller does not then contend for the queue's lock).
  struct Job {
    explicit Job(const std::function<void()>* f) : fn(f) {}
    const std::function<void()>* fn;
    std::exception_ptr error;
    std::binary_semaphore done{0};
  };
  void write_loop(std::stop_token stop);
  void execute(std::vector<Job*>& batch);

  OpenTx open_;
  std::size_t max_batch_;
  std::mutex mutex_;
  std::condition_variable_any queued_;  // the writer waits here for work
  std::deque<Job*> queue_;
  // Started by the first write (read-only replicas never start one). Declared last, so it is
  // stopped and joined before the queue goes, once every caller has returned.
  std::jthread writer_;
};

}  // namespace parley::store
