// Persistence of posts, with the channel and membership counters a new post moves.
#pragma once

#include "model/post.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parley::store {

// What saving a post changes besides the Posts row, all in the same transaction.
// A channel's post counters as a write left them.
struct ChannelPostCounters {
  int64_t last_post_at = 0;
  int64_t last_root_post_at = 0;
  int64_t total_msg_count = 0;
  int64_t total_msg_count_root = 0;
};

struct PostSaveEffects {
  bool mark_read_by_poster = true;     // poster's member: last_viewed_at, msg counts, mentions 0
  std::vector<std::string> mentioned;  // members whose mention counts grow by one
  bool urgent = false;                 // mentioned members' urgent_mention_count grows too
  bool keep_create_at = false;         // an admin-chosen CreateAt (imports): never shifted
  // When set: receives the poster's LastViewedAt as mark_read_by_poster left it, or -1 when
  // nothing was marked (not asked, or the poster is no member of the channel).
  int64_t* poster_viewed_at = nullptr;
  // When set: receives the channel's counters after the insert (left unset when the channel
  // does not exist).
  std::optional<ChannelPostCounters>* channel_after = nullptr;
};

// Thread summary of a root post.
struct ThreadStats {
  int64_t reply_count = 0;
  int64_t last_reply_at = 0;
  std::vector<std::string> participants;  // repliers, in order of first reply
};

struct PostPageQuery {
  std::string channel_id;
  int offset = 0;
  int limit = 60;
  bool include_deleted = false;
  bool roots_only = false;  // collapsed threads
};

// The posts a user flagged (flagged_post preferences), in channels the user still belongs to.
struct FlaggedPostQuery {
  std::string user_id;
  std::string channel_id;  // only this channel when set
  std::string team_id;     // only this team's channels and direct/group channels when set
  int offset = 0;
  int limit = 60;
};

class PostStore {
 public:
  virtual ~PostStore() = default;
  // Inserts the post; updates Channels (LastPostAt, TotalMsgCount, root counters), the root's
  // UpdateAt for a reply, and ChannelMembers as `effects` says. Unless keep_create_at, CreateAt
  // is moved past the channel's LastPostAt when needed so that time cursors never tie.
  virtual void insert(model::Post& p, const PostSaveEffects& effects) = 0;
  // Rewrites every column but Id/CreateAt (edit, patch, pin); bumps the channel's LastPostAt and
  // the root's UpdateAt as Mattermost does.
  virtual void update(const model::Post& p) = 0;
  // Soft-deletes the post and, for a root, its replies; records props.deleteBy.
  virtual void soft_delete(std::string_view id, int64_t at, std::string_view deleted_by) = 0;

  // One post with reply_count; nullopt when missing (or deleted unless include_deleted).
  virtual std::optional<model::Post> get(std::string_view id, bool include_deleted) = 0;
  // Posts by id, deleted ones included, newest first.
  virtual std::vector<model::Post> get_many(const std::vector<std::string>& ids) = 0;
  // A post created by `user_id` with this pending id at or after `since`.
  virtual std::optional<model::Post> find_pending(std::string_view user_id,
                                                  std::string_view pending_post_id,
                                                  int64_t since) = 0;
  // The root and its non-deleted replies, oldest first.
  virtual std::vector<model::Post> thread(std::string_view root_id) = 0;
  // Newest first, `limit` posts from `offset`.
  virtual std::vector<model::Post> page(const PostPageQuery& q) = 0;
  // Posts strictly before/after `post_id`'s create time; before: newest first, after: oldest first.
  virtual std::vector<model::Post> around(const PostPageQuery& q, std::string_view post_id,
                                          bool before) = 0;
  // Every post (deleted included) updated after `time`, newest first.
  virtual std::vector<model::Post> since(std::string_view channel_id, int64_t time,
                                         bool roots_only) = 0;
  // Non-deleted posts of the given threads (roots and replies), oldest first.
  virtual std::vector<model::Post> threads_of(std::string_view channel_id,
                                              const std::vector<std::string>& root_ids) = 0;
  // Id of the nearest non-deleted post created strictly before/after `time` ("" when none).
  virtual std::string post_id_around_time(std::string_view channel_id, int64_t time, bool before,
                                          bool roots_only) = 0;
  // Pinned, non-deleted posts, oldest first.
  virtual std::vector<model::Post> pinned(std::string_view channel_id) = 0;
  // Flagged, non-deleted posts, newest first.
  virtual std::vector<model::Post> flagged(const FlaggedPostQuery& q) = 0;
  virtual std::vector<ThreadStats> thread_stats(const std::vector<std::string>& root_ids) = 0;
  // Removes a post, its replies when it is a root, and their reactions, for good.
  virtual void permanent_delete(std::string_view id) = 0;

  // A caching store's stamp of the channel's posts: read it before reading what a derived cache
  // keeps, and that copy is current while the stamp is unchanged. Every committed write that
  // changes a post of the channel, its reactions, files or thread counts changes it. nullopt
  // when the store keeps no such stamp (then nothing derived from the posts may be cached).
  virtual std::optional<uint64_t> channel_stamp(std::string_view /*channel_id*/) {
    return std::nullopt;
  }
};

}  // namespace parley::store
