// SQLite implementation of store::StatusStore.
#pragma once

#include "store/sqlite/db.h"
#include "store/status_store.h"

namespace parley::store::sqlite {

class SqliteStatusStore final : public StatusStore {
 public:
  explicit SqliteStatusStore(Db& db) : db_(db) {}
  std::optional<model::Status> get(std::string_view user_id) override;
  std::vector<model::Status> get_many(const std::vector<std::string>& user_ids) override;
  void save(const model::Status& s) override;
  void update_last_activity(std::string_view user_id, int64_t at) override;
  std::vector<model::Status> not_offline() override;
  void reset_all() override;
  std::vector<model::Status> expire_dnd(int64_t now_seconds) override;

 private:
  Db& db_;
};

}  // namespace parley::store::sqlite
