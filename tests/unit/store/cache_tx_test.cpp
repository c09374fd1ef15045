// cache_tx: transaction scopes of the read caches, and the batch scope the group-commit leader
// opens around other threads' writes.
#include "store/cache_tx.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace parley::store::cache_tx {
namespace {

TEST(CacheTx, BatchScopeSkipsCachesAndReplaysItsOwnInvalidationsAtItsEnd) {
  std::vector<std::string> calls;
  EXPECT_FALSE(active());
  {
    Scope outer;  // the leader's own transaction, still open while it runs a batch
    write_then([] {}, [&] { calls.push_back("outer"); });
    calls.clear();
    {
      BatchScope batch;
      EXPECT_TRUE(active());
      write_then([] {}, [&] { calls.push_back("batch"); });
      EXPECT_EQ(calls, (std::vector<std::string>{"batch"}));  // at once
    }
    // Replayed when the batch ends, not deferred to the outer scope.
    EXPECT_EQ(calls, (std::vector<std::string>{"batch", "batch"}));
    EXPECT_TRUE(active());
  }
  // The outer scope kept its own pending invalidation and replayed it at its end.
  EXPECT_EQ(calls, (std::vector<std::string>{"batch", "batch", "outer"}));
  EXPECT_FALSE(active());
}

TEST(CacheTx, BatchScopeOnAThreadOutsideAnyTransaction) {
  int replays = 0;
  {
    BatchScope batch;
    EXPECT_TRUE(active());
    write_then([] {}, [&] { ++replays; });
  }
  EXPECT_EQ(replays, 2);
  EXPECT_FALSE(active());
}

}  // namespace
}  // namespace parley::store::cache_tx
