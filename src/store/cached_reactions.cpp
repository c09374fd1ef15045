// Reactions by post id in front of the ReactionStore; invalidation by reaction and emoji writes.
#include "store/cached_reactions.h"

#include "store/cache_tx.h"

#include <unordered_map>

namespace parley::store {

std::function<void()> CachedReactionStore::invalidate(const model::Reaction& r) {
  return [this, id = r.post_id,
          listings = invalidate_post_channel(channels_, posts_, r.post_id, r.channel_id)] {
    cache_.erase(id);
    listings();
  };
}

void CachedReactionStore::save(const model::Reaction& r) {
  cache_tx::write_then([&] { inner_.save(r); }, invalidate(r));
}

void CachedReactionStore::remove(const model::Reaction& r, int64_t at) {
  cache_tx::write_then([&] { inner_.remove(r, at); }, invalidate(r));
}

std::vector<model::Reaction> CachedReactionStore::for_posts(
    const std::vector<std::string>& post_ids) {
  if (cache_tx::active()) return inner_.for_posts(post_ids);
  std::vector<model::Reaction> out;
  std::vector<std::string> missing;
  for (const auto& id : post_ids) {
    if (auto hit = cache_.find(id))
      out.insert(out.end(), hit->begin(), hit->end());
    else
      missing.push_back(id);
  }
  if (!missing.empty()) {
    auto gen = cache_.generation();
    std::unordered_map<std::string, std::vector<model::Reaction>> loaded;
    for (const auto& id : missing) loaded[id];
    for (auto& r : inner_.for_posts(missing)) {
      out.push_back(r);
      loaded[r.post_id].push_back(std::move(r));
    }
    for (auto& [id, list] : loaded) cache_.fill(id, std::move(list), gen);
  }
  // The store's order: oldest first, then by user and emoji name.
  model::sort_reactions(out);
  return out;
}

bool CachedEmojiStore::save(const model::Emoji& e) {
  // A new custom emoji joins the metadata.emojis of posts that already name it (channel_stamp).
  bool saved = false;
  cache_tx::write_then([&] { saved = inner_.save(e); }, [this] { channels_.posts.clear(); });
  return saved;
}

bool CachedEmojiStore::remove(std::string_view id, int64_t at) {
  bool removed = false;
  cache_tx::write_then([&] { removed = inner_.remove(id, at); },
                       [this] {
                         reactions_.clear();
                         channels_.posts.clear();
                       });
  return removed;
}

}  // namespace parley::store
