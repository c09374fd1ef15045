// Channels with Mattermost's rules: creation, lookups with read permissions, patch/update,
// archive/restore and the team channel lists. Memberships are in app/channel_members.h, DMs
// and group messages in app/direct_channels.h.
#pragma once

#include "app/app.h"
#include "model/channel.h"
#include "model/session.h"
#include "store/channel_store.h"
#include "util/app_error.h"

#include <boost/json/object.hpp>

#include <string>
#include <vector>

namespace parley::app {

// Mattermost's Channel.IsValid.
Status validate_channel(const model::Channel& c);
// PreSave + IsValid + insert, with no member: a taken name is
// store.sql_channel.save_channel.exists.app_error.
Result<model::Channel> save_channel(App& app, model::Channel c);
// "town-square" first, then "off-topic" or TeamSettings.ExperimentalDefaultChannels.
std::vector<std::string> default_channel_names(App& app);

// 404 app.channel.get.existing.app_error.
Result<model::Channel> get_channel(App& app, const std::string& channel_id);

// POST /channels: create_public/private_channel on the team; the creator is channel admin.
Result<model::Channel> create_channel(App& app, const model::Session& actor, model::Channel input);
// GET /channels/{id}: open channels need read_public_channel on the team or read_channel,
// others read_channel.
Result<model::Channel> read_channel(App& app, const model::Session& actor,
                                    const std::string& channel_id);
// GET /teams/{team_id}/channels/name/{name} (team_name given: by team name). Private channels
// the actor cannot read are reported as missing (404).
Result<model::Channel> read_channel_by_name(App& app, const model::Session& actor,
                                            const std::string& team_id,
                                            const std::string& team_name, const std::string& name,
                                            bool include_deleted);

// PUT /channels/{id}/patch and PUT /channels/{id}.
Result<model::Channel> patch_channel(App& app, const model::Session& actor,
                                     const std::string& channel_id,
                                     const boost::json::object& patch);
Result<model::Channel> update_channel(App& app, const model::Session& actor,
                                      const std::string& channel_id,
                                      const boost::json::object& body);
// DELETE /channels/{id} (archive) and POST /channels/{id}/restore.
Status archive_channel(App& app, const model::Session& actor, const std::string& channel_id,
                       bool permanent);
Result<model::Channel> restore_channel(App& app, const model::Session& actor,
                                       const std::string& channel_id);

// GET /users/{id}/teams/{team_id}/channels and GET /users/{id}/channels.
Result<std::vector<model::Channel>> channels_for_user(App& app, const model::Session& actor,
                                                      const std::string& user_id,
                                                      const store::UserChannelQuery& q);
// GET /teams/{id}/channels (public), /private (manage_system), /deleted.
Result<std::vector<model::Channel>> team_channels(App& app, const model::Session& actor,
                                                  store::TeamChannelQuery q);
// POST /teams/{id}/channels/ids.
Result<std::vector<model::Channel>> public_channels_by_ids(App& app, const model::Session& actor,
                                                           const std::string& team_id,
                                                           const std::vector<std::string>& ids);
// GET /teams/{id}/channels/autocomplete, /search_autocomplete and POST /teams/{id}/channels/search.
enum class ChannelSearchKind { autocomplete, for_search, search };
Result<std::vector<model::Channel>> search_team_channels(App& app, const model::Session& actor,
                                                         const std::string& team_id,
                                                         const std::string& term,
                                                         ChannelSearchKind kind);

}  // namespace parley::app
