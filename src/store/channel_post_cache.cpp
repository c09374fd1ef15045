// Per-channel post listings with generation-checked fills.
#include "store/channel_post_cache.h"

#include <algorithm>

namespace parley::store {
namespace {
constexpr std::size_t kMaxInvalidationMarks = 100'000;
}  // namespace

uint64_t ChannelPostCache::generation() const {
  std::lock_guard lock(mu_);
  return gen_;
}

ChannelPostCache::Rows ChannelPostCache::find_rows(std::string_view channel_id,
                                                   std::string_view key) const {
  std::lock_guard lock(mu_);
  auto it = by_channel_.find(std::string(channel_id));
  if (it == by_channel_.end()) return nullptr;
  auto hit = it->second.rows.find(std::string(key));
  return hit == it->second.rows.end() ? nullptr : hit->second;
}

std::optional<std::string> ChannelPostCache::find_id(std::string_view channel_id,
                                                     std::string_view key) const {
  std::lock_guard lock(mu_);
  auto it = by_channel_.find(std::string(channel_id));
  if (it == by_channel_.end()) return std::nullopt;
  auto hit = it->second.ids.find(std::string(key));
  if (hit == it->second.ids.end()) return std::nullopt;
  return hit->second;
}

ChannelPostCache::Entry* ChannelPostCache::fillable(std::string_view channel_id,
                                                    uint64_t read_generation) {
  if (cleared_at_ > read_generation) return nullptr;
  std::string key(channel_id);
  if (auto mark = invalidated_at_.find(key);
      mark != invalidated_at_.end() && mark->second > read_generation)
    return nullptr;
  auto it = by_channel_.find(key);
  if (it == by_channel_.end()) {
    if (by_channel_.size() >= max_channels_) by_channel_.clear();
    it = by_channel_.emplace(std::move(key), Entry{}).first;
  }
  return &it->second;
}

void ChannelPostCache::fill_rows(std::string_view channel_id, std::string key,
                                 std::vector<model::Post> rows, uint64_t read_generation) {
  auto shared = std::make_shared<const std::vector<model::Post>>(std::move(rows));
  std::lock_guard lock(mu_);
  if (auto* e = fillable(channel_id, read_generation)) {
    if (e->rows.size() >= max_keys_) e->rows.clear();
    e->rows.insert_or_assign(std::move(key), std::move(shared));
  }
}

void ChannelPostCache::fill_id(std::string_view channel_id, std::string key, std::string id,
                               uint64_t read_generation) {
  std::lock_guard lock(mu_);
  if (auto* e = fillable(channel_id, read_generation)) {
    if (e->ids.size() >= max_keys_) e->ids.clear();
    e->ids.insert_or_assign(std::move(key), std::move(id));
  }
}

uint64_t ChannelPostCache::stamp(std::string_view channel_id) const {
  std::lock_guard lock(mu_);
  auto mark = invalidated_at_.find(std::string(channel_id));
  return mark == invalidated_at_.end() ? cleared_at_ : std::max(cleared_at_, mark->second);
}

void ChannelPostCache::invalidate(std::string_view channel_id) {
  std::lock_guard lock(mu_);
  ++gen_;
  std::string key(channel_id);
  by_channel_.erase(key);
  if (invalidated_at_.size() >= kMaxInvalidationMarks) {
    // Forget the per-channel marks; every fill that started before now is dropped instead.
    invalidated_at_.clear();
    cleared_at_ = gen_;
  }
  invalidated_at_.insert_or_assign(std::move(key), gen_);
}

void ChannelPostCache::clear() {
  std::lock_guard lock(mu_);
  ++gen_;
  cleared_at_ = gen_;
  by_channel_.clear();
  invalidated_at_.clear();
}

std::size_t ChannelPostCache::channels() const {
  std::lock_guard lock(mu_);
  return by_channel_.size();
}

}  // namespace parley::store
