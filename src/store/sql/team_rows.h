// Teams and TeamMembers columns and row mapping shared by the SQLite and PostgreSQL team stores.
#pragma once

#include "model/team.h"

#include <string_view>

namespace parley::store::sql {

inline constexpr std::string_view kTeamColumns =
    "Teams.Id, Teams.CreateAt, Teams.UpdateAt, Teams.DeleteAt, Teams.DisplayName, Teams.Name, "
    "Teams.Description, Teams.Email, Teams.Type, Teams.CompanyName, Teams.AllowedDomains, "
    "Teams.InviteId, Teams.AllowOpenInvite, Teams.LastTeamIconUpdate, Teams.SchemeId, "
    "Teams.GroupConstrained";
inline constexpr std::string_view kTeamMemberColumns =
    "TeamMembers.TeamId, TeamMembers.UserId, TeamMembers.Roles, TeamMembers.DeleteAt, "
    "TeamMembers.SchemeUser, TeamMembers.SchemeAdmin, TeamMembers.SchemeGuest, "
    "TeamMembers.CreateAt";

template <class Row>
model::Team read_team(const Row& s) {
  model::Team t;
  int i = 0;
  t.id = s.text(i++);
  t.create_at = s.int64(i++);
  t.update_at = s.int64(i++);
  t.delete_at = s.int64(i++);
  t.display_name = s.text(i++);
  t.name = s.text(i++);
  t.description = s.text(i++);
  t.email = s.text(i++);
  t.type = s.text(i++);
  t.company_name = s.text(i++);
  t.allowed_domains = s.text(i++);
  t.invite_id = s.text(i++);
  t.allow_open_invite = s.boolean(i++);
  t.last_team_icon_update = s.int64(i++);
  t.scheme_id = s.text(i++);
  t.group_constrained = s.boolean(i++);
  return t;
}

template <class Row>
model::TeamMember read_team_member(const Row& s) {
  model::TeamMember m;
  m.team_id = s.text(0);
  m.user_id = s.text(1);
  m.explicit_roles = s.text(2);
  m.delete_at = s.int64(3);
  m.scheme_user = s.boolean(4);
  m.scheme_admin = s.boolean(5);
  m.scheme_guest = s.boolean(6);
  m.create_at = s.int64(7);
  return m;
}

}  // namespace parley::store::sql
