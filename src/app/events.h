// Events the app emits for WebSocket clients (Mattermost's event names, data and broadcast),
// and the sink interface the ws hub implements.
#pragma once

#include <boost/json/object.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace parley::app {

struct Broadcast {
  std::string user_id;     // only this user's connections
  std::string channel_id;  // informational; recipients hold the resolved members
  std::string team_id;
  std::string connection_id;       // only this connection
  std::string omit_connection_id;  // every connection but this one
  std::unordered_set<std::string> omit_users;
  // Mattermost's ContainsSensitiveData / ContainsSanitizedData: the event goes only to
  // connections whose session has manage_system / only to those without it.
  bool sensitive = false;
  bool sanitized = false;
};

struct Event {
  std::string name;  // e.g. "posted"
  boost::json::object data;
  Broadcast broadcast;
  // Users allowed to see the event, resolved by the app for channel and team broadcasts.
  // nullopt: everyone (or only broadcast.user_id when that is set).
  std::optional<std::vector<std::string>> recipients;
  // Per-recipient fields: these users get data.mentions / data.followers = "[\"<their id>\"]".
  std::vector<std::string> mentions;
  std::vector<std::string> followers;
};

class EventSink {
 public:
  virtual ~EventSink() = default;
  virtual void publish(Event event) = 0;
  // A session stopped authenticating (logout, revocation): its sockets are closed so that they
  // receive nothing more. `user_sessions_revoked` does it for every session of a user.
  virtual void session_revoked(const std::string& session_id) {}
  virtual void user_sessions_revoked(const std::string& user_id) {}
  // A user's system roles changed (their sessions carry the new roles).
  virtual void user_roles_changed(const std::string& user_id, const std::string& roles) {}
  // True when the user has a live connection (Mattermost's "online" for @here).
  virtual bool is_online(std::string_view user_id) const { return false; }
  // The user acted (posted, viewed a channel) through `session_id` at `at`: that session's
  // connections count as active then (Mattermost's UpdateWebConnUserActivity).
  virtual void user_activity(const std::string& user_id, const std::string& session_id,
                             int64_t at) {}
};

}  // namespace parley::app
