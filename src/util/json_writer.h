// Small helpers for writing JSON text straight into a std::string, with boost::json's output
// format (escaping, numbers), for the hot responses written without a boost::json tree
// (model/post_writer.h, model/user_writer.h).
#pragma once

#include <boost/json/value.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace parley::json {

// `s` as a JSON string literal, escaped as boost::json escapes it.
void append_string(std::string& out, std::string_view s);
void append_int(std::string& out, int64_t v);
inline void append_bool(std::string& out, bool v) {
  out += v ? "true" : "false";
}
void append_value(std::string& out, const boost::json::value& v);
// `,"key":` (`"key":` when first); keys are literals that need no escaping.
inline void append_key(std::string& out, std::string_view k, bool first = false) {
  if (!first) out += ',';
  out += '"';
  out += k;
  out += "\":";
}

// `[` each(item) for every item, separated by commas, `]`.
template <class T, class Each>
void append_array(std::string& out, const std::vector<T>& items, Each each) {
  out += '[';
  bool first = true;
  for (const auto& item : items) {
    if (!first) out += ',';
    first = false;
    each(item);
  }
  out += ']';
}

inline void append_string_field(std::string& out, std::string_view k, std::string_view v) {
  append_key(out, k);
  append_string(out, v);
}
inline void append_int_field(std::string& out, std::string_view k, int64_t v) {
  append_key(out, k);
  append_int(out, v);
}

}  // namespace parley::json
