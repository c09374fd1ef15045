// In-memory cache of what a URL turned out to be (OpenGraph page, image, or nothing), shared by
// POST /opengraph and post embeds: least recently used entries go first, entries expire.
#pragma once

#include "links/image_info.h"
#include "links/opengraph.h"

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace parley::app {

struct LinkMetadata {
  bool fetched = false;                       // false: the request failed or was refused
  std::optional<links::OpenGraph> opengraph;  // the page was HTML
  std::optional<links::ImageInfo> image;      // the URL is an image
};

class LinkMetadataCache {
 public:
  using Clock = std::chrono::steady_clock;
  LinkMetadataCache(std::size_t capacity, Clock::duration ttl) : capacity_(capacity), ttl_(ttl) {}

  std::optional<LinkMetadata> get(const std::string& url);
  void put(const std::string& url, LinkMetadata value);
  void clear();
  // Changes with every put() and clear(): what was built from earlier reads may be out of date.
  uint64_t generation() const { return generation_.load(std::memory_order_acquire); }

 private:
  struct Entry {
    std::string url;
    LinkMetadata value;
    Clock::time_point expires;
  };
  std::mutex mutex_;
  std::atomic<uint64_t> generation_{0};
  std::size_t capacity_;
  Clock::duration ttl_;
  std::list<Entry> order_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
};

}  // namespace parley::app
