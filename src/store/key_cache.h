// A bounded, thread-safe map from string keys to values, used by the store's read caches
// (store/cached_store.h). Fills carry the generation read before the database query and are
// dropped when an invalidation happened meanwhile, so a reader that fetched a row just before a
// write committed can never put the old row back after the write's invalidation.
#pragma once

#include "util/string_hash.h"

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace parley::store {

template <class V>
class KeyCache {
 public:
  explicit KeyCache(std::size_t max_entries) : max_(max_entries) {}

  std::optional<V> find(std::string_view key) const {
    std::lock_guard lock(mu_);
    auto it = map_.find(key);
    if (it == map_.end()) return std::nullopt;
    return it->second;
  }

  // hit(value) for each cached key, miss(key) for the others, under one lock.
  template <class Hit, class Miss>
  void find_each(const std::vector<std::string>& keys, Hit hit, Miss miss) const {
    std::lock_guard lock(mu_);
    for (const auto& key : keys) {
      auto it = map_.find(std::string_view(key));
      if (it != map_.end())
        hit(it->second);
      else
        miss(key);
    }
  }

  // The generation to pass to fill(); take it before reading the database.
  uint64_t generation() const {
    std::lock_guard lock(mu_);
    return gen_;
  }

  // The cached value, or load() (an optional<V>) remembered when it found one.
  template <class Load>
  std::optional<V> get_or_load(std::string_view key, Load load) {
    if (auto hit = find(key)) return hit;
    auto gen = generation();
    std::optional<V> v = load();
    if (v) fill(std::string(key), *v, gen);
    return v;
  }

  void fill(std::string key, V value, uint64_t read_generation) {
    std::lock_guard lock(mu_);
    if (read_generation != gen_) return;
    if (map_.size() >= max_) map_.clear();
    map_.insert_or_assign(std::move(key), std::move(value));
  }

  // Applies `change` to the cached value, if any, in place of erasing it: fills that read the
  // database before the write are dropped all the same.
  template <class Change>
  void update(std::string_view key, Change change) {
    std::lock_guard lock(mu_);
    ++gen_;
    if (auto it = map_.find(key); it != map_.end()) change(it->second);
  }

  void erase(std::string_view key) {
    std::lock_guard lock(mu_);
    ++gen_;
    if (auto it = map_.find(key); it != map_.end()) map_.erase(it);
  }

  template <class Pred>
  void erase_if(Pred pred) {
    std::lock_guard lock(mu_);
    ++gen_;
    std::erase_if(map_, [&](const auto& kv) { return pred(kv.second); });
  }

  void clear() {
    std::lock_guard lock(mu_);
    ++gen_;
    map_.clear();
  }

  std::size_t size() const {
    std::lock_guard lock(mu_);
    return map_.size();
  }

 private:
  mutable std::mutex mu_;
  std::unordered_map<std::string, V, util::StringHash, std::equal_to<>> map_;
  uint64_t gen_ = 0;
  std::size_t max_;
};

}  // namespace parley::store
