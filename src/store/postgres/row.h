// PostgreSQL query helpers: array parameters, run-time assembled WHERE clauses with $n.
#pragma once

#include "store/postgres/db.h"
#include "store/sql/json_columns.h"

#include <string>
#include <variant>
#include <vector>

namespace parley::store::postgres {

using sql::like_prefix;
using sql::object_column;
using sql::to_text;

// A text[] literal ('{"a","b"}') for "= ANY($n::text[])".
inline std::string text_array(const std::vector<std::string>& items) {
  std::string out = "{";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += ',';
    out += '"';
    for (char ch : items[i]) {
      if (ch == '"' || ch == '\\') out += '\\';
      out += ch;
    }
    out += '"';
  }
  out += '}';
  return out;
}

using Arg = std::variant<std::string, int64_t>;

// Collects arguments for a statement assembled at run time: add() returns "$n".
struct Args {
  std::vector<Arg> values;
  std::string add(Arg a) {
    values.push_back(std::move(a));
    return "$" + std::to_string(values.size());
  }
  void bind(Stmt& s) const {
    int i = 1;
    for (const auto& a : values) std::visit([&](const auto& v) { s.bind(i++, v); }, a);
  }
};

template <class T, class F>
std::vector<T> collect(Stmt& s, F&& read) {
  std::vector<T> out;
  while (s.step()) out.push_back(read(s));
  return out;
}

inline std::vector<std::string> strings(Stmt& s) {
  std::vector<std::string> out;
  while (s.step()) out.push_back(s.text(0));
  return out;
}

}  // namespace parley::store::postgres
