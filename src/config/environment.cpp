// Environment overrides with Mattermost's rules: MM_<SECTION>_<KEY>=value,
// each "_"-separated part one level deeper, names matched case-insensitively,
// the value parsed by the type of the default at that path (Go ParseBool /
// ParseInt rules); values that do not parse are ignored. Also reads environ.
#include <unistd.h>

#include <cctype>
#include <charconv>
#include <optional>
#include <vector>

#include "config/config.h"
#include "config/detail.h"

namespace parley::config {

namespace json = boost::json;

namespace {

// strconv.ParseBool
std::optional<bool> parse_bool(std::string_view s) {
  if (s == "1" || s == "t" || s == "T" || s == "TRUE" || s == "true" || s == "True") return true;
  if (s == "0" || s == "f" || s == "F" || s == "FALSE" || s == "false" || s == "False") {
    return false;
  }
  return std::nullopt;
}

// strconv.ParseInt(s, 10, 64): optional sign, decimal digits, in range.
std::optional<int64_t> parse_int(std::string_view s) {
  bool negative = false;
  if (!s.empty() && (s.front() == '+' || s.front() == '-')) {
    negative = s.front() == '-';
    s.remove_prefix(1);
  }
  if (s.empty()) return std::nullopt;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  uint64_t magnitude = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), magnitude);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  constexpr uint64_t kMax = static_cast<uint64_t>(INT64_MAX);
  if (negative) {
    if (magnitude > kMax + 1) return std::nullopt;
    return magnitude == kMax + 1 ? INT64_MIN : -static_cast<int64_t>(magnitude);
  }
  if (magnitude > kMax) return std::nullopt;
  return static_cast<int64_t>(magnitude);
}

// Arrays are space separated, like Mattermost; empty pieces are dropped.
json::array split_spaces(std::string_view s) {
  json::array out;
  while (!s.empty()) {
    size_t pos = s.find(' ');
    std::string_view piece = s.substr(0, pos);
    if (!piece.empty()) out.emplace_back(piece);
    if (pos == std::string_view::npos) break;
    s.remove_prefix(pos + 1);
  }
  return out;
}

std::optional<json::value> parse_value(const json::value& default_value, const std::string& raw) {
  switch (default_value.kind()) {
    case json::kind::bool_:
      if (auto b = parse_bool(raw)) return json::value(*b);
      return std::nullopt;
    case json::kind::int64:
    case json::kind::uint64:
      if (auto i = parse_int(raw)) return json::value(*i);
      return std::nullopt;
    case json::kind::double_: {
      double d = 0;
      auto [end, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), d);
      if (ec != std::errc() || end != raw.data() + raw.size()) return std::nullopt;
      return json::value(d);
    }
    case json::kind::string:
      return json::value(raw);
    case json::kind::array:
      return json::value(split_spaces(raw));
    case json::kind::object: {
      // Only free-form objects (maps, raw JSON) take a JSON value.
      if (!detail::is_free_form(default_value)) return std::nullopt;
      json::error_code ec;
      json::value parsed = json::parse(raw, ec);
      if (ec || !parsed.is_object()) return std::nullopt;
      return parsed;
    }
    case json::kind::null:
      break;
  }
  return std::nullopt;
}

// The key of `obj` whose upper-case form is `upper`, or nullptr.
const json::key_value_pair* find_upper(const json::object& obj, std::string_view upper) {
  for (const auto& kv : obj) {
    if (detail::to_upper(kv.key()) == upper) return &kv;
  }
  return nullptr;
}

std::vector<std::string_view> split_parts(std::string_view s) {
  std::vector<std::string_view> parts;
  while (true) {
    size_t pos = s.find('_');
    parts.push_back(s.substr(0, pos));
    if (pos == std::string_view::npos) break;
    s.remove_prefix(pos + 1);
  }
  return parts;
}

// Sets `value` at `path` in `root`, creating objects on the way.
void set_path(json::object& root, const std::vector<std::string>& path, json::value value) {
  json::object* node = &root;
  for (size_t i = 0; i + 1 < path.size(); ++i) {
    json::value& child = (*node)[path[i]];
    if (!child.is_object()) child = json::object();
    node = &child.get_object();
  }
  (*node)[path.back()] = std::move(value);
}

}  // namespace

namespace detail {

std::string to_upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace detail

json::object apply_environment(json::object& tree, const Environment& env) {
  const json::object defaults = default_tree();
  json::object overrides;
  for (const auto& [name, raw] : env) {
    std::string key = detail::to_upper(name);
    if (!key.starts_with("MM_")) continue;
    std::vector<std::string_view> parts = split_parts(std::string_view(key).substr(3));

    // Walk the defaults to find the canonical path and the expected type.
    const json::object* node = &defaults;
    const json::value* default_value = nullptr;
    std::vector<std::string> path;
    for (size_t i = 0; i < parts.size(); ++i) {
      const json::key_value_pair* kv = find_upper(*node, parts[i]);
      if (kv == nullptr) break;
      path.emplace_back(kv->key());
      if (i + 1 == parts.size()) {
        default_value = &kv->value();
        break;
      }
      if (!kv->value().is_object() || detail::is_free_form(kv->value())) break;
      node = &kv->value().get_object();
    }
    if (default_value == nullptr) continue;  // not a config path (e.g. MM_CONFIG)

    std::optional<json::value> value = parse_value(*default_value, raw);
    if (!value) continue;
    set_path(tree, path, std::move(*value));
    set_path(overrides, path, true);
  }
  return overrides;
}

Environment environment() {
  Environment env;
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    std::string_view item(*entry);
    size_t eq = item.find('=');
    if (eq == std::string_view::npos) continue;
    env.emplace_back(std::string(item.substr(0, eq)), std::string(item.substr(eq + 1)));
  }
  return env;
}

}  // namespace parley::config
