// Mattermost ids numbered per event loop. Every user of a loop sees the same posts' authors and
// channels: numbering each id once lets a user keep what it knows as small numbers (a bit per
// known author, a small map per channel) instead of a copy of every id, and lets an event's ids
// be looked up once for all the users it reaches.
#pragma once

#include <boost/unordered/unordered_flat_map.hpp>

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace loadgen {

// A Mattermost id (26 characters) held inline.
using IdKey = std::array<char, 26>;
std::optional<IdKey> id_key(std::string_view id);  // nullopt unless it has 26 characters
inline std::string to_string(const IdKey& k) {
  return std::string(k.data(), k.size());
}
struct IdKeyHash {
  size_t operator()(const IdKey& k) const noexcept {
    return std::hash<std::string_view>()(std::string_view(k.data(), k.size()));
  }
};

// Used by one thread only; numbers are dense from 0 and never reused.
class IdTable {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;
  uint32_t number(std::string_view id);  // kNone unless `id` is a Mattermost id
  std::string id(uint32_t number) const { return to_string(ids_.at(number)); }
  size_t size() const { return ids_.size(); }

 private:
  boost::unordered_flat_map<IdKey, uint32_t, IdKeyHash> numbers_;
  std::vector<IdKey> ids_;
};

}  // namespace loadgen
