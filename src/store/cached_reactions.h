// The reactions cache of the caching store (store/cached_store.h), as Mattermost's reaction
// cache: the live reactions of each post, including "none", kept by post id. Reaction saves and
// removals invalidate their post, and the post listings of its channel (HasReactions and
// UpdateAt are in the rows, store/cached_posts.h); deleting a custom emoji (which removes the
// reactions using it) clears both caches. Permanent deletion of posts, channels and teams leaves
// the entries of posts that no longer exist, which no read asks for again (they age out with the
// bound).
#pragma once

#include "store/cached_posts.h"
#include "store/emoji_store.h"
#include "store/key_cache.h"
#include "store/reaction_store.h"

namespace parley::store {

using ReactionCache = KeyCache<std::vector<model::Reaction>>;

class CachedReactionStore final : public ReactionStore {
 public:
  CachedReactionStore(ReactionStore& inner, ReactionCache& cache, PostStore& posts,
                      ChannelCaches& channels)
      : inner_(inner), cache_(cache), posts_(posts), channels_(channels) {}

  void save(const model::Reaction& r) override;
  void remove(const model::Reaction& r, int64_t at) override;
  std::vector<model::Reaction> for_post(std::string_view post_id) override {
    return inner_.for_post(post_id);
  }
  std::vector<model::Reaction> for_posts(const std::vector<std::string>& post_ids) override;
  bool exists_on_post(std::string_view post_id, std::string_view emoji_name) override {
    return inner_.exists_on_post(post_id, emoji_name);
  }
  int64_t unique_count(std::string_view post_id) override { return inner_.unique_count(post_id); }

 private:
  std::function<void()> invalidate(const model::Reaction& r);

  ReactionStore& inner_;
  ReactionCache& cache_;
  PostStore& posts_;  // uncached, to find a post's channel
  ChannelCaches& channels_;
};

class CachedEmojiStore final : public EmojiStore {
 public:
  CachedEmojiStore(EmojiStore& inner, ReactionCache& reactions, ChannelCaches& channels)
      : inner_(inner), reactions_(reactions), channels_(channels) {}

  bool save(const model::Emoji& e) override;
  std::optional<model::Emoji> get(std::string_view id) override { return inner_.get(id); }
  std::optional<model::Emoji> get_by_name(std::string_view name) override {
    return inner_.get_by_name(name);
  }
  std::vector<model::Emoji> get_by_names(const std::vector<std::string>& names) override {
    return inner_.get_by_names(names);
  }
  std::vector<model::Emoji> list(int64_t offset, int64_t limit, bool by_name) override {
    return inner_.list(offset, limit, by_name);
  }
  std::vector<model::Emoji> search(std::string_view term, bool prefix_only,
                                   int64_t limit) override {
    return inner_.search(term, prefix_only, limit);
  }
  bool remove(std::string_view id, int64_t at) override;

 private:
  EmojiStore& inner_;
  ReactionCache& reactions_;
  ChannelCaches& channels_;
};

}  // namespace parley::store
