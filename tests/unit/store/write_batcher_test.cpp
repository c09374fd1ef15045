// Group commit: batching, per-job savepoints, failures confined to their job (WriteBatcher with
// a recording transaction), and the same through a real store on SQLite or PostgreSQL.
#include "store/write_batcher.h"

#include "store_fixture.h"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace parley::testing {
namespace {

struct Log {
  std::mutex mutex;
  std::vector<std::string> events;
  bool abandon_after_failure = false;
  void add(std::string e) {
    std::lock_guard lock(mutex);
    events.push_back(std::move(e));
  }
};

class RecordingTx : public store::WriteBatcher::Tx {
 public:
  explicit RecordingTx(Log& log) : log_(log) {}
  void begin() override { log_.add("begin"); }
  void savepoint() override { log_.add("savepoint"); }
  void release_savepoint() override { log_.add("release"); }
  void rollback_to_savepoint() override { log_.add("rollback_to"); }
  bool in_transaction() override { return !log_.abandon_after_failure; }
  void commit() override { log_.add("commit"); }
  void rollback() noexcept override { log_.add("rollback"); }

 private:
  Log& log_;
};

// The first job is a batch of its own and holds the writer thread until three more writes are
// queued; those three then run together in the next batch. Returns what each of the three threw.
std::vector<std::string> run_first_then_three(Log& log) {
  store::WriteBatcher batcher([&] { return std::make_unique<RecordingTx>(log); });
  std::vector<std::string> outcome(3);
  std::atomic<bool> writing{false};
  std::thread first([&] {
    batcher.run([&] {
      writing = true;
      while (batcher.pending() < 3) std::this_thread::yield();
      log.add("L");
    });
  });
  while (!writing) std::this_thread::yield();
  std::vector<std::thread> others;
  for (int i = 0; i < 3; ++i) {
    // Queue strictly in order A, B, C so the batch's order is known.
    others.emplace_back([&, i] {
      std::string name(1, static_cast<char>('A' + i));
      try {
        batcher.run([&] {
          log.add(name);
          if (name == "B") throw std::runtime_error("B failed");
        });
        outcome[i] = "ok";
      } catch (const std::exception& e) {
        outcome[i] = e.what();
      }
    });
    // (After the third the first job lets go and the queue empties at once.)
    while (i < 2 && batcher.pending() < static_cast<std::size_t>(i + 1)) std::this_thread::yield();
  }
  first.join();
  for (auto& t : others) t.join();
  return outcome;
}

TEST(WriteBatcher, QueuedWritesShareOneCommitAndAFailureStaysInItsSavepoint) {
  Log log;
  auto outcome = run_first_then_three(log);
  EXPECT_EQ(outcome, (std::vector<std::string>{"ok", "B failed", "ok"}));
  // The commit releases the last job's savepoint.
  EXPECT_EQ(log.events, (std::vector<std::string>{"begin", "L", "commit", "begin", "savepoint", "A",
                                                  "release", "savepoint", "B", "rollback_to",
                                                  "savepoint", "C", "commit"}));
}

TEST(WriteBatcher, AnAbandonedTransactionFailsTheWholeBatch) {
  Log log;
  log.abandon_after_failure = true;
  auto outcome = run_first_then_three(log);
  // A ran but its work was lost with the transaction; C never ran.
  EXPECT_EQ(outcome, (std::vector<std::string>{"B failed", "B failed", "B failed"}));
  EXPECT_EQ(log.events, (std::vector<std::string>{"begin", "L", "commit", "begin", "savepoint", "A",
                                                  "release", "savepoint", "B", "rollback"}));
}

class WriteBatcherStoreTest : public StoreFixture {};

// Many threads write at once, every third write fails after inserting (a thrown error or a
// duplicate username) and every fifth before writing anything (on PostgreSQL the savepoint
// between two jobs travels with the next job's first statement): exactly the others are
// stored, whatever batches they fell into.
TEST_F(WriteBatcherStoreTest, ConcurrentWritesCommitExactlyTheOnesThatSucceeded) {
  add_user("taken");
  constexpr int kThreads = 8, kPerThread = 12;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        int n = t * kPerThread + i;
        try {
          store().transaction([&] {
            if (n % 5 == 4) throw std::runtime_error("fails before writing");
            model::User u;
            u.id = new_id();
            u.username = "w" + std::to_string(n);
            u.email = u.username + "@example.com";
            u.create_at = u.update_at = now_ms();
            store().users().insert(u);
            if (n % 3 == 0) throw std::runtime_error("fails after inserting");
            if (n % 3 == 1 && n % 2 == 0) {
              u.id = new_id();
              u.username = "taken";
              u.email = "other" + std::to_string(n) + "@example.com";
              store().users().insert(u);  // unique violation: the whole write fails
            }
          });
        } catch (const std::exception&) {
          ++failures;
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  int expected_failures = 0;
  for (int n = 0; n < kThreads * kPerThread; ++n) {
    bool fails = n % 5 == 4 || n % 3 == 0 || (n % 3 == 1 && n % 2 == 0);
    expected_failures += fails;
    EXPECT_EQ(store().users().get_by_username("w" + std::to_string(n)).has_value(), !fails) << n;
  }
  EXPECT_EQ(failures.load(), expected_failures);
}

}  // namespace
}  // namespace parley::testing
