// The per-channel post listings of the caching store (store/cached_posts.h), as Mattermost's
// "last posts" cache: a channel's first pages of rows (with their reply counts), the threads of
// those pages and the time cursors next to them, kept by channel. Every write that changes a
// post invalidates its channel; a fill carries the generation read before its database query and
// is dropped when its channel (or the whole cache) was invalidated meanwhile.
#pragma once

#include "model/post.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace parley::store {

class ChannelPostCache {
 public:
  using Rows = std::shared_ptr<const std::vector<model::Post>>;

  ChannelPostCache(std::size_t max_channels, std::size_t max_keys_per_channel)
      : max_channels_(max_channels), max_keys_(max_keys_per_channel) {}

  // The generation to pass to a fill; take it before reading the database.
  uint64_t generation() const;

  Rows find_rows(std::string_view channel_id, std::string_view key) const;
  std::optional<std::string> find_id(std::string_view channel_id, std::string_view key) const;
  void fill_rows(std::string_view channel_id, std::string key, std::vector<model::Post> rows,
                 uint64_t read_generation);
  void fill_id(std::string_view channel_id, std::string key, std::string id,
               uint64_t read_generation);

  // Changes whenever the channel is invalidated or the cache cleared (PostStore::channel_stamp).
  uint64_t stamp(std::string_view channel_id) const;

  void invalidate(std::string_view channel_id);
  void clear();

  std::size_t channels() const;

 private:
  struct Entry {
    std::unordered_map<std::string, Rows> rows;
    std::unordered_map<std::string, std::string> ids;
  };
  // The channel's entry when a fill read at `read_generation` may still be kept, else nullptr.
  Entry* fillable(std::string_view channel_id, uint64_t read_generation);

  mutable std::mutex mu_;
  std::unordered_map<std::string, Entry> by_channel_;
  std::unordered_map<std::string, uint64_t> invalidated_at_;  // channel -> generation
  uint64_t gen_ = 0;
  uint64_t cleared_at_ = 0;
  std::size_t max_channels_;
  std::size_t max_keys_;
};

}  // namespace parley::store
