// SQLite implementation of store::UserStore.
#pragma once

#include "store/sqlite/db.h"
#include "store/user_store.h"

namespace parley::store::sqlite {

class SqliteUserStore final : public UserStore {
 public:
  explicit SqliteUserStore(Db& db) : db_(db) {}
  void insert(const model::User& u) override;
  void update(const model::User& u) override;
  std::optional<model::User> get(std::string_view id) override;
  std::optional<model::User> get_by_username(std::string_view username) override;
  std::optional<model::User> get_by_email(std::string_view email) override;
  std::vector<model::User> get_many(const std::vector<std::string>& ids) override;
  std::vector<model::User> get_by_usernames(const std::vector<std::string>& names) override;
  std::vector<model::User> query(const UserQuery& q) override;
  int64_t count(bool include_deleted) override;

 private:
  std::optional<model::User> get_where(std::string_view column, std::string_view value);
  Db& db_;
};

}  // namespace parley::store::sqlite
