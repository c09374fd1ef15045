// cache_tx: transaction scopes of the read caches (the scope the group commit's writer thread
// opens around each batch among them).
#include "store/cache_tx.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace parley::store::cache_tx {
namespace {

TEST(CacheTx, AScopeSkipsCachesAndReplaysItsInvalidationsAtItsEnd) {
  int replays = 0;
  EXPECT_FALSE(active());
  {
    Scope batch;
    EXPECT_TRUE(active());
    write_then([] {}, [&] { ++replays; });
    EXPECT_EQ(replays, 1);  // at once
  }
  EXPECT_EQ(replays, 2);  // and again at the end
  EXPECT_FALSE(active());
}

TEST(CacheTx, AnInnerScopeLeavesTheReplayToTheOutermost) {
  std::vector<std::string> calls;
  {
    Scope outer;
    {
      Scope inner;
      write_then([] {}, [&] { calls.push_back("write"); });
    }
    EXPECT_EQ(calls, (std::vector<std::string>{"write"}));
    EXPECT_TRUE(active());
  }
  EXPECT_EQ(calls, (std::vector<std::string>{"write", "write"}));
  EXPECT_FALSE(active());
}

TEST(CacheTx, AnInvalidationIsReplayedWhenTheWriteThrows) {
  int replays = 0;
  {
    Scope batch;
    EXPECT_THROW(write_then([] { throw std::runtime_error("failed"); }, [&] { ++replays; }),
                 std::runtime_error);
  }
  EXPECT_EQ(replays, 2);
}

}  // namespace
}  // namespace parley::store::cache_tx
