// Persistence of login sessions.
#pragma once

#include "model/session.h"

#include <optional>
#include <string_view>
#include <vector>

namespace parley::store {

class SessionStore {
 public:
  virtual ~SessionStore() = default;
  virtual void insert(const model::Session& s) = 0;
  virtual std::optional<model::Session> get_by_token(std::string_view token) = 0;
  virtual std::optional<model::Session> get(std::string_view id) = 0;
  virtual std::vector<model::Session> for_user(std::string_view user_id) = 0;
  virtual void remove(std::string_view id) = 0;
  virtual void remove_for_user(std::string_view user_id) = 0;
  virtual void update_last_activity(std::string_view id, int64_t at) = 0;
  virtual void update_roles_for_user(std::string_view user_id, std::string_view roles) = 0;
  virtual void update_props(std::string_view id, const boost::json::object& props) = 0;
  virtual void remove_expired(int64_t now) = 0;
};

}  // namespace parley::store
