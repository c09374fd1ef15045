// The WebSocket hub: indexes connections by user, turns app events into numbered messages for
// exactly the connections allowed to see them, and resumes dropped connections.
#pragma once

#include "app/app.h"
#include "app/events.h"
#include "app/presence.h"
#include "model/session.h"
#include "ws/connection.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace parley::ws {

struct HubOptions {
  std::size_t buffer_size = 128;
  int64_t keep_ms = 300'000;
};

class Hub final : public app::EventSink {
 public:
  Hub(app::App& app, HubOptions options);

  struct Attached {
    std::shared_ptr<Connection> connection;
    bool resumed = false;
  };
  // Registers an authenticated socket: resumes `connection_id` from `sequence_number` when the
  // missed events are still buffered, otherwise opens a new connection and sends hello (seq 0).
  Attached attach(std::shared_ptr<Socket> socket, const model::Session& session,
                  std::string_view connection_id, int64_t sequence_number);
  void detach(const std::shared_ptr<Connection>& c, const Socket* socket);

  void publish(app::Event e) override;
  void session_revoked(const std::string& session_id) override { close_session(session_id); }
  void user_sessions_revoked(const std::string& user_id) override { close_user(user_id); }
  void user_roles_changed(const std::string& user_id, const std::string& roles) override;
  // Closes every socket of a session (logout, revocation) / of a user (deactivation).
  void close_session(std::string_view session_id);
  void close_user(std::string_view user_id);
  void shutdown();
  std::size_t connection_count() const;
  // True when the user has at least one attached socket.
  bool is_online(std::string_view user_id) const override;
  // Marks the user's attached connections of that session active at `at`.
  void user_activity(const std::string& user_id, const std::string& session_id,
                     int64_t at) override;
  // Told when a user's first socket attaches or last socket detaches (null: nobody).
  void set_presence_listener(app::PresenceListener* listener);

 private:
  void sweep(int64_t now);
  // Drops (and closes) connections whose session has expired or is gone, re-reading sessions
  // whose known expiry has passed (activity may have extended them), as Mattermost's
  // WebConn.IsAuthenticated does before each event.
  void drop_unauthenticated(std::vector<std::shared_ptr<Connection>>& conns, int64_t now);
  std::vector<std::shared_ptr<Connection>> targets(const app::Event& e) const;
  // Reports the user's presence to the listener when it differs from the last report, or
  // online again when a socket just attached.
  void update_presence(const std::string& user_id, bool attached = false);
  // After one of the user's sockets closed: when the others stay but none has been active
  // within TeamSettings.UserStatusAwayTimeout, tells the listener (Mattermost's hub unregister).
  void check_idle(const std::string& user_id, int64_t now);

  app::App& app_;
  HubOptions options_;
  mutable std::shared_mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<Connection>> by_id_;
  std::unordered_map<std::string, std::vector<std::shared_ptr<Connection>>> by_user_;
  std::atomic<int64_t> last_sweep_{0};
  // Serialises presence reports so the listener sees them in the order the state changed.
  std::mutex presence_mutex_;
  app::PresenceListener* presence_ = nullptr;
  std::unordered_set<std::string> reported_online_;  // users last reported online
};

// Serialises an event as "{...,"seq":" so that each connection appends its number.
std::string event_prefix(const std::string& name, const boost::json::object& data,
                         const app::Broadcast& b);

}  // namespace parley::ws
