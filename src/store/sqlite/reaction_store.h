// SQLite implementation of store::ReactionStore.
#pragma once

#include "store/reaction_store.h"
#include "store/sqlite/db.h"

namespace parley::store::sqlite {

class SqliteReactionStore final : public ReactionStore {
 public:
  explicit SqliteReactionStore(Db& db) : db_(db) {}
  void save(const model::Reaction& r) override;
  void remove(const model::Reaction& r, int64_t at) override;
  std::vector<model::Reaction> for_post(std::string_view post_id) override;
  std::vector<model::Reaction> for_posts(const std::vector<std::string>& post_ids) override;
  bool exists_on_post(std::string_view post_id, std::string_view emoji_name) override;
  int64_t unique_count(std::string_view post_id) override;

 private:
  Db& db_;
};

}  // namespace parley::store::sqlite
