// LRU + TTL cache of link metadata (see link_metadata_cache.h).
#include "app/link_metadata_cache.h"

namespace parley::app {

std::optional<LinkMetadata> LinkMetadataCache::get(const std::string& url) {
  std::lock_guard lock(mutex_);
  auto it = index_.find(url);
  if (it == index_.end()) return std::nullopt;
  if (it->second->expires <= Clock::now()) {
    order_.erase(it->second);
    index_.erase(it);
    return std::nullopt;
  }
  order_.splice(order_.begin(), order_, it->second);
  return it->second->value;
}

void LinkMetadataCache::put(const std::string& url, LinkMetadata value) {
  std::lock_guard lock(mutex_);
  if (auto it = index_.find(url); it != index_.end()) {
    order_.erase(it->second);
    index_.erase(it);
  }
  order_.push_front(Entry{url, std::move(value), Clock::now() + ttl_});
  index_[url] = order_.begin();
  while (order_.size() > capacity_) {
    index_.erase(order_.back().url);
    order_.pop_back();
  }
  generation_.fetch_add(1, std::memory_order_release);
}

void LinkMetadataCache::clear() {
  std::lock_guard lock(mutex_);
  order_.clear();
  index_.clear();
  generation_.fetch_add(1, std::memory_order_release);
}

}  // namespace parley::app
