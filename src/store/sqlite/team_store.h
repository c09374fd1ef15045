// SQLite implementation of store::TeamStore.
#pragma once

#include "store/sqlite/db.h"
#include "store/team_store.h"

namespace parley::store::sqlite {

class SqliteTeamStore final : public TeamStore {
 public:
  explicit SqliteTeamStore(Db& db) : db_(db) {}
  std::optional<model::Team> get(std::string_view id) override;
  std::optional<model::TeamMember> get_member(std::string_view team_id,
                                              std::string_view user_id) override;
  std::vector<std::string> member_user_ids(std::string_view team_id) override;

 private:
  Db& db_;
};

}  // namespace parley::store::sqlite
