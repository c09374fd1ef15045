// Versioned schema migrations for the PostgreSQL backend, recorded in SchemaMigrations.
#pragma once

#include "store/postgres/db.h"

namespace parley::store::postgres {

int latest_schema_version();
// Applies every pending migration in one transaction. Throws DbError, or std::runtime_error
// when the database is newer than this binary knows.
void migrate(Db& db);

}  // namespace parley::store::postgres
