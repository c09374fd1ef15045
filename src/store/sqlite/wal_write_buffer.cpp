// WAL write gathering VFS (see wal_write_buffer.h).
#include "store/sqlite/wal_write_buffer.h"

#include <sqlite3.h>

#include <algorithm>
#include <mutex>
#include <new>
#include <stdexcept>
#include <string>

namespace parley::store::sqlite {
namespace {

constexpr int kFrameHeaderSize = 24;
constexpr std::size_t kMaxGathered = 4u << 20;  // a larger commit is written in parts

// Our file object: SQLite allocates szOsFile bytes for it; the wrapped file follows it.
struct File {
  sqlite3_file base;  // first: SQLite sees a sqlite3_file*
  sqlite3_file* real;
  bool wal;
  std::string gathered;  // frames not yet written, starting at `gathered_at`
  sqlite3_int64 gathered_at = 0;
  bool commit_page_next = false;  // the last write was a commit frame's header
};

File* self(sqlite3_file* f) {
  return reinterpret_cast<File*>(f);
}

int flush(File* f) {
  // The default VFS writes at most 128 KiB - 1 bytes per call (a longer write comes back
  // short, as SQLITE_FULL), so the frames go out in pieces of 64 KiB.
  constexpr std::size_t kPiece = 64u << 10;
  int rc = SQLITE_OK;
  for (std::size_t done = 0; done < f->gathered.size() && rc == SQLITE_OK; done += kPiece) {
    std::size_t n = std::min(kPiece, f->gathered.size() - done);
    rc = f->real->pMethods->xWrite(f->real, f->gathered.data() + done, static_cast<int>(n),
                                   f->gathered_at + static_cast<sqlite3_int64>(done));
  }
  f->gathered.clear();
  return rc;
}

// Commit frames carry the database size in pages after the commit (bytes 4-7, big-endian);
// every other frame has zero there.
bool is_commit_header(const void* p, int amt) {
  if (amt != kFrameHeaderSize) return false;
  const auto* b = static_cast<const unsigned char*>(p);
  return (b[4] | b[5] | b[6] | b[7]) != 0;
}

int x_close(sqlite3_file* pf) {
  File* f = self(pf);
  int rc = flush(f);
  int rc2 = f->real->pMethods->xClose(f->real);
  f->gathered.~basic_string();
  return rc != SQLITE_OK ? rc : rc2;
}

int x_read(sqlite3_file* pf, void* buf, int amt, sqlite3_int64 off) {
  File* f = self(pf);
  if (int rc = flush(f); rc != SQLITE_OK) return rc;
  return f->real->pMethods->xRead(f->real, buf, amt, off);
}

int x_write(sqlite3_file* pf, const void* buf, int amt, sqlite3_int64 off) {
  File* f = self(pf);
  if (!f->wal) return f->real->pMethods->xWrite(f->real, buf, amt, off);
  bool appends = !f->gathered.empty() &&
                 off == f->gathered_at + static_cast<sqlite3_int64>(f->gathered.size());
  if (!appends) {
    if (int rc = flush(f); rc != SQLITE_OK) return rc;
    f->gathered_at = off;
  }
  f->gathered.append(static_cast<const char*>(buf), static_cast<std::size_t>(amt));
  bool commit_done = f->commit_page_next && amt != kFrameHeaderSize;
  f->commit_page_next = is_commit_header(buf, amt);
  if (commit_done || f->gathered.size() >= kMaxGathered) return flush(f);
  return SQLITE_OK;
}

int x_truncate(sqlite3_file* pf, sqlite3_int64 size) {
  File* f = self(pf);
  if (int rc = flush(f); rc != SQLITE_OK) return rc;
  return f->real->pMethods->xTruncate(f->real, size);
}

int x_sync(sqlite3_file* pf, int flags) {
  File* f = self(pf);
  if (int rc = flush(f); rc != SQLITE_OK) return rc;
  return f->real->pMethods->xSync(f->real, flags);
}

int x_file_size(sqlite3_file* pf, sqlite3_int64* size) {
  File* f = self(pf);
  if (int rc = flush(f); rc != SQLITE_OK) return rc;
  return f->real->pMethods->xFileSize(f->real, size);
}

int x_lock(sqlite3_file* pf, int level) {
  File* f = self(pf);
  if (int rc = flush(f); rc != SQLITE_OK) return rc;
  return f->real->pMethods->xLock(f->real, level);
}

int x_unlock(sqlite3_file* pf, int level) {
  File* f = self(pf);
  if (int rc = flush(f); rc != SQLITE_OK) return rc;
  return f->real->pMethods->xUnlock(f->real, level);
}

int x_check_reserved_lock(sqlite3_file* pf, int* out) {
  return self(pf)->real->pMethods->xCheckReservedLock(self(pf)->real, out);
}

int x_file_control(sqlite3_file* pf, int op, void* arg) {
  File* f = self(pf);
  if (int rc = flush(f); rc != SQLITE_OK) return rc;
  return f->real->pMethods->xFileControl(f->real, op, arg);
}

int x_sector_size(sqlite3_file* pf) {
  return self(pf)->real->pMethods->xSectorSize(self(pf)->real);
}

int x_device_characteristics(sqlite3_file* pf) {
  return self(pf)->real->pMethods->xDeviceCharacteristics(self(pf)->real);
}

int x_shm_map(sqlite3_file* pf, int page, int size, int extend, void volatile** out) {
  File* f = self(pf);
  if (int rc = flush(f); rc != SQLITE_OK) return rc;
  return f->real->pMethods->xShmMap(f->real, page, size, extend, out);
}

int x_shm_lock(sqlite3_file* pf, int offset, int n, int flags) {
  File* f = self(pf);
  if (int rc = flush(f); rc != SQLITE_OK) return rc;
  return f->real->pMethods->xShmLock(f->real, offset, n, flags);
}

// No error can be returned here: the gathered frames were written when their commit completed,
// and frames spilled by a transaction still running are not visible to anyone yet.
void x_shm_barrier(sqlite3_file* pf) {
  self(pf)->real->pMethods->xShmBarrier(self(pf)->real);
}

int x_shm_unmap(sqlite3_file* pf, int remove) {
  File* f = self(pf);
  if (int rc = flush(f); rc != SQLITE_OK) return rc;
  return f->real->pMethods->xShmUnmap(f->real, remove);
}

int x_fetch(sqlite3_file* pf, sqlite3_int64 off, int amt, void** out) {
  File* f = self(pf);
  if (int rc = flush(f); rc != SQLITE_OK) return rc;
  return f->real->pMethods->xFetch(f->real, off, amt, out);
}

int x_unfetch(sqlite3_file* pf, sqlite3_int64 off, void* p) {
  return self(pf)->real->pMethods->xUnfetch(self(pf)->real, off, p);
}

constexpr sqlite3_io_methods kMethods = {
    3,
    x_close,
    x_read,
    x_write,
    x_truncate,
    x_sync,
    x_file_size,
    x_lock,
    x_unlock,
    x_check_reserved_lock,
    x_file_control,
    x_sector_size,
    x_device_characteristics,
    x_shm_map,
    x_shm_lock,
    x_shm_barrier,
    x_shm_unmap,
    x_fetch,
    x_unfetch,
};

int x_open(sqlite3_vfs* vfs, const char* name, sqlite3_file* pf, int flags, int* out_flags) {
  auto* real_vfs = static_cast<sqlite3_vfs*>(vfs->pAppData);
  auto* real = reinterpret_cast<sqlite3_file*>(reinterpret_cast<char*>(pf) + sizeof(File));
  pf->pMethods = nullptr;
  int rc = real_vfs->xOpen(real_vfs, name, real, flags, out_flags);
  if (rc != SQLITE_OK) return rc;
  // The default VFS's files implement every method of version 3; ours forward to them.
  if (!real->pMethods || real->pMethods->iVersion < 3) {
    if (real->pMethods) real->pMethods->xClose(real);
    return SQLITE_CANTOPEN;
  }
  new (pf) File{{&kMethods}, real, (flags & SQLITE_OPEN_WAL) != 0, {}};
  return SQLITE_OK;
}

}  // namespace

void register_wal_write_buffer_vfs(sqlite3_vfs& vfs, const char* name, sqlite3_vfs* real) {
  if (!real) throw std::runtime_error("sqlite: no VFS to wrap");
  vfs = *real;
  vfs.zName = name;
  vfs.szOsFile = static_cast<int>(sizeof(File)) + real->szOsFile;
  vfs.pAppData = real;
  vfs.xOpen = x_open;
  vfs.pNext = nullptr;
  if (sqlite3_vfs_register(&vfs, 0) != SQLITE_OK)
    throw std::runtime_error(std::string("sqlite: cannot register VFS ") + name);
}

const char* wal_write_buffer_vfs() {
  // SQLite's VFS registry is per process by design: one object, filled once, never changed.
  static sqlite3_vfs vfs;
  static std::once_flag once;
  std::call_once(once, [] {
    register_wal_write_buffer_vfs(vfs, "parley-wal-gather", sqlite3_vfs_find(nullptr));
  });
  return vfs.zName;
}

}  // namespace parley::store::sqlite
