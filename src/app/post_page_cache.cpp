// Kept channel pages, checked against the stamp of what they were built from.
#include "app/post_page_cache.h"

namespace parley::app {
namespace {

std::size_t size_of(const model::PostListPieces& p) {
  std::size_t n = 0;
  for (const auto& t : p.text) n += t.size();
  for (const auto& id : p.following_of) n += id.size();
  return n;
}

}  // namespace

PostPageCache::Page PostPageCache::find(const std::string& key, const PostPageStamp& stamp) {
  std::lock_guard lock(mu_);
  auto it = pages_.find(key);
  if (it == pages_.end()) return nullptr;
  if (it->second.stamp == stamp) return it->second.page;
  bytes_ -= it->second.bytes;
  pages_.erase(it);
  return nullptr;
}

void PostPageCache::put(std::string key, PostPageStamp stamp, Page page) {
  std::size_t bytes = size_of(*page) + key.size();
  if (bytes > max_bytes_) return;
  std::lock_guard lock(mu_);
  if (auto it = pages_.find(key); it != pages_.end()) {
    bytes_ -= it->second.bytes;
    pages_.erase(it);
  }
  if (bytes_ + bytes > max_bytes_) {
    pages_.clear();
    bytes_ = 0;
  }
  pages_.emplace(std::move(key), Entry{std::move(stamp), std::move(page), bytes});
  bytes_ += bytes;
}

std::size_t PostPageCache::bytes() const {
  std::lock_guard lock(mu_);
  return bytes_;
}

}  // namespace parley::app
