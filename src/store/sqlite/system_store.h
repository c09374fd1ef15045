// SQLite implementation of store::SystemStore.
#pragma once

#include "store/sqlite/db.h"
#include "store/system_store.h"

namespace parley::store::sqlite {

class SqliteSystemStore final : public SystemStore {
 public:
  explicit SqliteSystemStore(Db& db) : db_(db) {}
  std::optional<std::string> get(std::string_view name) override;
  void set(std::string_view name, std::string_view value) override;
  std::string get_or_insert(std::string_view name, std::string_view value) override;

 private:
  Db& db_;
};

}  // namespace parley::store::sqlite
