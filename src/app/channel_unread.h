// Marking a channel unread from a post (Mattermost's MarkChannelAsUnreadFromPost): the member's
// last_viewed_at moves to just before the post and its message and mention counters are
// recounted from the posts from there on; post_unread tells the user's other sessions.
#pragma once

#include "app/app.h"
#include "model/channel.h"
#include "model/session.h"
#include "util/app_error.h"

#include <string>

namespace parley::app {

// POST /users/{user_id}/posts/{post_id}/set_unread. `collapsed_threads_supported`: the client
// shows collapsed threads, so root counters are kept and no thread membership is touched.
Result<model::ChannelUnreadAt> mark_post_unread(App& app, const model::Session& actor,
                                                const std::string& user_id,
                                                const std::string& post_id,
                                                bool collapsed_threads_supported);

}  // namespace parley::app
