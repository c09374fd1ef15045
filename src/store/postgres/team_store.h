// PostgreSQL implementation of store::TeamStore.
#pragma once

#include "store/postgres/db.h"
#include "store/team_store.h"

namespace parley::store::postgres {

class PgTeamStore final : public TeamStore {
 public:
  explicit PgTeamStore(Db& db) : db_(db) {}
  void insert(const model::Team& t) override;
  void update(const model::Team& t) override;
  std::optional<model::Team> get(std::string_view id) override;
  std::optional<model::Team> get_by_name(std::string_view name) override;
  std::optional<model::Team> get_by_invite_id(std::string_view invite_id) override;
  std::vector<model::Team> list(const TeamListQuery& q) override;
  int64_t count(std::optional<bool> allow_open_invite) override;
  std::vector<model::Team> teams_for_user(std::string_view user_id) override;
  std::vector<std::string> common_team_ids(std::string_view a, std::string_view b) override;

  std::optional<model::TeamMember> get_member(std::string_view team_id,
                                              std::string_view user_id) override;
  void save_member(const model::TeamMember& m) override;
  std::vector<model::TeamMember> members(std::string_view team_id,
                                         const TeamMemberQuery& q) override;
  std::vector<model::TeamMember> members_by_ids(std::string_view team_id,
                                                const std::vector<std::string>& ids) override;
  std::vector<model::TeamMember> members_for_user(std::string_view user_id,
                                                  bool include_deleted) override;
  int64_t member_count(std::string_view team_id, bool active_users_only) override;
  std::vector<std::string> member_user_ids(std::string_view team_id) override;
  void permanent_delete(std::string_view team_id) override;

 private:
  std::optional<model::Team> get_where(std::string_view column, std::string_view value);
  Db& db_;
};

}  // namespace parley::store::postgres
