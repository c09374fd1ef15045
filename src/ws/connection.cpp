// Sequence numbering, replay buffer and socket attachment for one connection.
#include "ws/connection.h"

#include "app/roles.h"

#include <charconv>
#include <string>

namespace parley::ws {

namespace {

// The decimal digits of a sequence number.
struct SeqDigits {
  explicit SeqDigits(int64_t seq) { end = std::to_chars(buf, buf + sizeof buf, seq).ptr; }
  std::string_view view() const { return {buf, static_cast<std::size_t>(end - buf)}; }
  char buf[20];
  char* end;
};

}  // namespace

std::size_t Frame::size() const {
  return seq < 0 ? text->size() : text->size() + SeqDigits(seq).view().size() + 1;
}

void Frame::append_to(std::string& out) const {
  out.append(*text);
  if (seq < 0) return;
  out.append(SeqDigits(seq).view()).push_back('}');
}

std::string Frame::str() const {
  std::string s;
  s.reserve(size());
  append_to(s);
  return s;
}

Connection::Connection(std::string id, std::string user_id, std::string session_id,
                       std::size_t buffer_size)
    : id_(std::move(id)),
      user_id_(std::move(user_id)),
      session_id_(std::move(session_id)),
      buffer_size_(buffer_size) {}

void Connection::deliver(std::shared_ptr<const std::string> prefix) {
  std::lock_guard lock(mutex_);
  Frame frame{std::move(prefix), next_seq_++};
  // Sending under the lock keeps the socket's queue in sequence order.
  if (socket_) socket_->send(frame);
  buffer_.push_back(std::move(frame));
  if (buffer_.size() > buffer_size_) buffer_.pop_front();
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
  if (from_seq < next_seq_ && (buffer_.empty() || buffer_.front().seq > from_seq)) return false;
  if (socket_) socket_->close();
  socket_ = std::move(socket);
  session_id_ = session_id;
  detached_at_ = 0;
  for (const auto& frame : buffer_)
    if (frame.seq >= from_seq) socket_->send(frame);
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
