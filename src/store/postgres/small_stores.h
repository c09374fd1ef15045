// PostgreSQL implementations of the small aggregate stores: sessions, the Systems table,
// reactions, preferences and statuses.
#pragma once

#include "store/postgres/db.h"
#include "store/preference_store.h"
#include "store/reaction_store.h"
#include "store/session_store.h"
#include "store/status_store.h"
#include "store/system_store.h"

namespace parley::store::postgres {

class PgSessionStore final : public SessionStore {
 public:
  explicit PgSessionStore(Db& db) : db_(db) {}
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

class PgSystemStore final : public SystemStore {
 public:
  explicit PgSystemStore(Db& db) : db_(db) {}
  std::optional<std::string> get(std::string_view name) override;
  void set(std::string_view name, std::string_view value) override;
  std::string get_or_insert(std::string_view name, std::string_view value) override;

 private:
  Db& db_;
};

class PgReactionStore final : public ReactionStore {
 public:
  explicit PgReactionStore(Db& db) : db_(db) {}
  void save(const model::Reaction& r) override;
  void remove(const model::Reaction& r, int64_t at) override;
  std::vector<model::Reaction> for_post(std::string_view post_id) override;
  std::vector<model::Reaction> for_posts(const std::vector<std::string>& post_ids) override;
  bool exists_on_post(std::string_view post_id, std::string_view emoji_name) override;
  int64_t unique_count(std::string_view post_id) override;

 private:
  Db& db_;
};

class PgPreferenceStore final : public PreferenceStore {
 public:
  explicit PgPreferenceStore(Db& db) : db_(db) {}
  void save(const std::vector<model::Preference>& prefs) override;
  std::vector<model::Preference> get_all(std::string_view user_id) override;
  std::vector<model::Preference> get_category(std::string_view user_id,
                                              std::string_view category) override;
  std::optional<model::Preference> get(std::string_view user_id, std::string_view category,
                                       std::string_view name) override;
  std::vector<model::Preference> get_for_users(const std::vector<std::string>& user_ids,
                                               std::string_view category,
                                               std::string_view name) override;
  void remove(std::string_view user_id, std::string_view category, std::string_view name) override;
  void remove_for_all_users(std::string_view category, std::string_view name) override;

 private:
  Db& db_;
};

class PgStatusStore final : public StatusStore {
 public:
  explicit PgStatusStore(Db& db) : db_(db) {}
  std::optional<model::Status> get(std::string_view user_id) override;
  std::vector<model::Status> get_many(const std::vector<std::string>& user_ids) override;
  void save(const model::Status& s) override;
  void update_last_activity(std::string_view user_id, int64_t at) override;
  std::vector<model::Status> not_offline() override;
  void reset_all() override;
  std::vector<model::Status> expire_dnd(int64_t now_seconds) override;

 private:
  Db& db_;
};

}  // namespace parley::store::postgres
