// The SQLite-backed store::Store: owns the database and one object per aggregate.
#pragma once

#include "store/store.h"

#include <memory>
#include <string>

namespace parley::store::sqlite {

// Opens (creating if needed) the database at `path` and applies migrations.
std::unique_ptr<Store> open_store(const std::string& path, int readers);

}  // namespace parley::store::sqlite
