// IdTable: an id's number is its position in the order ids were first seen.
#include "id_table.h"

#include <algorithm>

namespace loadgen {

std::optional<IdKey> id_key(std::string_view id) {
  IdKey key;
  if (id.size() != key.size()) return std::nullopt;
  std::copy(id.begin(), id.end(), key.begin());
  return key;
}

uint32_t IdTable::number(std::string_view id) {
  auto key = id_key(id);
  if (!key) return kNone;
  auto [it, added] = numbers_.try_emplace(*key, static_cast<uint32_t>(ids_.size()));
  if (added) ids_.push_back(*key);
  return it->second;
}

}  // namespace loadgen
