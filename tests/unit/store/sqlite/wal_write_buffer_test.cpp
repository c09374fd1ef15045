// The WAL write gathering VFS: a commit's frames reach the file in one write (counted through
// the default VFS's replaceable pwrite), and what it writes is the database SQLite expects.
#include "store/sqlite/wal_write_buffer.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <string>

namespace parley::store::sqlite {
namespace {

struct WriteCounts {
  int writes = 0;
  int frame_headers = 0;  // 24-byte writes: SQLite writes each frame's header on its own
};

// The counter the replacement pwrite adds to while a Counting object is alive.
WriteCounts* g_counts = nullptr;  // test-only hook: the pwrite replacement cannot carry state

class Counting {
 public:
  explicit Counting(WriteCounts& counts) {
    vfs_ = sqlite3_vfs_find(nullptr);
    name_ = vfs_->xGetSystemCall(vfs_, "pwrite64") ? "pwrite64" : "pwrite";
    original_ = vfs_->xGetSystemCall(vfs_, name_);
    g_counts = &counts;
    vfs_->xSetSystemCall(vfs_, name_, reinterpret_cast<sqlite3_syscall_ptr>(&counting_pwrite));
  }
  ~Counting() {
    vfs_->xSetSystemCall(vfs_, name_, original_);
    g_counts = nullptr;
  }

 private:
  static ssize_t counting_pwrite(int fd, const void* buf, size_t n, off_t off) {
    ++g_counts->writes;
    if (n == 24) ++g_counts->frame_headers;
    return ::pwrite(fd, buf, n, off);
  }
  sqlite3_vfs* vfs_;
  const char* name_;
  sqlite3_syscall_ptr original_;
};

class WalWriteBufferTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("parley-walbuf-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "t.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  sqlite3* open(const char* vfs) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open_v2(path_.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, vfs),
              SQLITE_OK);
    exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
    return db;
  }
  static void exec(sqlite3* db, const std::string& sql) {
    char* err = nullptr;
    int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
    EXPECT_EQ(rc, SQLITE_OK) << (err ? err : "");
    sqlite3_free(err);
  }
  static void insert_blobs(sqlite3* db, int rows) {
    exec(db, "BEGIN");
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO Blobs (Data) VALUES (zeroblob(3000))", -1, &s, nullptr);
    for (int i = 0; i < rows; ++i) {
      EXPECT_EQ(sqlite3_step(s), SQLITE_DONE);
      sqlite3_reset(s);
    }
    sqlite3_finalize(s);
    exec(db, "COMMIT");
  }
  // Rows and integrity as a connection on the default VFS sees them.
  void expect_intact(int rows) {
    sqlite3* db = open(nullptr);
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(db, "SELECT COUNT(*) FROM Blobs", -1, &s, nullptr);
    ASSERT_EQ(sqlite3_step(s), SQLITE_ROW);
    EXPECT_EQ(sqlite3_column_int(s, 0), rows);
    sqlite3_finalize(s);
    sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &s, nullptr);
    ASSERT_EQ(sqlite3_step(s), SQLITE_ROW);
    EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)), "ok");
    sqlite3_finalize(s);
    sqlite3_close(db);
  }

  std::filesystem::path dir_;
  std::string path_;
};

TEST_F(WalWriteBufferTest, ACommitsFramesReachTheLogInOneWrite) {
  sqlite3* db = open(wal_write_buffer_vfs());
  exec(db, "CREATE TABLE Blobs (Id INTEGER PRIMARY KEY, Data BLOB)");
  WriteCounts counts;
  {
    Counting counting(counts);
    insert_blobs(db, 12);  // a page each: 12 frames and more, about 55 KB
  }
  EXPECT_EQ(counts.frame_headers, 0);
  EXPECT_EQ(counts.writes, 1);
  sqlite3_close(db);
  expect_intact(12);
}

TEST_F(WalWriteBufferTest, TheDefaultVfsWritesEveryFrameHeaderOnItsOwn) {
  // The control for the test above: the counter does see SQLite's own writes.
  sqlite3* db = open(nullptr);
  exec(db, "CREATE TABLE Blobs (Id INTEGER PRIMARY KEY, Data BLOB)");
  WriteCounts counts;
  {
    Counting counting(counts);
    insert_blobs(db, 12);
  }
  EXPECT_GE(counts.frame_headers, 12);
  sqlite3_close(db);
}

TEST_F(WalWriteBufferTest, LargeTransactionsRollbacksAndRestartsStayIntact) {
  sqlite3* db = open(wal_write_buffer_vfs());
  exec(db, "PRAGMA cache_size=50");  // spills frames to the log before the commit
  exec(db, "CREATE TABLE Blobs (Id INTEGER PRIMARY KEY, Data BLOB)");
  insert_blobs(db, 3000);  // ~12 MB: written in pieces, past the gathering limit
  exec(db, "BEGIN");
  exec(db, "INSERT INTO Blobs (Data) SELECT Data FROM Blobs LIMIT 500");
  exec(db, "ROLLBACK");
  exec(db, "PRAGMA wal_checkpoint(RESTART)");
  insert_blobs(db, 10);  // the log starts over at its beginning
  sqlite3_close(db);
  expect_intact(3010);
}

}  // namespace
}  // namespace parley::store::sqlite
