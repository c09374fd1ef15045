// Helpers shared by the team and channel route files: strict id parameters (no "me"),
// name parameters, JSON arrays of models.
#pragma once

#include "api/context.h"
#include "model/channel.h"
#include "model/team.h"
#include "util/ids.h"

#include <boost/json/array.hpp>

#include <string>
#include <vector>

namespace parley::api {

// A route id that must be a valid id ("me" is not accepted).
inline Result<std::string> path_id(const Context& c, std::string_view name) {
  std::string v = c.param(name);
  if (!is_valid_id(v)) return errors::invalid_url_param(name);
  return v;
}

inline Result<std::string> team_name_param(const Context& c) {
  std::string v = c.param("team_name");
  if (v.size() > model::kTeamNameMaxLength || !model::is_valid_team_name(v))
    return errors::invalid_url_param("team_name");
  return v;
}

inline Result<std::string> channel_name_param(const Context& c) {
  std::string v = c.param("channel_name");
  if (!model::is_valid_channel_name(v)) return errors::invalid_url_param("channel_name");
  return v;
}

template <class T>
boost::json::array json_array(const std::vector<T>& items) {
  boost::json::array a;
  a.reserve(items.size());
  for (const auto& i : items) a.push_back(model::to_json(i));
  return a;
}

// Channel members as `viewer` may see them (others' view times hidden).
inline boost::json::array members_json(const std::vector<model::ChannelMember>& members,
                                       const std::string& viewer) {
  boost::json::array a;
  a.reserve(members.size());
  for (const auto& m : members) a.push_back(model::to_json(m, m.user_id == viewer));
  return a;
}

}  // namespace parley::api
