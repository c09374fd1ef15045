// Sequence numbering, replay buffer and socket attachment for one connection.
#include "ws/connection.h"

#include "app/roles.h"

#include <string>

namespace parley::ws {

Connection::Connection(std::string id, std::string user_id, std::string session_id,
                       std::size_t buffer_size)
    : id_(std::move(id)),
      user_id_(std::move(user_id)),
      session_id_(std::move(session_id)),
      buffer_size_(buffer_size) {}

void Connection::deliver(std::string_view prefix) {
  std::shared_ptr<Socket> socket;
  std::shared_ptr<const std::string> text;
  {
    std::lock_guard lock(mutex_);
    int64_t seq = next_seq_++;
    std::string s;
    s.reserve(prefix.size() + 24);
    s.append(prefix).append(std::to_string(seq)).push_back('}');
    text = std::make_shared<const std::string>(std::move(s));
    buffer_.emplace_back(seq, text);
    if (buffer_.size() > buffer_size_) buffer_.pop_front();
    socket = socket_;
    // Sending under the lock keeps the socket's queue in sequence order.
    if (socket) socket->send(text);
  }
}

void Connection::reply(std::string text) {
  std::lock_guard lock(mutex_);
  if (socket_) socket_->send(std::make_shared<const std::string>(std::move(text)));
}

std::string Connection::session_id() const {
  std::lock_guard lock(mutex_);
  return session_id_;
}

bool Connection::can_manage_system() const {
  std::lock_guard lock(mutex_);
  return can_manage_system_;
}

void Connection::set_roles(std::string_view roles) {
  bool admin = app::roles_grant(roles, "manage_system");
  std::lock_guard lock(mutex_);
  can_manage_system_ = admin;
}

int64_t Connection::session_expires_at() const {
  std::lock_guard lock(mutex_);
  return session_expires_at_;
}

void Connection::set_session_expires_at(int64_t at) {
  std::lock_guard lock(mutex_);
  session_expires_at_ = at;
}

bool Connection::resume(std::shared_ptr<Socket> socket, int64_t from_seq,
                        const std::string& session_id) {
  std::lock_guard lock(mutex_);
  if (from_seq > next_seq_ || from_seq < 0) return false;
  if (from_seq < next_seq_ && (buffer_.empty() || buffer_.front().first > from_seq)) return false;
  if (socket_) socket_->close();
  socket_ = std::move(socket);
  session_id_ = session_id;
  detached_at_ = 0;
  for (const auto& [seq, text] : buffer_)
    if (seq >= from_seq) socket_->send(text);
  return true;
}

void Connection::attach(std::shared_ptr<Socket> socket) {
  std::lock_guard lock(mutex_);
  socket_ = std::move(socket);
  detached_at_ = 0;
}

bool Connection::detach(const Socket* socket, int64_t now) {
  std::lock_guard lock(mutex_);
  if (socket_.get() != socket) return false;
  socket_.reset();
  detached_at_ = now;
  return true;
}

bool Connection::attached() const {
  std::lock_guard lock(mutex_);
  return socket_ != nullptr;
}

bool Connection::expired(int64_t now, int64_t keep_ms) const {
  std::lock_guard lock(mutex_);
  return !socket_ && now - detached_at_ > keep_ms;
}

void Connection::close_socket() {
  std::shared_ptr<Socket> s;
  {
    std::lock_guard lock(mutex_);
    s = socket_;
  }
  if (s) s->close();
}

}  // namespace parley::ws
