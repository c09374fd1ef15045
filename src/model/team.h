// Team and TeamMember with Mattermost's JSON.
#pragma once

#include <boost/json/object.hpp>

#include <cstdint>
#include <string>

namespace parley::model {

struct Team {
  std::string id;
  int64_t create_at = 0;
  int64_t update_at = 0;
  int64_t delete_at = 0;
  std::string display_name;
  std::string name;
  std::string description;
  std::string email;
  std::string type = "O";  // "O" open, "I" invite only
  std::string company_name;
  std::string allowed_domains;
  std::string invite_id;
  bool allow_open_invite = false;
  int64_t last_team_icon_update = 0;
  std::string scheme_id;
  bool group_constrained = false;
};

struct TeamMember {
  std::string team_id;
  std::string user_id;
  std::string explicit_roles;  // roles beyond the scheme ones
  int64_t delete_at = 0;
  bool scheme_user = true;
  bool scheme_admin = false;
  bool scheme_guest = false;
  int64_t create_at = 0;

  // "team_user team_admin ..." as Mattermost computes it.
  std::string roles() const;
};

// `sanitize` hides email and invite id from users who cannot manage the team.
boost::json::object to_json(const Team& t, bool sanitize = false);
boost::json::object to_json(const TeamMember& m);

}  // namespace parley::model
