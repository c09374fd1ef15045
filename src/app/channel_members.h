// Channel memberships with Mattermost's rules: joining and adding members, removal, roles,
// notify props, marking channels viewed, unread counts and channel stats.
#pragma once

#include "app/app.h"
#include "model/channel.h"
#include "model/session.h"
#include "model/user.h"
#include "store/channel_store.h"
#include "util/app_error.h"

#include <boost/json/object.hpp>

#include <map>
#include <string>
#include <vector>

namespace parley::app {

// Joins the user to the team's open default channels (see default_channel_names), without
// events: returns the channels joined so that the caller announces them after committing.
std::vector<model::Channel> join_default_channels(App& app, const std::string& team_id,
                                                  const model::User& user, bool as_admin);

// Adds `user` to an open or private team channel without permission checks (an active team
// membership is required), then user_added and the channel_joined hooks. An existing
// membership is returned unchanged.
Result<model::ChannelMember> add_user_to_channel(App& app, const model::User& user,
                                                 const model::Channel& channel);

// POST /channels/{id}/members: self-join of a public channel needs join_public_channels,
// adding others manage_public/private_channel_members.
Result<std::vector<model::ChannelMember>> add_channel_members(
    App& app, const model::Session& actor, const std::string& channel_id,
    const std::vector<std::string>& user_ids, const std::string& post_root_id);

Result<model::ChannelMember> channel_member(App& app, const model::Session& actor,
                                            const std::string& channel_id,
                                            const std::string& user_id);
Result<std::vector<model::ChannelMember>> channel_members(App& app, const model::Session& actor,
                                                          const std::string& channel_id, int page,
                                                          int per_page);
Result<std::vector<model::ChannelMember>> channel_members_by_ids(
    App& app, const model::Session& actor, const std::string& channel_id,
    const std::vector<std::string>& user_ids);
// GET /users/{id}/teams/{team_id}/channels/members.
Result<std::vector<model::ChannelMember>> channel_members_for_user_in_team(
    App& app, const model::Session& actor, const std::string& user_id, const std::string& team_id);
// GET /users/{id}/channel_members; limit < 0: all.
Result<std::vector<store::ChannelMemberWithTeam>> channel_members_for_user(
    App& app, const model::Session& actor, const std::string& user_id, int offset, int limit);

// DELETE /channels/{id}/members/{user_id} (leave or remove).
Status remove_channel_member(App& app, const model::Session& actor, const std::string& channel_id,
                             const std::string& user_id);
// PUT /channels/{id}/members/{user_id}/roles.
Status update_channel_member_roles(App& app, const model::Session& actor,
                                   const std::string& channel_id, const std::string& user_id,
                                   const std::string& roles);
// PUT /channels/{id}/members/{user_id}/notify_props (string values only).
Status update_channel_member_notify_props(App& app, const model::Session& actor,
                                          const std::string& channel_id, const std::string& user_id,
                                          const boost::json::object& props);

// POST /channels/members/{user_id}/view: returns channel id -> last_viewed_at. Unless the client
// supports collapsed threads and the user has them on, the viewed channels' threads are read too.
Result<std::map<std::string, int64_t>> view_channel(App& app, const model::Session& actor,
                                                    const std::string& user_id,
                                                    const std::string& channel_id,
                                                    const std::string& prev_channel_id,
                                                    bool collapsed_threads_supported = false);
Result<model::ChannelUnread> channel_unread(App& app, const model::Session& actor,
                                            const std::string& user_id,
                                            const std::string& channel_id);

struct ChannelStats {
  std::string channel_id;
  int64_t member_count = 0;
  int64_t guest_count = 0;
  int64_t pinnedpost_count = 0;
  int64_t files_count = -1;
};
Result<ChannelStats> channel_stats(App& app, const model::Session& actor,
                                   const std::string& channel_id, bool exclude_files_count);
// POST /channels/stats/member_count.
Result<std::map<std::string, int64_t>> channels_member_count(App& app, const model::Session& actor,
                                                             const std::vector<std::string>& ids);

}  // namespace parley::app
