// SQLite implementation of store::PreferenceStore.
#pragma once

#include "store/preference_store.h"
#include "store/sqlite/db.h"

namespace parley::store::sqlite {

class SqlitePreferenceStore final : public PreferenceStore {
 public:
  explicit SqlitePreferenceStore(Db& db) : db_(db) {}
  void save(const std::vector<model::Preference>& prefs) override;
  std::vector<model::Preference> get_all(std::string_view user_id) override;
  std::vector<model::Preference> get_category(std::string_view user_id,
                                              std::string_view category) override;
  std::optional<model::Preference> get(std::string_view user_id, std::string_view category,
                                       std::string_view name) override;
  std::vector<model::Preference> get_for_users(const std::vector<std::string>& user_ids,
                                               std::string_view category,
                                               std::string_view name) override;
  void remove(std::string_view user_id, std::string_view category, std::string_view name) override;
  void remove_for_all_users(std::string_view category, std::string_view name) override;

 private:
  Db& db_;
};

}  // namespace parley::store::sqlite
