// Small helpers for reading fields out of boost::json values without exceptions.
#pragma once

#include <boost/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parley::json {

namespace bj = boost::json;

// Parses text; nullopt when it is not valid JSON.
std::optional<bj::value> parse(std::string_view text);

std::string get_string(const bj::object& o, std::string_view key, std::string fallback = {});
int64_t get_int(const bj::object& o, std::string_view key, int64_t fallback = 0);
bool get_bool(const bj::object& o, std::string_view key, bool fallback = false);
// Typed optional reads: nullopt when missing; std::nullopt also when the type is wrong
// and `wrong_type` is set to true, so callers can reject wrong-typed input.
std::optional<std::string> opt_string(const bj::object& o, std::string_view key,
                                      bool* wrong_type = nullptr);
std::optional<int64_t> opt_int(const bj::object& o, std::string_view key,
                               bool* wrong_type = nullptr);
std::optional<bool> opt_bool(const bj::object& o, std::string_view key, bool* wrong_type = nullptr);
// A JSON array of strings; nullopt if not an array of strings.
std::optional<std::vector<std::string>> string_array(const bj::value& v);
// String map (all values strings); non-string values are serialized.
bj::object string_map(const bj::object& o);

std::string serialize(const bj::value& v);

}  // namespace parley::json
