// Persistence of custom emoji (the Emoji table); names are unique among live emoji.
#pragma once

#include "model/emoji.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parley::store {

class EmojiStore {
 public:
  virtual ~EmojiStore() = default;
  // False when a live emoji already has the name.
  virtual bool save(const model::Emoji& e) = 0;
  // Live emoji only.
  virtual std::optional<model::Emoji> get(std::string_view id) = 0;
  virtual std::optional<model::Emoji> get_by_name(std::string_view name) = 0;
  virtual std::vector<model::Emoji> get_by_names(const std::vector<std::string>& names) = 0;
  // A page of live emoji, by name when `by_name`, else oldest first.
  virtual std::vector<model::Emoji> list(int64_t offset, int64_t limit, bool by_name) = 0;
  // Names starting with (or, unless prefix_only, containing) `term`, by name.
  virtual std::vector<model::Emoji> search(std::string_view term, bool prefix_only,
                                           int64_t limit) = 0;
  // Marks the emoji deleted and removes the reactions that use its name (refreshing the posts'
  // HasReactions), in one transaction. False when there is no live emoji with that id.
  virtual bool remove(std::string_view id, int64_t at) = 0;
};

}  // namespace parley::store
