// Event helpers beyond App::publish_to_*: broadcasts that omit one user, and user events that
// also carry the channel or team they concern (as Mattermost's broadcast fields do).
#pragma once

#include "app/app.h"

#include <boost/json/object.hpp>

#include <string>

namespace parley::app {

void publish_to_channel_except(App& app, std::string name, boost::json::object data,
                               const std::string& channel_id, const std::string& omit_user);
void publish_to_team_except(App& app, std::string name, boost::json::object data,
                            const std::string& team_id, const std::string& omit_user);
// Only `user_id` receives it; broadcast.channel_id / team_id are filled for the client.
void publish_to_user_about(App& app, std::string name, boost::json::object data,
                           const std::string& user_id, const std::string& channel_id,
                           const std::string& team_id = {});

}  // namespace parley::app
