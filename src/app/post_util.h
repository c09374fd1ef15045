// Helpers shared by the post and reaction functions of the app layer (not a public API):
// loading channels with Mattermost's errors, read checks, and filling posts for clients.
#pragma once

#include "app/app.h"
#include "model/channel.h"
#include "model/post.h"
#include "model/session.h"
#include "util/app_error.h"

#include <string>
#include <string_view>

namespace parley::app::post_util {

// 404 app.channel.get.existing.app_error when missing.
Result<model::Channel> load_channel(App& app, std::string_view channel_id);
// 404 app.post.get.app_error when missing (or deleted unless include_deleted).
Result<model::Post> load_post(App& app, std::string_view post_id, bool include_deleted);
// Mattermost's GetPostIfAuthorized read check on the post's channel.
Status check_read(App& app, const model::Session& s, const model::Channel& channel);
// Channel permission by post (SessionHasPermissionToChannelByPost).
bool has_permission_by_post(App& app, const model::Session& s, std::string_view post_id,
                            std::string_view permission);

// Adds metadata.reactions, emojis, embeds and images (app/link_previews.h), and thread summaries
// (last_reply_at, participants) to roots.
void prepare(App& app, model::Post& p, bool extended_participants = false);
void prepare(App& app, model::PostList& l, bool extended_participants = false);
// prepare() for a post this request has just inserted: its id is not out yet, so it has no
// reactions to read.
void prepare_created(App& app, model::Post& p);

// Publishes `event` with data {post: <JSON string>} to the channel's members.
void publish_post_event(App& app, const std::string& event, const model::Post& p);

}  // namespace parley::app::post_util
