// The stores written once for both backends (the *_impl.h templates here) spell their queries
// with PostgreSQL's $n placeholders; q<kSqlite>() turns them into SQLite's ?n.
#pragma once

#include <algorithm>
#include <string>

namespace parley::store::sql {

template <bool kSqlite>
std::string q(std::string sql) {
  if constexpr (kSqlite) std::replace(sql.begin(), sql.end(), '$', '?');
  return sql;
}

}  // namespace parley::store::sql
