// Reading a string field from a JSON value that may be anything (server answers and events).
#pragma once

#include <boost/json/value.hpp>

#include <string>
#include <string_view>

namespace loadgen {

// The string at `key` of an object, or "" when absent, not a string, or `v` is no object; the
// view lives as long as `v`.
inline std::string_view str_view(const boost::json::value& v, std::string_view key) {
  if (!v.is_object()) return {};
  auto* f = v.as_object().if_contains(key);
  return f && f->is_string() ? std::string_view(f->as_string()) : std::string_view();
}

// The same, copied.
inline std::string str(const boost::json::value& v, std::string_view key) {
  return std::string(str_view(v, key));
}

}  // namespace loadgen
