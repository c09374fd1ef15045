// Persistence of teams and team memberships.
#pragma once

#include "model/team.h"

#include <optional>
#include <string_view>
#include <vector>

namespace parley::store {

class TeamStore {
 public:
  virtual ~TeamStore() = default;
  virtual std::optional<model::Team> get(std::string_view id) = 0;
  virtual std::optional<model::TeamMember> get_member(std::string_view team_id,
                                                      std::string_view user_id) = 0;
  // Ids of active (not deleted) members.
  virtual std::vector<std::string> member_user_ids(std::string_view team_id) = 0;
};

}  // namespace parley::store
