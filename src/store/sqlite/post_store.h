// SQLite implementation of store::PostStore.
#pragma once

#include "store/post_store.h"
#include "store/sqlite/db.h"
#include "store/sqlite/row.h"

namespace parley::store::sqlite {

class SqlitePostStore final : public PostStore {
 public:
  explicit SqlitePostStore(Db& db) : db_(db) {}
  // New posts wait in PostsFtsPending for the search index (migration 8). index_pending runs
  // right before each commit (Db::set_before_commit) and indexes the queue once it holds
  // kIndexBatch posts; index_queued indexes whatever is queued, before a post search reads the
  // index (so a search sees every committed post).
  static constexpr int64_t kIndexBatch = 64;
  static void index_pending(Conn& c);
  static void index_queued(Db& db);
  void insert(model::Post& p, const PostSaveEffects& effects) override;
  void update(const model::Post& p) override;
  void soft_delete(std::string_view id, int64_t at, std::string_view deleted_by) override;
  std::optional<model::Post> get(std::string_view id, bool include_deleted) override;
  std::vector<model::Post> get_many(const std::vector<std::string>& ids) override;
  std::optional<model::Post> find_pending(std::string_view user_id,
                                          std::string_view pending_post_id, int64_t since) override;
  std::vector<model::Post> thread(std::string_view root_id) override;
  std::vector<model::Post> page(const PostPageQuery& q) override;
  std::vector<model::Post> around(const PostPageQuery& q, std::string_view post_id,
                                  bool before) override;
  std::vector<model::Post> since(std::string_view channel_id, int64_t time,
                                 bool roots_only) override;
  std::vector<model::Post> threads_of(std::string_view channel_id,
                                      const std::vector<std::string>& root_ids) override;
  std::string post_id_around_time(std::string_view channel_id, int64_t time, bool before,
                                  bool roots_only) override;
  std::vector<model::Post> pinned(std::string_view channel_id) override;
  std::vector<model::Post> flagged(const FlaggedPostQuery& q) override;
  std::vector<ThreadStats> thread_stats(const std::vector<std::string>& root_ids) override;
  void permanent_delete(std::string_view id) override;

 private:
  // `expected` rows are reserved up front (a Post is large; regrowing moves every one).
  std::vector<model::Post> select(const std::string& where_order, const std::vector<Arg>& args,
                                  std::size_t expected = 0);
  Db& db_;
};

}  // namespace parley::store::sqlite
