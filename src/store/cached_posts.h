// The posts decorator of the caching store (store/cached_store.h): a channel's first page of
// posts, the threads of the replies on it and the time cursors next to it come from a
// ChannelPostCache (store/channel_post_cache.h). Post inserts, edits, soft and permanent
// deletions invalidate the post's channel (its old channel too when an edit moves it) once they
// have committed, in the post listings and in the channel-by-id cache (a post moves the
// channel's counters; a committed insert outside a transaction sets the cached row's counters
// to what it left instead, PostSaveEffects::channel_after); reactions, emoji deletions, channel and
// team writes invalidate through their own decorators (store/cached_reactions.h,
// store/cached_channels.h). Reads inside a transaction bypass the caches.
#pragma once

#include "model/channel.h"
#include "store/channel_post_cache.h"
#include "store/key_cache.h"
#include "store/post_store.h"

#include <functional>

namespace parley::store {

// A channel member's roles, by "channel_id/user_id" (store/cached_channels.h).
struct MemberRoles {
  std::string channel_id;
  std::string user_id;
  std::string roles;
};

// A channel's active members and, of them, guests (GET /channels/{id}/stats).
struct MemberCounts {
  int64_t members = 0;
  int64_t guests = 0;
};

// What the caching store keeps per channel: post listings, the Channels row, members' roles and
// member counts. invalidate() is for post writes, which leave members alone.
struct ChannelCaches {
  ChannelPostCache posts{1'000, 8};        // channels, listings per channel
  KeyCache<model::Channel> by_id{10'000};  // Mattermost's channel cache size
  KeyCache<MemberRoles> member_roles{50'000};
  KeyCache<MemberCounts> member_counts{10'000};

  void invalidate(std::string_view channel_id) {
    posts.invalidate(channel_id);
    by_id.erase(channel_id);
  }
  void clear() {
    posts.clear();
    by_id.clear();
    member_roles.clear();
    member_counts.clear();
  }
};

class CachedPostStore final : public PostStore {
 public:
  // `enabled` false: listings are read from `inner` every time (writes still invalidate).
  CachedPostStore(PostStore& inner, ChannelCaches& cache, bool enabled)
      : inner_(inner), cache_(cache), enabled_(enabled) {}

  void insert(model::Post& p, const PostSaveEffects& effects) override;
  void update(const model::Post& p) override;
  void soft_delete(std::string_view id, int64_t at, std::string_view deleted_by) override;
  void permanent_delete(std::string_view id) override;

  std::vector<model::Post> page(const PostPageQuery& q) override;
  std::vector<model::Post> threads_of(std::string_view channel_id,
                                      const std::vector<std::string>& root_ids) override;
  std::string post_id_around_time(std::string_view channel_id, int64_t time, bool before,
                                  bool roots_only) override;

  std::optional<model::Post> get(std::string_view id, bool include_deleted) override {
    return inner_.get(id, include_deleted);
  }
  std::vector<model::Post> get_many(const std::vector<std::string>& ids) override {
    return inner_.get_many(ids);
  }
  std::optional<model::Post> find_pending(std::string_view user_id,
                                          std::string_view pending_post_id,
                                          int64_t since) override {
    return inner_.find_pending(user_id, pending_post_id, since);
  }
  std::vector<model::Post> thread(std::string_view root_id) override {
    return inner_.thread(root_id);
  }
  std::vector<model::Post> around(const PostPageQuery& q, std::string_view post_id,
                                  bool before) override {
    return inner_.around(q, post_id, before);
  }
  std::vector<model::Post> since(std::string_view channel_id, int64_t time,
                                 bool roots_only) override {
    return inner_.since(channel_id, time, roots_only);
  }
  std::vector<model::Post> pinned(std::string_view channel_id) override {
    return inner_.pinned(channel_id);
  }
  std::vector<model::Post> flagged(const FlaggedPostQuery& q) override { return inner_.flagged(q); }
  std::vector<ThreadStats> thread_stats(const std::vector<std::string>& root_ids) override {
    return inner_.thread_stats(root_ids);
  }
  std::optional<uint64_t> channel_stamp(std::string_view channel_id) override {
    if (!usable()) return std::nullopt;
    return cache_.posts.stamp(channel_id);
  }

 private:
  // Invalidates the channel of post `id` (read before the write, deleted posts included), or
  // the whole cache when the post is not found.
  std::function<void()> channel_of(std::string_view id);
  std::vector<model::Post> cached_rows(std::string_view channel_id, std::string key,
                                       const std::function<std::vector<model::Post>()>& load);

  // Whether this thread may use the listings now (enabled, outside any transaction).
  bool usable() const;

  PostStore& inner_;
  ChannelCaches& cache_;
  bool enabled_;
};

// Invalidation for the other decorators: the channel of the post (read through `posts` when
// `channel_id` is empty), or everything when the post is gone.
std::function<void()> invalidate_post_channel(ChannelCaches& cache, PostStore& posts,
                                              std::string_view post_id,
                                              std::string_view channel_id);

}  // namespace parley::store
