// One logical WebSocket connection: its id, user, sequence counter and the ring buffer of recent
// events that lets a client resume after a reconnect. The socket comes and goes; the connection
// outlives it for ParleySettings.ReconnectBufferSeconds.
#pragma once

#include <atomic>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

namespace parley::ws {

// One message on its way to a socket. An event's text is shared by every connection it goes to
// and ends with `"seq":`; each connection's number and the closing brace are written after it
// (seq >= 0). A reply is complete as it is (seq < 0).
struct Frame {
  std::shared_ptr<const std::string> text;
  int64_t seq = -1;

  std::size_t size() const;
  void append_to(std::string& out) const;
  std::string str() const;
};

// What the hub needs from a live socket. Implementations are thread-safe and never block.
class Socket {
 public:
  virtual ~Socket() = default;
  virtual void send(Frame frame) = 0;
  virtual void close() = 0;
};

class Connection {
 public:
  Connection(std::string id, std::string user_id, std::string session_id, std::size_t buffer_size);

  const std::string& id() const { return id_; }
  const std::string& user_id() const { return user_id_; }
  // The session of the socket attached last (a resume may come from a newer session).
  std::string session_id() const;
  // Whether that session's system roles grant manage_system (for sensitive/sanitized events).
  bool can_manage_system() const;
  void set_roles(std::string_view roles);
  // When that session expires (0 = never), as last read from the session.
  int64_t session_expires_at() const;
  void set_session_expires_at(int64_t at);

  // When the user last acted through this connection's session (set when a socket attaches).
  int64_t last_activity_at() const { return last_activity_at_.load(); }
  void set_last_activity_at(int64_t at) { last_activity_at_.store(at); }

  // Numbers an event (prefix is the event JSON without its closing "seq":N}, shared with the
  // other connections it goes to), keeps it for replay, and sends it when a socket is attached.
  void deliver(std::shared_ptr<const std::string> prefix);

  // Attaches a socket authenticated by `session_id` and replays from `from_seq`; false (and
  // nothing changed) when those events are gone.
  bool resume(std::shared_ptr<Socket> socket, int64_t from_seq, const std::string& session_id);
  void attach(std::shared_ptr<Socket> socket);
  // Detaches `socket` if it is the current one; returns true when it was.
  bool detach(const Socket* socket, int64_t now);
  bool attached() const;
  // True when detached for longer than `keep_ms`.
  bool expired(int64_t now, int64_t keep_ms) const;
  void close_socket();

 private:
  const std::string id_;
  const std::string user_id_;
  std::string session_id_;
  bool can_manage_system_ = false;
  int64_t session_expires_at_ = 0;
  const std::size_t buffer_size_;
  mutable std::mutex mutex_;
  int64_t next_seq_ = 0;
  std::deque<Frame> buffer_;  // the last buffer_size_ events, for replay
  std::shared_ptr<Socket> socket_;
  int64_t detached_at_ = 0;
  std::atomic<int64_t> last_activity_at_{0};
};

}  // namespace parley::ws
