// Direct messages (two users, or a user with themself) and group messages (3 to 8 users):
// created once, returned as they are afterwards.
#pragma once

#include "app/app.h"
#include "model/channel.h"
#include "model/session.h"
#include "model/user.h"
#include "util/app_error.h"

#include <map>
#include <string>
#include <vector>

namespace parley::app {

// The DM between two users, created (with direct_added) when missing. No permission checks:
// for other code (bots, notifications) as well as POST /channels/direct.
Result<model::Channel> get_or_create_direct_channel(App& app, const std::string& user_id,
                                                    const std::string& other_user_id);
// POST /channels/direct: body ids, deduplicated; one id equal to the actor means a self-DM.
Result<model::Channel> create_direct_channel(App& app, const model::Session& actor,
                                             std::vector<std::string> user_ids);
// POST /channels/group: the actor is added when missing; group_added to each member.
Result<model::Channel> create_group_channel(App& app, const model::Session& actor,
                                            std::vector<std::string> user_ids);

// POST /users/group_channels: the members of each group channel among `channel_ids` that the
// session's user belongs to (other ids are left out), keyed by channel id.
std::map<std::string, std::vector<model::User>> group_channel_members(
    App& app, const model::Session& actor, const std::vector<std::string>& channel_ids);

}  // namespace parley::app
