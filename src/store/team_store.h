// Persistence of teams and team memberships.
#pragma once

#include "model/team.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parley::store {

struct TeamListQuery {
  std::optional<bool> allow_open_invite;  // nullopt: every team
  int offset = 0;
  int limit = 60;
};

struct TeamMemberQuery {
  bool sort_by_username = false;  // default order is by user id
  bool exclude_deleted_users = false;
  int offset = 0;
  int limit = 60;
};

class TeamStore {
 public:
  virtual ~TeamStore() = default;
  // Throws StoreError (constraint) when the name is taken.
  virtual void insert(const model::Team& t) = 0;
  // Every column but id and create_at; throws StoreError (constraint) when the name is taken.
  virtual void update(const model::Team& t) = 0;
  virtual std::optional<model::Team> get(std::string_view id) = 0;
  virtual std::optional<model::Team> get_by_name(std::string_view name) = 0;
  virtual std::optional<model::Team> get_by_invite_id(std::string_view invite_id) = 0;
  // Teams ordered by display name, archived ones included (as Mattermost's GetAllPage).
  virtual std::vector<model::Team> list(const TeamListQuery& q) = 0;
  // Teams not archived, optionally only those with that allow_open_invite.
  virtual int64_t count(std::optional<bool> allow_open_invite) = 0;
  // Teams the user is an active member of, archived teams left out.
  virtual std::vector<model::Team> teams_for_user(std::string_view user_id) = 0;
  // Ids of teams both users are active members of.
  virtual std::vector<std::string> common_team_ids(std::string_view a, std::string_view b) = 0;

  virtual std::optional<model::TeamMember> get_member(std::string_view team_id,
                                                      std::string_view user_id) = 0;
  // Inserts or replaces the membership row.
  virtual void save_member(const model::TeamMember& m) = 0;
  // Active memberships of a team.
  virtual std::vector<model::TeamMember> members(std::string_view team_id,
                                                 const TeamMemberQuery& q) = 0;
  virtual std::vector<model::TeamMember> members_by_ids(std::string_view team_id,
                                                        const std::vector<std::string>& ids) = 0;
  // Every membership of a user, left teams (delete_at != 0) included when asked.
  virtual std::vector<model::TeamMember> members_for_user(std::string_view user_id,
                                                          bool include_deleted) = 0;
  // Active memberships; `active_users_only` leaves deactivated users out.
  virtual int64_t member_count(std::string_view team_id, bool active_users_only) = 0;
  // Ids of active (not deleted) members.
  virtual std::vector<std::string> member_user_ids(std::string_view team_id) = 0;
  // Removes a team with its members, channels (and everything in them) and sidebar categories.
  virtual void permanent_delete(std::string_view team_id) = 0;
};

}  // namespace parley::store
