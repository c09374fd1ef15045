// Persistence of user preferences (the Preferences table).
#pragma once

#include "model/preference.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parley::store {

class PreferenceStore {
 public:
  virtual ~PreferenceStore() = default;
  // Inserts or replaces each (user_id, category, name), all in one transaction.
  virtual void save(const std::vector<model::Preference>& prefs) = 0;
  // Ordered by category, then name.
  virtual std::vector<model::Preference> get_all(std::string_view user_id) = 0;
  virtual std::vector<model::Preference> get_category(std::string_view user_id,
                                                      std::string_view category) = 0;
  virtual std::optional<model::Preference> get(std::string_view user_id, std::string_view category,
                                               std::string_view name) = 0;
  // The preference (category, name) of each of `user_ids` that has one.
  virtual std::vector<model::Preference> get_for_users(const std::vector<std::string>& user_ids,
                                                       std::string_view category,
                                                       std::string_view name) = 0;
  virtual void remove(std::string_view user_id, std::string_view category,
                      std::string_view name) = 0;
  // Every user's preference of this category and name (a deleted post's flags).
  virtual void remove_for_all_users(std::string_view category, std::string_view name) = 0;
};

}  // namespace parley::store
