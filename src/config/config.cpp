// Loading the config: completing a config tree with defaults (deep merge that
// keeps unknown keys), checking value types, reading the typed sections, and
// load(), which ties file, defaults and environment overrides together.
#include "config/config.h"

#include <algorithm>
#include <type_traits>

#include <fmt/format.h>

#include "config/detail.h"
#include "config/typed_fields.h"

namespace parley::config {

namespace json = boost::json;
namespace fs = std::filesystem;

namespace {

bool read_as(const json::value& v, std::string& out) {
  if (!v.is_string()) return false;
  out = std::string(v.get_string());
  return true;
}

bool read_as(const json::value& v, bool& out) {
  if (!v.is_bool()) return false;
  out = v.get_bool();
  return true;
}

bool read_as(const json::value& v, int64_t& out) {
  if (v.is_int64()) {
    out = v.get_int64();
  } else if (v.is_uint64()) {
    out = v.get_uint64() > static_cast<uint64_t>(INT64_MAX) ? INT64_MAX
                                                            : static_cast<int64_t>(v.get_uint64());
  } else if (v.is_double() &&
             v.get_double() == static_cast<double>(static_cast<int64_t>(v.get_double()))) {
    out = static_cast<int64_t>(v.get_double());
  } else {
    return false;
  }
  return true;
}

bool read_as(const json::value& v, StringList& out) {
  if (!v.is_array()) return false;
  out.clear();
  for (const auto& item : v.get_array()) {
    if (item.is_string()) out.emplace_back(item.get_string());
  }
  return true;
}

// Reads `value`, falling back to the default when it is missing or mistyped.
template <class T>
void assign(T& out, const json::value* value, const json::value* default_value) {
  if (value != nullptr && read_as(*value, out)) return;
  if (default_value != nullptr) read_as(*default_value, out);
}

const json::object* section_of(const json::object& tree, std::string_view name) {
  const json::value* v = tree.if_contains(name);
  return v != nullptr && v->is_object() ? &v->get_object() : nullptr;
}

const json::value* key_of(const json::object* section, std::string_view key) {
  return section != nullptr ? section->if_contains(key) : nullptr;
}

const char* kind_name(const json::value& v) {
  switch (v.kind()) {
    case json::kind::bool_:
      return "true or false";
    case json::kind::int64:
    case json::kind::uint64:
      return "an integer";
    case json::kind::double_:
      return "a number";
    case json::kind::string:
      return "a string";
    case json::kind::array:
      return "a list";
    case json::kind::object:
      return "an object";
    case json::kind::null:
      break;
  }
  return "null";
}

bool same_kind(const json::value& default_value, const json::value& v) {
  switch (default_value.kind()) {
    case json::kind::bool_:
      return v.is_bool();
    case json::kind::int64:
    case json::kind::uint64:
      return v.is_int64() || v.is_uint64();
    case json::kind::double_:
      return v.is_number();
    case json::kind::string:
      return v.is_string();
    case json::kind::array:
      return v.is_array();
    case json::kind::object:
      return v.is_object() || detail::is_free_form(default_value);
    case json::kind::null:
      break;
  }
  return true;
}

Status check_node(const json::object& tree, const json::object& defaults,
                  const std::string& prefix) {
  for (const auto& kv : defaults) {
    const json::value* v = tree.if_contains(kv.key());
    if (v == nullptr || v->is_null()) continue;
    std::string key(kv.key());
    std::string path = prefix.empty() ? key : prefix + "." + key;
    if (!same_kind(kv.value(), *v)) {
      return AppError::make("config.file.invalid_type.app_error",
                            fmt::format("The config setting {} must be {}, not {}.", path,
                                        kind_name(kv.value()), kind_name(*v)),
                            500, {}, "config.check_types");
    }
    if (kv.value().is_object() && !detail::is_free_form(kv.value())) {
      if (auto status = check_node(v->get_object(), kv.value().get_object(), path); !status) {
        return status;
      }
    }
  }
  return {};
}

// Whether the default `d` has the JSON type the typed field `T S::*` reads.
template <class T, class S>
bool default_fits(T S::*, const json::value& d) {
  if constexpr (std::is_same_v<T, std::string>) return d.is_string();
  if constexpr (std::is_same_v<T, bool>) return d.is_bool();
  if constexpr (std::is_same_v<T, int64_t>) return d.is_int64();
  if constexpr (std::is_same_v<T, StringList>) return d.is_array();
  return false;
}

}  // namespace

bool merge_defaults(json::object& target, const json::object& defaults) {
  bool added = false;
  json::object merged;
  merged.reserve(std::max(target.size(), defaults.size()));
  for (const auto& kv : defaults) {
    auto it = target.find(kv.key());
    if (it == target.end()) {
      // Like Go's encoding/json, accept a key written in another case; it is
      // stored under the canonical name.
      std::string upper = detail::to_upper(kv.key());
      it = std::find_if(target.begin(), target.end(), [&](const json::key_value_pair& t) {
        return !defaults.contains(t.key()) && detail::to_upper(t.key()) == upper;
      });
      if (it != target.end()) added = true;
    }
    if (it == target.end() || it->value().is_null()) {
      merged.emplace(kv.key(), kv.value());
      added = true;
      if (it != target.end()) it->value() = json::value();  // consumed
      continue;
    }
    json::value value = std::move(it->value());
    it->value() = json::value();  // consumed (a moved-from value is null too)
    if (kv.value().is_object() && !detail::is_free_form(kv.value()) && value.is_object()) {
      added = merge_defaults(value.get_object(), kv.value().get_object()) || added;
    }
    merged.emplace(kv.key(), std::move(value));
  }
  for (auto& kv : target) {
    if (defaults.contains(kv.key())) continue;
    std::string upper = detail::to_upper(kv.key());
    bool renamed = std::any_of(defaults.begin(), defaults.end(),
                               [&](const auto& d) { return detail::to_upper(d.key()) == upper; });
    if (!renamed) merged.emplace(kv.key(), std::move(kv.value()));
  }
  target = std::move(merged);
  return added;
}

Status check_types(const json::object& tree) {
  return check_node(tree, default_tree(), "");
}

Config from_tree(json::object tree) {
  const json::object defaults = default_tree();
  merge_defaults(tree, defaults);
  Config cfg;
  detail::for_each_section([&](std::string_view name, auto Config::*target, auto fields) {
    auto& section = cfg.*target;
    const json::object* tree_section = section_of(tree, name);
    const json::object* default_section = section_of(defaults, name);
    for (const auto& field : fields) {
      const json::value* value = key_of(tree_section, field.key);
      const json::value* default_value = key_of(default_section, field.key);
      std::visit([&](auto member) { assign(section.*member, value, default_value); }, field.member);
    }
  });
  cfg.tree = std::move(tree);
  return cfg;
}

std::vector<std::string> check_typed_fields() {
  std::vector<std::string> problems;
  const json::object defaults = default_tree();
  detail::for_each_section([&](std::string_view name, auto /*target*/, auto fields) {
    const json::object* section = section_of(defaults, name);
    for (const auto& field : fields) {
      std::string path = fmt::format("{}.{}", name, field.key);
      const json::value* d = key_of(section, field.key);
      if (d == nullptr) {
        problems.push_back(path + " (no default)");
        continue;
      }
      if (!std::visit([&](auto member) { return default_fits(member, *d); }, field.member)) {
        problems.push_back(path + " (default has another type)");
      }
    }
  });
  return problems;
}

Result<LoadedConfig> load(const fs::path& file, const Environment& env) {
  const json::object defaults = default_tree();
  json::object stored;
  std::error_code ec;
  bool exists = fs::exists(file, ec);
  if (ec) {
    return AppError::make("config.file.read.app_error",
                          fmt::format("Unable to read the config file {}.", file.string()), 500,
                          ec.message(), "config.load");
  }
  if (!exists) {
    stored = defaults;
    if (auto status = save(file, stored); !status) return status.error();
  } else {
    auto read = detail::read_file(file);
    if (!read) return std::move(read).error();
    stored = std::move(read).value();
    bool added = merge_defaults(stored, defaults);
    if (auto status = check_types(stored); !status) {
      AppError error = status.error();
      error.message = fmt::format("{}: {}", file.string(), error.message);
      return error;
    }
    if (added) {
      if (auto status = save(file, stored); !status) return status.error();
    }
  }
  json::object effective = stored;
  json::object overrides = apply_environment(effective, env);
  return LoadedConfig{std::make_shared<const Config>(from_tree(std::move(effective))),
                      std::move(overrides)};
}

}  // namespace parley::config
