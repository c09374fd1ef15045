// Transaction bookkeeping shared by the store's read caches (store/cached_store.h): whether this
// thread is inside a Store::transaction, and the invalidations to repeat after it commits.
#pragma once

#include <functional>
#include <vector>

namespace parley::store::cache_tx {

// True inside a Store::transaction opened through the caching store on this thread.
bool active();

// Runs `write`, then `invalidate` (also when `write` throws), and again once the enclosing
// transaction has ended: a reader may have refilled a key between the write and the commit.
void write_then(const std::function<void()>& write, const std::function<void()>& invalidate);

// Marks a transaction scope on this thread; the outermost one replays the invalidations when it
// ends, committed or not.
class Scope {
 public:
  Scope();
  ~Scope();
  Scope(const Scope&) = delete;
  Scope& operator=(const Scope&) = delete;
};

// An outermost transaction scope for work this thread runs on behalf of others (the group
// commit leader running a batch, store/write_batcher.h): reads inside skip the caches, and the
// invalidations recorded inside are replayed when it ends, after the batch's commit, whatever
// scope this thread itself was in; that scope's own pending invalidations are kept for it.
class BatchScope {
 public:
  BatchScope();
  ~BatchScope();
  BatchScope(const BatchScope&) = delete;
  BatchScope& operator=(const BatchScope&) = delete;

 private:
  int outer_depth_;
  std::vector<std::function<void()>> outer_pending_;
};

}  // namespace parley::store::cache_tx
