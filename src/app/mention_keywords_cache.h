// The mention keywords of a channel's members without @here (it depends on who is online at the
// time of each post), built once per member list and kept while the list lives: the caching store
// hands out the same immutable list until a membership, profile or notify props change replaces
// it (store/cached_mentions.h). Building them costs a few microseconds per member and post.
#pragma once

#include "app/mentions.h"
#include "store/channel_store.h"

#include <cstddef>
#include <memory>
#include <mutex>
#include <vector>

namespace parley::app {

class MentionKeywordsCache {
 public:
  std::shared_ptr<const MentionKeywords> get(const store::MentionMembers& members,
                                             bool allow_channel);

 private:
  struct Entry {
    // Same list: same control block (the weak_ptr keeps it, so its address is not reused).
    std::weak_ptr<const std::vector<store::MentionMember>> list;
    bool allow_channel = false;
    std::shared_ptr<const MentionKeywords> keywords;
  };
  static constexpr std::size_t kMaxLists = 128;
  std::mutex mutex_;
  std::vector<Entry> entries_;  // least recently used first
};

}  // namespace parley::app
