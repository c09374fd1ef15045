// Transaction bookkeeping shared by the store's read caches (store/cached_store.h): whether this
// thread is inside a Store::transaction, and the invalidations to repeat after it commits.
#pragma once

#include <functional>

namespace parley::store::cache_tx {

// True inside a Store::transaction opened through the caching store on this thread.
bool active();

// Runs `write`, then `invalidate` (also when `write` throws), and again once the enclosing
// transaction has ended: a reader may have refilled a key between the write and the commit.
void write_then(const std::function<void()>& write, const std::function<void()>& invalidate);

// Marks a transaction scope on this thread; the outermost one replays the invalidations when it
// ends, committed or not. The group commit's writer thread opens one around each batch
// (store/write_batcher.h): reads inside skip the caches, and the invalidations of every job are
// replayed after the batch's commit.
class Scope {
 public:
  Scope();
  ~Scope();
  Scope(const Scope&) = delete;
  Scope& operator=(const Scope&) = delete;
};

}  // namespace parley::store::cache_tx
