// Role (a named set of permission ids) and its JSON, with Mattermost's field names.
#pragma once

#include <boost/json/object.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace parley::model {

struct Role {
  std::string id;
  std::string name;          // e.g. "system_user"; what users' and members' roles strings hold
  std::string display_name;  // Mattermost stores an i18n id here for built-in roles
  std::string description;
  int64_t create_at = 0;
  int64_t update_at = 0;
  int64_t delete_at = 0;
  std::vector<std::string> permissions;
  bool scheme_managed = false;  // granted through a scheme (the team_*/channel_* member roles...)
  bool built_in = true;
  std::string scheme_id;  // empty: serialised as null, as for every built-in role
};

boost::json::object to_json(const Role& r);

}  // namespace parley::model
