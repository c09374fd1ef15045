// Exception-free field access on boost::json values.
#include "util/json.h"

namespace parley::json {

std::optional<bj::value> parse(std::string_view text) {
  boost::system::error_code ec;
  bj::value v = bj::parse(text, ec);
  if (ec) return std::nullopt;
  return v;
}

std::string get_string(const bj::object& o, std::string_view key, std::string fallback) {
  auto it = o.find(key);
  if (it == o.end() || !it->value().is_string()) return fallback;
  return std::string(it->value().get_string());
}

int64_t get_int(const bj::object& o, std::string_view key, int64_t fallback) {
  auto r = opt_int(o, key);
  return r ? *r : fallback;
}

bool get_bool(const bj::object& o, std::string_view key, bool fallback) {
  auto it = o.find(key);
  if (it == o.end() || !it->value().is_bool()) return fallback;
  return it->value().get_bool();
}

std::optional<std::string> opt_string(const bj::object& o, std::string_view key, bool* wrong) {
  auto it = o.find(key);
  if (it == o.end() || it->value().is_null()) return std::nullopt;
  if (!it->value().is_string()) {
    if (wrong) *wrong = true;
    return std::nullopt;
  }
  return std::string(it->value().get_string());
}

std::optional<int64_t> opt_int(const bj::object& o, std::string_view key, bool* wrong) {
  auto it = o.find(key);
  if (it == o.end() || it->value().is_null()) return std::nullopt;
  const auto& v = it->value();
  if (v.is_int64()) return v.get_int64();
  if (v.is_uint64()) return static_cast<int64_t>(v.get_uint64());
  if (v.is_double()) {
    double d = v.get_double();
    if (d == static_cast<double>(static_cast<int64_t>(d))) return static_cast<int64_t>(d);
  }
  if (wrong) *wrong = true;
  return std::nullopt;
}

std::optional<bool> opt_bool(const bj::object& o, std::string_view key, bool* wrong) {
  auto it = o.find(key);
  if (it == o.end() || it->value().is_null()) return std::nullopt;
  if (!it->value().is_bool()) {
    if (wrong) *wrong = true;
    return std::nullopt;
  }
  return it->value().get_bool();
}

std::optional<std::vector<std::string>> string_array(const bj::value& v) {
  if (!v.is_array()) return std::nullopt;
  std::vector<std::string> out;
  out.reserve(v.get_array().size());
  for (const auto& e : v.get_array()) {
    if (!e.is_string()) return std::nullopt;
    out.emplace_back(e.get_string());
  }
  return out;
}

bj::object string_map(const bj::object& o) {
  bj::object out;
  for (const auto& kv : o) {
    if (kv.value().is_string())
      out[kv.key()] = kv.value();
    else
      out[kv.key()] = bj::serialize(kv.value());
  }
  return out;
}

std::string serialize(const bj::value& v) {
  return bj::serialize(v);
}

}  // namespace parley::json
