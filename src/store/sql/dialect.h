// The stores written once for both backends (the *_impl.h templates here) spell their queries
// with PostgreSQL's $n placeholders; q<kSqlite>() turns them into SQLite's ?n.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>

namespace parley::store::sql {

template <bool kSqlite>
std::string q(std::string sql) {
  if constexpr (kSqlite) std::replace(sql.begin(), sql.end(), '$', '?');
  return sql;
}

// "$first, $first+1, ..." for n values of an IN list.
inline std::string placeholders(std::size_t n, std::size_t first = 1) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += (i ? ", $" : "$") + std::to_string(first + i);
  return out;
}

}  // namespace parley::store::sql
