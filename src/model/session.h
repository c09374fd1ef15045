// Session: a login token with expiry, roles and props (csrf, platform...), as Mattermost's.
#pragma once

#include <boost/json/object.hpp>

#include <cstdint>
#include <string>

namespace parley::model {

struct Session {
  std::string id;
  std::string token;
  int64_t create_at = 0;
  int64_t expires_at = 0;  // 0 = never
  int64_t last_activity_at = 0;
  std::string user_id;
  std::string device_id;
  std::string roles;
  bool is_oauth = false;
  bool expired_notify = false;
  boost::json::object props;  // "csrf", "platform", "os", "browser", "type", ...

  std::string csrf_token() const;
  bool is_expired(int64_t now) const { return expires_at > 0 && now > expires_at; }
};

// sanitize=true blanks the token (listing sessions to a user).
boost::json::object to_json(const Session& s, bool sanitize);

}  // namespace parley::model
