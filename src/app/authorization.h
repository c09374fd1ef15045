// Permission checks with Mattermost's semantics: system roles from the session, team and
// channel roles from memberships, with the channel -> team -> system fallback.
#pragma once

#include "app/app.h"
#include "model/channel.h"
#include "model/session.h"

#include <string_view>

namespace parley::app {

bool has_permission(const model::Session& s, std::string_view permission);
bool has_team_permission(App& app, const model::Session& s, std::string_view team_id,
                         std::string_view permission);
bool has_channel_permission(App& app, const model::Session& s, const model::Channel& channel,
                            std::string_view permission);
bool has_channel_permission(App& app, const model::Session& s, std::string_view channel_id,
                            std::string_view permission);
// read_channel_content, or read_public_channel on the team for an open channel.
bool can_read_channel(App& app, const model::Session& s, const model::Channel& channel);
// The user themself, or manage_system, or edit_other_users (never over a system admin).
bool can_manage_user(App& app, const model::Session& s, std::string_view user_id);

}  // namespace parley::app
