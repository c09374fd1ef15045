// What follows a membership change. Other areas (sidebar categories, preferences, ...) register
// hooks on App::membership_hooks() at startup; code that adds or removes members outside
// app/teams and app/channels calls the after_* functions so that events and hooks still run.
#pragma once

#include "model/channel.h"
#include "model/team.h"

#include <functional>
#include <string>
#include <vector>

namespace parley::app {

class App;

// Called after the change is committed, on the request thread; hooks must not throw.
struct MembershipHooks {
  using TeamHook = std::function<void(App&, const model::Team&, const std::string& user_id)>;
  using ChannelHook = std::function<void(App&, const model::Channel&, const std::string& user_id)>;
  std::vector<TeamHook> team_joined;
  std::vector<TeamHook> team_left;
  std::vector<ChannelHook> channel_joined;  // every new membership, DMs and group messages too
  std::vector<ChannelHook> channel_left;
};

// added_to_team to the user, then the team_joined hooks.
void after_user_joined_team(App& app, const model::Team& team, const std::string& user_id);
// user_added to the channel's other members and to the user (team channels, unless
// `announce` is false, as for a channel's creator), then the channel_joined hooks.
void after_user_joined_channel(App& app, const model::Channel& channel, const std::string& user_id,
                               bool announce = true);
// team_left hooks (the leave_team events are sent by the caller before the removal).
void after_user_left_team(App& app, const model::Team& team, const std::string& user_id);
// user_removed to the channel and to the user, then the channel_left hooks.
void after_user_left_channel(App& app, const model::Channel& channel, const std::string& user_id,
                             const std::string& remover_id);

}  // namespace parley::app
