// SQLite implementation of store::SessionStore.
#pragma once

#include "store/session_store.h"
#include "store/sqlite/db.h"

namespace parley::store::sqlite {

class SqliteSessionStore final : public SessionStore {
 public:
  explicit SqliteSessionStore(Db& db) : db_(db) {}
  void insert(const model::Session& s) override;
  std::optional<model::Session> get_by_token(std::string_view token) override;
  std::optional<model::Session> get(std::string_view id) override;
  std::vector<model::Session> for_user(std::string_view user_id) override;
  void remove(std::string_view id) override;
  void remove_for_user(std::string_view user_id) override;
  void update_last_activity(std::string_view id, int64_t at) override;
  void update_roles_for_user(std::string_view user_id, std::string_view roles) override;
  void update_props(std::string_view id, const boost::json::object& props) override;
  void remove_expired(int64_t now) override;

 private:
  Db& db_;
};

}  // namespace parley::store::sqlite
