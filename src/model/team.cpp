// Team JSON encoding and member role computation.
#include "model/team.h"

namespace parley::model {

std::string TeamMember::roles() const {
  std::string r;
  auto add = [&](std::string_view s) {
    if (!r.empty()) r += ' ';
    r += s;
  };
  if (scheme_guest) add("team_guest");
  if (scheme_user) add("team_user");
  if (scheme_admin) add("team_admin");
  if (!explicit_roles.empty()) add(explicit_roles);
  return r;
}

boost::json::object to_json(const Team& t, bool sanitize) {
  return {{"id", t.id},
          {"create_at", t.create_at},
          {"update_at", t.update_at},
          {"delete_at", t.delete_at},
          {"display_name", t.display_name},
          {"name", t.name},
          {"description", t.description},
          {"email", sanitize ? "" : t.email},
          {"type", t.type},
          {"company_name", t.company_name},
          {"allowed_domains", t.allowed_domains},
          {"invite_id", sanitize ? "" : t.invite_id},
          {"allow_open_invite", t.allow_open_invite},
          {"last_team_icon_update", t.last_team_icon_update},
          {"scheme_id",
           t.scheme_id.empty() ? boost::json::value(nullptr) : boost::json::value(t.scheme_id)},
          {"group_constrained", t.group_constrained},
          {"policy_id", nullptr},
          {"cloud_limits_archived", false}};
}

boost::json::object to_json(const TeamMember& m) {
  return {{"team_id", m.team_id},
          {"user_id", m.user_id},
          {"roles", m.roles()},
          {"delete_at", m.delete_at},
          {"scheme_guest", m.scheme_guest},
          {"scheme_user", m.scheme_user},
          {"scheme_admin", m.scheme_admin},
          {"explicit_roles", m.explicit_roles},
          {"create_at", m.create_at}};
}

}  // namespace parley::model
