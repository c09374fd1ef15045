// Posts with Mattermost's rules: creation (mentions, unread counters, the posted event), edits,
// patches, pins and soft deletes (post_edited / post_deleted events), and every read: single
// posts, threads, channel pages with before/after/since cursors, around the last unread post,
// by ids and pinned.
#pragma once

#include "app/app.h"
#include "model/post.h"
#include "model/session.h"
#include "util/app_error.h"

#include <optional>
#include <string>
#include <vector>

namespace parley::app {

// Creates a post as the session's user (POST /posts). Returns the post as the client sees it,
// pending_post_id echoed.
Result<model::Post> create_post(App& app, const model::Session& s, model::Post input,
                                bool set_online);

// PUT /posts/{id}: `received` replaces message, is_pinned, has_reactions and props; file ids are
// kept unless `file_ids_given`.
Result<model::Post> update_post(App& app, const model::Session& s, const std::string& post_id,
                                const model::Post& received, bool file_ids_given);

struct PostPatch {
  std::optional<bool> is_pinned;
  std::optional<std::string> message;
  std::optional<boost::json::object> props;
  std::optional<std::vector<std::string>> file_ids;
  std::optional<bool> has_reactions;
};
Result<model::Post> patch_post(App& app, const model::Session& s, const std::string& post_id,
                               const PostPatch& patch);
Status set_post_pinned(App& app, const model::Session& s, const std::string& post_id, bool pinned);
// Soft delete; with `permanent` (ServiceSettings.EnableAPIPostDeletion and manage_system) the post,
// its replies and reactions are removed from the database.
Status delete_post(App& app, const model::Session& s, const std::string& post_id,
                   bool permanent = false);

Result<model::Post> get_post(App& app, const model::Session& s, const std::string& post_id,
                             bool include_deleted);

struct ThreadQuery {
  int per_page = 0;  // 0: the whole thread
  int64_t from_create_at = 0;
  std::string from_post;
  std::string direction;  // "", "up", "down"
  bool collapsed_threads = false;
  bool collapsed_threads_extended = false;
};
Result<model::PostList> get_thread(App& app, const model::Session& s, const std::string& post_id,
                                   const ThreadQuery& q);

struct ChannelPostsQuery {
  int page = 0;
  int per_page = 60;
  std::string before;
  std::string after;
  int64_t since = 0;
  bool skip_fetch_threads = false;
  bool collapsed_threads = false;
  bool collapsed_threads_extended = false;
  bool include_deleted = false;
};
// GET /channels/{id}/posts as JSON text; first pages come from App::post_pages().
Result<std::string> get_channel_posts_json(App& app, const model::Session& s,
                                           const std::string& channel_id,
                                           const ChannelPostsQuery& q);
// GET /users/{user_id}/channels/{channel_id}/posts/unread. Only the flags of `q` are used.
Result<model::PostList> get_posts_around_last_unread(App& app, const model::Session& s,
                                                     const std::string& user_id,
                                                     const std::string& channel_id,
                                                     int limit_before, int limit_after,
                                                     const ChannelPostsQuery& q);
// Posts the session may read among `ids` (missing or unreadable ones are left out).
Result<std::vector<model::Post>> get_posts_by_ids(App& app, const model::Session& s,
                                                  const std::vector<std::string>& ids);
Result<model::PostList> get_pinned_posts(App& app, const model::Session& s,
                                         const std::string& channel_id);

struct FlaggedPostsQuery {
  std::string channel_id;  // wins over team_id when both are set
  std::string team_id;
  int offset = 0;  // Mattermost passes the page number here, not page * per_page
  int limit = 60;
};
// GET /users/{user_id}/posts/flagged: the user's flagged posts in channels they still belong
// to (team filter keeps direct/group channels), those the session may read, newest first.
Result<model::PostList> get_flagged_posts(App& app, const model::Session& s,
                                          const std::string& user_id, const FlaggedPostsQuery& q);

}  // namespace parley::app
