// A hash for std::string and std::string_view alike: unordered containers keyed by strings that
// declare it (with std::equal_to<>) can be searched with a view, allocating no key.
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>

namespace parley::util {

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept {
    return std::hash<std::string_view>{}(s);
  }
};

}  // namespace parley::util
