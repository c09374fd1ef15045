// Key/value rows of the Systems table (installation date, diagnostic id, ...).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace parley::store {

class SystemStore {
 public:
  virtual ~SystemStore() = default;
  virtual std::optional<std::string> get(std::string_view name) = 0;
  virtual void set(std::string_view name, std::string_view value) = 0;
  // Inserts only when absent; returns the stored value.
  virtual std::string get_or_insert(std::string_view name, std::string_view value) = 0;
};

}  // namespace parley::store
