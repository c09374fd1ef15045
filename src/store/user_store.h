// Persistence of users.
#pragma once

#include "model/user.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parley::store {

struct UserQuery {
  std::string in_team, not_in_team, in_channel, not_in_channel;
  bool without_team = false;
  bool active_only = false, inactive_only = false;
  std::string role;  // system role filter
  std::string sort;  // "", "last_activity_at", "create_at"
  // search/autocomplete: every word prefixes the username, nickname, first or last name (when
  // allow_full_names) or e-mail (when allow_emails), case-insensitively.
  std::string term;
  bool allow_emails = true;
  bool allow_full_names = true;
  int64_t updated_since = 0;
  int offset = 0;
  int limit = 60;
};

class UserStore {
 public:
  virtual ~UserStore() = default;
  virtual void insert(const model::User& u) = 0;  // throws DbError (constraint) on duplicates
  virtual void update(const model::User& u) = 0;  // every column but id/create_at
  virtual std::optional<model::User> get(std::string_view id) = 0;
  virtual std::optional<model::User> get_by_username(std::string_view username) = 0;
  virtual std::optional<model::User> get_by_email(std::string_view email) = 0;
  virtual std::vector<model::User> get_many(const std::vector<std::string>& ids) = 0;
  virtual std::vector<model::User> get_by_usernames(const std::vector<std::string>& names) = 0;
  virtual std::vector<model::User> query(const UserQuery& q) = 0;
  virtual int64_t count(bool include_deleted) = 0;
};

}  // namespace parley::store
