// Group commit (see write_batcher.h).
#include "store/write_batcher.h"

#include "store/cache_tx.h"

#include <utility>

namespace parley::store {

WriteBatcher::WriteBatcher(OpenTx open, std::size_t max_batch)
    : open_(std::move(open)), max_batch_(max_batch == 0 ? 1 : max_batch) {}

void WriteBatcher::run(const std::function<void()>& fn) {
  Job job(&fn);
  {
    std::lock_guard lock(mutex_);
    if (!writer_.joinable())
      writer_ = std::jthread([this](std::stop_token stop) { write_loop(stop); });
    queue_.push_back(&job);
  }
  queued_.notify_one();
  job.done.acquire();
  if (job.error) std::rethrow_exception(job.error);
}

std::size_t WriteBatcher::pending() {
  std::lock_guard lock(mutex_);
  return queue_.size();
}

void WriteBatcher::write_loop(std::stop_token stop) {
  std::vector<Job*> batch;
  std::unique_lock lock(mutex_);
  // Stops once asked to and nothing is queued.
  while (queued_.wait(lock, stop, [&] { return !queue_.empty(); })) {
    while (!queue_.empty() && batch.size() < max_batch_) {
      batch.push_back(queue_.front());
      queue_.pop_front();
    }
    lock.unlock();
    execute(batch);
    // A released caller returns and its Job goes: nothing of it is touched afterwards.
    for (Job* j : batch) j->done.release();
    batch.clear();
    lock.lock();
  }
}

void WriteBatcher::execute(std::vector<Job*>& batch) {
  // The jobs come from other threads' transactions: inside the batch, reads skip the read
  // caches and cache invalidations are replayed once this function returns, after the commit.
  cache_tx::Scope cache_scope;
  auto fail_all = [&](std::exception_ptr e) {
    for (Job* j : batch)
      if (!j->error) j->error = e;
  };
  std::unique_ptr<Tx> tx;
  bool alone = batch.size() == 1;
  try {
    tx = open_();
    // Alone, the transaction is the job's: no savepoint needed.
    if (alone)
      tx->begin();
    else
      tx->begin_with_savepoint();
  } catch (...) {
    fail_all(std::current_exception());
    return;
  }
  if (alone) {
    try {
      (*batch.front()->fn)();
      tx->commit();
    } catch (...) {
      batch.front()->error = std::current_exception();
      tx->rollback();
    }
    return;
  }
  // `open`: the savepoint of the previous job is still open (it succeeded); a failed job's was
  // rolled back and released.
  bool open = true;
  for (std::size_t i = 0; i < batch.size(); ++i) {
    Job* j = batch[i];
    if (i > 0) {
      try {
        if (open)
          tx->next_savepoint();
        else
          tx->savepoint();
      } catch (...) {
        fail_all(std::current_exception());
        tx->rollback();
        return;
      }
    }
    try {
      (*j->fn)();
      open = true;
    } catch (...) {
      j->error = std::current_exception();
      open = false;
      bool usable = false;
      try {
        usable = tx->in_transaction();
        if (usable) tx->rollback_to_savepoint();
      } catch (...) {
        usable = false;
      }
      if (!usable) {
        // The database dropped the whole transaction: nothing of this batch is committed.
        fail_all(j->error);
        tx->rollback();
        return;
      }
    }
  }
  // The commit releases the last job's savepoint with the rest.
  try {
    tx->commit();
  } catch (...) {
    fail_all(std::current_exception());
    tx->rollback();
  }
}

}  // namespace parley::store
