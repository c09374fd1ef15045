// Group commit for the store backends: write transactions that arrive while another one runs
// wait in a queue; the next thread to lead takes the whole queue and runs every job, each inside
// its own savepoint, in one database transaction, then commits once. A job that throws is rolled
// back to its savepoint alone and its caller gets the exception; the others commit. Each caller
// returns only after the commit that holds its work, so an acknowledged write is durable exactly
// as before, but the commit's cost (WAL append, fsync, lock hand-over) is paid once per batch.
// Between two jobs one call releases the first's savepoint and opens the next's; the last
// job's savepoint is released by the commit.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>

namespace parley::store {

class WriteBatcher {
 public:
  // One database transaction, driven by the leading thread.
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

  // Runs `job` in a transaction opened with the factory, possibly on another thread together
  // with other jobs; returns once that transaction committed, or rethrows what failed it.
  void run(const std::function<void()>& job);

  // Writes queued for the next batch (metrics, tests).
  std::size_t pending();

 private:
  // One caller's write. Its thread sleeps on `wake` until the job is done or nobody leads; a
  // batch's end wakes the threads of its jobs and the oldest waiting one, which leads next
  // unless a newly arrived write took the lead first (one condition per job: a shared one woke
  // every waiting thread after every batch, most of them for nothing).
  struct Job {
    explicit Job(const std::function<void()>* f) : fn(f) {}
    const std::function<void()>* fn;
    std::exception_ptr error;
    bool done = false;
    std::condition_variable wake;
  };
  void lead(std::unique_lock<std::mutex>& lock);
  void execute(std::deque<Job*>& batch);

  OpenTx open_;
  std::size_t max_batch_;
  std::mutex mutex_;
  std::deque<Job*> queue_;
  bool leading_ = false;
};

}  // namespace parley::store
