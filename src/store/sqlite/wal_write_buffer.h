// A SQLite VFS that wraps the default one and gathers the frames a commit appends to the WAL
// into one write. SQLite writes each frame as two pwrite calls (its 24-byte header, then the
// page), so a commit of twelve pages cost twenty-four system calls on the writer, which every
// other write waits for. Frames appended one after the other are kept in memory and written
// together once the commit frame (the one carrying the database size) is complete, so a failure
// is returned to SQLite by the write that completes the commit, before the commit is published
// to readers. Anything else on the file (a read, a sync, a truncation, a write elsewhere, a lock,
// a size query, closing) writes the gathered frames first, so the file is always seen as SQLite
// wrote it. Other files pass straight through.
#pragma once

#include <sqlite3.h>

namespace parley::store::sqlite {

// The VFS's name for sqlite3_open_v2, wrapping the default VFS, registered on first use. SQLite
// keeps its VFS list per process; the registered object never changes afterwards.
const char* wal_write_buffer_vfs();

// Fills `vfs` as a gathering VFS named `name` over `real` and registers it (tests wrap a
// counting VFS this way). Both must outlive every connection opened with it.
void register_wal_write_buffer_vfs(sqlite3_vfs& vfs, const char* name, sqlite3_vfs* real);

}  // namespace parley::store::sqlite
