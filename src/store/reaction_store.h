// Persistence of emoji reactions on posts.
#pragma once

#include "model/post.h"

#include <string>
#include <string_view>
#include <vector>

namespace parley::store {

class ReactionStore {
 public:
  virtual ~ReactionStore() = default;
  // Upserts the reaction (reviving a removed one) and refreshes the post's HasReactions and
  // UpdateAt, in one transaction.
  virtual void save(const model::Reaction& r) = 0;
  // Marks the reaction removed (if present) and refreshes the post, in one transaction.
  virtual void remove(const model::Reaction& r, int64_t at) = 0;
  // Live reactions, oldest first.
  virtual std::vector<model::Reaction> for_post(std::string_view post_id) = 0;
  virtual std::vector<model::Reaction> for_posts(const std::vector<std::string>& post_ids) = 0;
  virtual bool exists_on_post(std::string_view post_id, std::string_view emoji_name) = 0;
  virtual int64_t unique_count(std::string_view post_id) = 0;
};

}  // namespace parley::store
