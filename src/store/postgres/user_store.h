// PostgreSQL implementation of store::UserStore.
#pragma once

#include "store/postgres/db.h"
#include "store/user_store.h"

namespace parley::store::postgres {

class PgUserStore final : public UserStore {
 public:
  explicit PgUserStore(Db& db) : db_(db) {}
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
  std::optional<model::User> get_where(std::string_view where, std::string_view value);
  std::vector<model::User> get_any(std::string_view column, const std::vector<std::string>& v);
  Db& db_;
};

}  // namespace parley::store::postgres
