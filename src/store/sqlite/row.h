// Reading and writing JSON-typed TEXT columns.
#pragma once

#include "store/sql/json_columns.h"
#include "store/sqlite/db.h"

#include <boost/json.hpp>

#include <string>
#include <variant>
#include <vector>

namespace parley::store::sqlite {

using sql::like_prefix;
using sql::object_column;
using sql::to_text;

// "?, ?, ?" for n placeholders.
inline std::string placeholders(std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += i ? ", ?" : "?";
  return s;
}

// Dynamic argument lists for queries whose WHERE clause is assembled at run time.
using Arg = std::variant<std::string, int64_t>;

inline int bind_args(Stmt& s, const std::vector<Arg>& args, int first = 1) {
  int i = first;
  for (const auto& a : args) std::visit([&](const auto& v) { s.bind(i++, v); }, a);
  return i;
}

}  // namespace parley::store::sqlite
