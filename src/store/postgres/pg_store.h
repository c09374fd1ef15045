// The PostgreSQL-backed store::Store: owns the connection pool and one object per aggregate.
#pragma once

#include "store/postgres/db.h"
#include "store/store.h"

#include <memory>

namespace parley::store::postgres {

// Connects (failing fast when the database is unreachable) and applies migrations.
std::unique_ptr<Store> open_store(const DbOptions& options);

}  // namespace parley::store::postgres
