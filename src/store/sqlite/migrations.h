// Versioned schema migrations for the SQLite backend, recorded in SchemaMigrations.
#pragma once

#include "store/sqlite/db.h"

namespace parley::store::sqlite {

int latest_schema_version();
// Applies every pending migration, each in its own transaction. Throws DbError, or
// std::runtime_error when the database is newer than this binary knows.
void migrate(Db& db);

}  // namespace parley::store::sqlite
