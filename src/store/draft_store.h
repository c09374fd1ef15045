// Persistence of drafts synced across devices (the Drafts table), one per user, channel and
// thread root.
#pragma once

#include "model/draft.h"

#include <optional>
#include <string_view>
#include <vector>

namespace parley::store {

class DraftStore {
 public:
  virtual ~DraftStore() = default;
  // Inserts, or updates message, props, file ids, priority and UpdateAt of the existing draft
  // (CreateAt kept); returns the stored draft.
  virtual model::Draft upsert(const model::Draft& d) = 0;
  virtual std::optional<model::Draft> get(std::string_view user_id, std::string_view channel_id,
                                          std::string_view root_id) = 0;
  // Whether a draft was removed.
  virtual bool remove(std::string_view user_id, std::string_view channel_id,
                      std::string_view root_id) = 0;
  // Every user's drafts replying to `root_id` in the channel (the root post was deleted).
  virtual void remove_for_root(std::string_view channel_id, std::string_view root_id) = 0;
  // The user's drafts in channels they belong to, of this team and direct/group channels ("" =
  // every team), most recently updated first.
  virtual std::vector<model::Draft> for_user(std::string_view user_id,
                                             std::string_view team_id) = 0;
};

}  // namespace parley::store
