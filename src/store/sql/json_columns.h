// Backend-neutral helpers for JSON-typed TEXT columns and id lists, shared by the SQLite and
// PostgreSQL stores. Row types need text(col), int64(col), boolean(col), is_null(col).
#pragma once

#include <boost/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace parley::store::sql {

inline boost::json::object parse_object(const std::string& text) {
  boost::system::error_code ec;
  auto v = boost::json::parse(text, ec);
  if (ec || !v.is_object()) return {};
  return std::move(v.get_object());
}

template <class Row>
boost::json::object object_column(const Row& s, int col) {
  return parse_object(s.text(col));
}

inline std::string to_text(const boost::json::object& o) {
  return boost::json::serialize(o);
}

// A JSON array of strings, as stored in Posts.FileIds.
inline std::string json_string_list(const std::vector<std::string>& ids) {
  return boost::json::serialize(boost::json::array(ids.begin(), ids.end()));
}

inline std::vector<std::string> parse_string_list(const std::string& text) {
  std::vector<std::string> out;
  boost::system::error_code ec;
  auto v = boost::json::parse(text, ec);
  if (ec || !v.is_array()) return out;
  for (const auto& e : v.get_array())
    if (e.is_string()) out.emplace_back(e.get_string());
  return out;
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

}  // namespace parley::store::sql
