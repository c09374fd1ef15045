// Channel post listings in front of the PostStore; invalidation by every post write.
#include "store/cached_posts.h"

#include "store/cache_tx.h"

#include <algorithm>

namespace parley::store {
namespace {

constexpr int kMaxCachedLimit = 200;  // the API's largest per_page

std::string page_key(const PostPageQuery& q) {
  return "p" + std::to_string(q.limit) + (q.include_deleted ? "d" : "") + (q.roots_only ? "r" : "");
}

}  // namespace

std::function<void()> invalidate_post_channel(ChannelCaches& cache, PostStore& posts,
                                              std::string_view post_id,
                                              std::string_view channel_id) {
  std::string channel(channel_id);
  if (channel.empty()) {
    if (auto p = posts.get(post_id, true)) channel = p->channel_id;
  }
  if (channel.empty()) return [&cache] { cache.clear(); };
  return [&cache, channel = std::move(channel)] { cache.invalidate(channel); };
}

std::function<void()> CachedPostStore::channel_of(std::string_view id) {
  return invalidate_post_channel(cache_, inner_, id, "");
}

void CachedPostStore::insert(model::Post& p, const PostSaveEffects& effects) {
  // Outside a transaction the insert has committed when write_then returns: the cached Channels
  // row then takes the counters the insert left, instead of being read again by the next post to
  // the channel. Inside one the commit is still to come (or not): the row is dropped after it.
  bool in_transaction = cache_tx::active();
  std::optional<ChannelPostCounters> after;
  PostSaveEffects with_counters = effects;
  with_counters.channel_after = &after;
  cache_tx::write_then(
      [&] {
        inner_.insert(p, with_counters);
        if (effects.channel_after) *effects.channel_after = after;
      },
      [this, ch = p.channel_id, in_transaction] {
        if (in_transaction)
          cache_.invalidate(ch);
        else
          cache_.posts.invalidate(ch);
      });
  if (in_transaction) return;
  if (!after) return cache_.by_id.erase(p.channel_id);
  cache_.by_id.update(p.channel_id, [&](model::Channel& c) {
    c.last_post_at = std::max(c.last_post_at, after->last_post_at);
    c.last_root_post_at = std::max(c.last_root_post_at, after->last_root_post_at);
    c.total_msg_count = std::max(c.total_msg_count, after->total_msg_count);
    c.total_msg_count_root = std::max(c.total_msg_count_root, after->total_msg_count_root);
  });
}

void CachedPostStore::update(const model::Post& p) {
  auto old_channel = channel_of(p.id);
  cache_tx::write_then([&] { inner_.update(p); },
                       [this, old_channel, ch = p.channel_id] {
                         old_channel();
                         cache_.invalidate(ch);
                       });
}

void CachedPostStore::soft_delete(std::string_view id, int64_t at, std::string_view deleted_by) {
  cache_tx::write_then([&] { inner_.soft_delete(id, at, deleted_by); }, channel_of(id));
}

void CachedPostStore::permanent_delete(std::string_view id) {
  cache_tx::write_then([&] { inner_.permanent_delete(id); }, channel_of(id));
}

bool CachedPostStore::usable() const {
  return enabled_ && !cache_tx::active();
}

std::vector<model::Post> CachedPostStore::cached_rows(
    std::string_view channel_id, std::string key,
    const std::function<std::vector<model::Post>()>& load) {
  if (auto hit = cache_.posts.find_rows(channel_id, key)) return *hit;
  auto gen = cache_.posts.generation();
  auto rows = load();
  cache_.posts.fill_rows(channel_id, std::move(key), rows, gen);
  return rows;
}

std::vector<model::Post> CachedPostStore::page(const PostPageQuery& q) {
  if (!usable() || q.offset != 0 || q.limit <= 0 || q.limit > kMaxCachedLimit)
    return inner_.page(q);
  return cached_rows(q.channel_id, page_key(q), [&] { return inner_.page(q); });
}

std::vector<model::Post> CachedPostStore::threads_of(std::string_view channel_id,
                                                     const std::vector<std::string>& root_ids) {
  if (!usable() || root_ids.empty()) return inner_.threads_of(channel_id, root_ids);
  auto sorted = root_ids;
  std::sort(sorted.begin(), sorted.end());
  std::string key = "t";
  for (const auto& id : sorted) key += id + ",";
  return cached_rows(channel_id, std::move(key),
                     [&] { return inner_.threads_of(channel_id, root_ids); });
}

std::string CachedPostStore::post_id_around_time(std::string_view channel_id, int64_t time,
                                                 bool before, bool roots_only) {
  if (!usable()) return inner_.post_id_around_time(channel_id, time, before, roots_only);
  std::string key = std::to_string(time) + (before ? "b" : "a") + (roots_only ? "r" : "");
  if (auto hit = cache_.posts.find_id(channel_id, key)) return *hit;
  auto gen = cache_.posts.generation();
  auto id = inner_.post_id_around_time(channel_id, time, before, roots_only);
  cache_.posts.fill_id(channel_id, std::move(key), id, gen);
  return id;
}

}  // namespace parley::store
