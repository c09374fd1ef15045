// Reading and writing JSON-typed TEXT columns.
#pragma once

#include "store/sqlite/db.h"

#include <boost/json.hpp>

#include <string>
#include <variant>
#include <vector>

namespace parley::store::sqlite {

inline boost::json::object object_column(const Stmt& s, int col) {
  boost::system::error_code ec;
  auto v = boost::json::parse(s.text(col), ec);
  if (ec || !v.is_object()) return {};
  return std::move(v.get_object());
}

inline std::string to_text(const boost::json::object& o) {
  return boost::json::serialize(o);
}

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

// Escapes LIKE wildcards and appends '%' for a prefix match (use with ESCAPE '\\').
inline std::string like_prefix(std::string_view term) {
  std::string like;
  for (char ch : term) {
    if (ch == '%' || ch == '_' || ch == '\\') like += '\\';
    like += ch;
  }
  like += '%';
  return like;
}

}  // namespace parley::store::sqlite
