// Channels' first pages of posts as sent to clients. GET /channels/{id}/posts without a cursor
// is what every client asks for when it opens a channel, and building that JSON (rows, reactions,
// files, embeds, emojis, thread counts, each post written out) was most of the request's cost.
// A page is kept by channel and query shape with the stamp of what it was built from: the
// store's channel stamp (PostStore::channel_stamp: post, reaction, file and reply writes, custom
// emoji), the configuration snapshot (link previews, custom emoji settings) and the link
// metadata cache's generation (embeds). It is served only while all three are unchanged. The
// per-user part, "is_following" under collapsed threads, is left open in the kept text
// (model::PostListPieces) and written for each request.
#pragma once

#include "config/config.h"
#include "model/post_writer.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace parley::app {

struct PostPageStamp {
  uint64_t channel = 0;
  uint64_t links = 0;
  std::shared_ptr<const config::Config> config;

  bool operator==(const PostPageStamp& o) const {
    return channel == o.channel && links == o.links && config == o.config;
  }
};

class PostPageCache {
 public:
  using Page = std::shared_ptr<const model::PostListPieces>;

  explicit PostPageCache(std::size_t max_bytes) : max_bytes_(max_bytes) {}

  // The page kept under `key` when it was built at `stamp`, else nullptr (a stale page is
  // dropped).
  Page find(const std::string& key, const PostPageStamp& stamp);
  // Keeps `page`, built from reads made after `stamp` was taken. When the pages kept would pass
  // max_bytes, the others are dropped first.
  void put(std::string key, PostPageStamp stamp, Page page);

  std::size_t bytes() const;

 private:
  struct Entry {
    PostPageStamp stamp;
    Page page;
    std::size_t bytes = 0;
  };
  mutable std::mutex mu_;
  std::unordered_map<std::string, Entry> pages_;
  std::size_t bytes_ = 0;
  std::size_t max_bytes_;
};

}  // namespace parley::app
