// Hub registration, routing of events to connections, and expiry of dropped connections.
#include "ws/hub.h"

#include "store/session_store.h"
#include "util/ids.h"

#include <boost/json/serialize.hpp>

#include <algorithm>
#include <mutex>

#include <unistd.h>

namespace parley::ws {

std::string event_prefix(const std::string& name, const boost::json::object& data,
                         const app::Broadcast& b) {
  boost::json::object broadcast{{"user_id", b.user_id},
                                {"channel_id", b.channel_id},
                                {"team_id", b.team_id},
                                {"connection_id", b.connection_id},
                                {"omit_connection_id", b.omit_connection_id}};
  if (b.omit_users.empty()) {
    broadcast["omit_users"] = nullptr;
  } else {
    boost::json::object omit;
    for (const auto& u : b.omit_users) omit[u] = true;
    broadcast["omit_users"] = std::move(omit);
  }
  boost::json::object o{{"event", name}, {"data", data}, {"broadcast", std::move(broadcast)}};
  std::string s = boost::json::serialize(o);
  s.pop_back();  // drop the closing brace
  s += ",\"seq\":";
  return s;
}

Hub::Hub(app::App& app, HubOptions options) : app_(app), options_(options) {}

Hub::Attached Hub::attach(std::shared_ptr<Socket> socket, const model::Session& session,
                          std::string_view connection_id, int64_t sequence_number) {
  int64_t now = now_ms();
  sweep(now);
  if (!connection_id.empty()) {
    std::shared_ptr<Connection> old;
    {
      std::shared_lock lock(mutex_);
      auto it = by_id_.find(std::string(connection_id));
      if (it != by_id_.end()) old = it->second;
    }
    if (old && old->user_id() == session.user_id) {
      old->set_roles(session.roles);  // the user's current roles, whichever session resumes
      if (old->resume(socket, sequence_number, session.id)) {
        old->set_session_expires_at(session.expires_at);
        old->set_last_activity_at(now);
        update_presence(old->user_id(), true);
        return {old, true};
      }
    }
  }
  auto conn =
      std::make_shared<Connection>(new_id(), session.user_id, session.id, options_.buffer_size);
  conn->set_roles(session.roles);
  conn->set_session_expires_at(session.expires_at);
  conn->set_last_activity_at(now);
  conn->attach(std::move(socket));
  {
    std::unique_lock lock(mutex_);
    by_id_[conn->id()] = conn;
    by_user_[conn->user_id()].push_back(conn);
  }
  char host[256] = {};
  if (gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
  app::Broadcast b;
  b.user_id = session.user_id;
  conn->deliver(
      std::make_shared<const std::string>(event_prefix("hello",
                                                       {{"server_version", app_.version_header()},
                                                        {"connection_id", conn->id()},
                                                        {"server_hostname", std::string(host)}},
                                                       b)));
  update_presence(conn->user_id(), true);
  return {conn, false};
}

void Hub::detach(const std::shared_ptr<Connection>& c, const Socket* socket) {
  int64_t now = now_ms();
  if (!c->detach(socket, now)) return;
  update_presence(c->user_id());
  check_idle(c->user_id(), now);
}

void Hub::check_idle(const std::string& user_id, int64_t now) {
  int64_t latest = 0;
  bool any = false;
  {
    std::shared_lock lock(mutex_);
    auto it = by_user_.find(user_id);
    if (it == by_user_.end()) return;
    for (const auto& c : it->second) {
      if (!c->attached()) continue;
      any = true;
      latest = std::max(latest, c->last_activity_at());
    }
  }
  if (!any) return;
  if (now - latest < app_.config()->team.user_status_away_timeout * 1000) return;
  std::lock_guard lock(presence_mutex_);
  if (presence_) presence_->connections_idle(user_id, latest);
}

void Hub::user_activity(const std::string& user_id, const std::string& session_id, int64_t at) {
  std::shared_lock lock(mutex_);
  auto it = by_user_.find(user_id);
  if (it == by_user_.end()) return;
  for (const auto& c : it->second)
    if (c->attached() && c->session_id() == session_id) c->set_last_activity_at(at);
}

void Hub::set_presence_listener(app::PresenceListener* listener) {
  std::lock_guard lock(presence_mutex_);
  presence_ = listener;
  reported_online_.clear();
}

void Hub::update_presence(const std::string& user_id, bool attached) {
  std::lock_guard lock(presence_mutex_);
  if (!presence_) return;
  bool online = is_online(user_id);
  bool reported = reported_online_.count(user_id) > 0;
  if (online == reported && !(online && attached)) return;
  if (online)
    reported_online_.insert(user_id);
  else
    reported_online_.erase(user_id);
  presence_->presence_changed(user_id, online);
}

std::vector<std::shared_ptr<Connection>> Hub::targets(const app::Event& e) const {
  std::vector<std::shared_ptr<Connection>> out;
  const auto& b = e.broadcast;
  std::shared_lock lock(mutex_);
  auto add_user = [&](const std::string& user) {
    if (b.omit_users.count(user)) return;
    auto it = by_user_.find(user);
    if (it == by_user_.end()) return;
    for (const auto& c : it->second) out.push_back(c);
  };
  if (!b.connection_id.empty()) {
    auto it = by_id_.find(b.connection_id);
    if (it != by_id_.end()) out.push_back(it->second);
  } else if (!b.user_id.empty()) {
    add_user(b.user_id);
  } else if (e.recipients) {
    for (const auto& u : *e.recipients) add_user(u);
  } else {
    for (const auto& [user, conns] : by_user_) add_user(user);
  }
  if (!b.omit_connection_id.empty())
    std::erase_if(out, [&](const auto& c) { return c->id() == b.omit_connection_id; });
  if (b.sensitive) std::erase_if(out, [](const auto& c) { return !c->can_manage_system(); });
  if (b.sanitized) std::erase_if(out, [](const auto& c) { return c->can_manage_system(); });
  return out;
}

void Hub::publish(app::Event e) {
  int64_t now = now_ms();
  if (now - last_sweep_ > 10'000) sweep(now);
  auto conns = targets(e);
  drop_unauthenticated(conns, now);
  if (conns.empty()) return;
  // One text for everyone; a personal one (mentions/followers naming only the recipient) for
  // the users an event names.
  auto common = std::make_shared<const std::string>(event_prefix(e.name, e.data, e.broadcast));
  auto personal = [&](const std::string& user) -> std::shared_ptr<const std::string> {
    bool mentioned = std::find(e.mentions.begin(), e.mentions.end(), user) != e.mentions.end();
    bool follower = std::find(e.followers.begin(), e.followers.end(), user) != e.followers.end();
    if (!mentioned && !follower) return common;
    auto data = e.data;
    std::string me = boost::json::serialize(boost::json::array{boost::json::value(user)});
    if (mentioned) data["mentions"] = me;
    if (follower) data["followers"] = me;
    return std::make_shared<const std::string>(event_prefix(e.name, data, e.broadcast));
  };
  bool per_user = !e.mentions.empty() || !e.followers.empty();
  for (const auto& c : conns) c->deliver(per_user ? personal(c->user_id()) : common);
}

void Hub::drop_unauthenticated(std::vector<std::shared_ptr<Connection>>& conns, int64_t now) {
  std::vector<std::shared_ptr<Connection>> dead;
  std::erase_if(conns, [&](const std::shared_ptr<Connection>& c) {
    int64_t at = c->session_expires_at();
    if (at == 0 || now <= at) return false;
    auto s = app_.store().sessions().get(c->session_id());
    if (s && !s->is_expired(now)) {
      c->set_session_expires_at(s->expires_at);
      return false;
    }
    dead.push_back(c);
    return true;
  });
  if (dead.empty()) return;
  // Forgotten, not just closed: a later resume would otherwise continue the numbering over
  // the events this connection was not allowed to see.
  {
    std::unique_lock lock(mutex_);
    for (const auto& c : dead) {
      by_id_.erase(c->id());
      if (auto it = by_user_.find(c->user_id()); it != by_user_.end()) {
        std::erase(it->second, c);
        if (it->second.empty()) by_user_.erase(it);
      }
    }
  }
  for (const auto& c : dead) c->close_socket();
}

void Hub::sweep(int64_t now) {
  std::unique_lock lock(mutex_);
  last_sweep_ = now;
  for (auto it = by_id_.begin(); it != by_id_.end();) {
    if (it->second->expired(now, options_.keep_ms)) {
      auto& list = by_user_[it->second->user_id()];
      std::erase(list, it->second);
      if (list.empty()) by_user_.erase(it->second->user_id());
      it = by_id_.erase(it);
    } else {
      ++it;
    }
  }
}

void Hub::close_session(std::string_view session_id) {
  std::vector<std::shared_ptr<Connection>> conns;
  {
    std::shared_lock lock(mutex_);
    for (const auto& [id, c] : by_id_)
      if (c->session_id() == session_id) conns.push_back(c);
  }
  for (const auto& c : conns) c->close_socket();
}

void Hub::close_user(std::string_view user_id) {
  std::vector<std::shared_ptr<Connection>> conns;
  {
    std::shared_lock lock(mutex_);
    if (auto it = by_user_.find(std::string(user_id)); it != by_user_.end()) conns = it->second;
  }
  for (const auto& c : conns) c->close_socket();
}

void Hub::user_roles_changed(const std::string& user_id, const std::string& roles) {
  std::shared_lock lock(mutex_);
  if (auto it = by_user_.find(user_id); it != by_user_.end())
    for (const auto& c : it->second) c->set_roles(roles);
}

void Hub::shutdown() {
  std::vector<std::shared_ptr<Connection>> conns;
  {
    std::shared_lock lock(mutex_);
    for (const auto& [id, c] : by_id_) conns.push_back(c);
  }
  for (const auto& c : conns) c->close_socket();
}

std::size_t Hub::connection_count() const {
  std::shared_lock lock(mutex_);
  return by_id_.size();
}

bool Hub::is_online(std::string_view user_id) const {
  std::shared_lock lock(mutex_);
  auto it = by_user_.find(std::string(user_id));
  if (it == by_user_.end()) return false;
  return std::any_of(it->second.begin(), it->second.end(),
                     [](const auto& c) { return c->attached(); });
}

}  // namespace parley::ws
