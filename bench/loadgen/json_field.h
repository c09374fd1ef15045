// Reading a string field from a JSON value that may be anything (server answers and events).
#pragma once

#include <boost/json/value.hpp>

#include <string>
#include <string_view>

namespace loadgen {

// The string at `key` of an object, or "" when absent, not a string, or `v` is no object.
inline std::string str(const boost::json::value& v, std::string_view key) {
  if (!v.is_object()) return {};
  auto* f = v.as_object().if_contains(key);
  return f && f->is_string() ? std::string(f->as_string()) : std::string();
}

}  // namespace loadgen
