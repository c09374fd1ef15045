// WsClient on a plain TCP socket: the upgrade request and frames (ws_frame.h) are written and
// read here. Each wake-up of a socket reads what it holds in one non-blocking read and hands out
// every whole message in it; writes go out at once when the socket takes them, the rest through
// one asynchronous write at a time. After the hello, a resumed connection keeps the same
// connection_id and the server replays what was missed.
#include "ws_client.h"
#include "ws_frame.h"

#include "util/base64.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <optional>
#include <random>
#include <stdexcept>

namespace loadgen {

namespace beast = boost::beast;
namespace json = boost::json;
using asio::use_awaitable;

namespace {

constexpr size_t kMaxMessage = 16 * 1024 * 1024;  // Beast's default read limit
constexpr size_t kReadSize = 4096;

// The connection failed in a way that is not a socket error: a bad frame, a refused upgrade, a
// close frame from the server.
struct ProtocolError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// One socket and its buffers; shared by the coroutines and handlers that use it.
struct Connection : std::enable_shared_from_this<Connection> {
  explicit Connection(asio::any_io_executor ex) : socket(ex) {}
  asio::ip::tcp::socket socket;
  beast::flat_buffer in;    // read, not yet cut into frames
  std::string message;      // a fragmented message's payload so far
  bool fragmented = false;  // inside a fragmented message
  bool message_done = false;
  std::string queued, sending;  // frames to write, and those being written
  std::string failure;          // why a write failed
  bool connecting = true;       // connect() has not finished: its deadline may close the socket
  bool deadline_passed = false;
  std::mt19937 masks{std::random_device{}()};

  void close() {
    boost::system::error_code ec;
    socket.close(ec);
  }

  void write(WsOpcode opcode, std::string_view payload) {
    uint32_t m = masks();
    queued += encode_ws_frame(opcode, payload,
                              {uint8_t(m), uint8_t(m >> 8), uint8_t(m >> 16), uint8_t(m >> 24)});
    flush();
  }

  // Sends what is queued unless a write is under way: at once what the socket takes, the rest
  // asynchronously, after which the next queued frames go.
  void flush() {
    if (!sending.empty() || queued.empty()) return;
    boost::system::error_code ec;
    size_t n = socket.write_some(asio::buffer(queued), ec);
    if (ec == asio::error::would_block) {
      n = 0;
    } else if (ec) {
      fail(ec);
      return;
    }
    queued.erase(0, n);
    if (queued.empty()) return;
    sending.swap(queued);
    asio::async_write(socket, asio::buffer(sending),
                      [self = shared_from_this()](boost::system::error_code ec, size_t) {
                        self->sending.clear();
                        if (ec) return self->fail(ec);
                        self->flush();
                      });
  }

  // A write failed: the connection is lost, and closing it ends the reads, which report it.
  void fail(boost::system::error_code ec) {
    if (failure.empty()) failure = "write: " + ec.message();
    close();
  }

  // Waits until the socket is readable, then reads what it holds (up to kReadSize). Bytes that
  // came while nothing waited, or that one read left, still wake the wait: Asio re-arms the
  // socket's epoll registration (EPOLL_CTL_MOD) when a wait starts with none pending.
  asio::awaitable<void> fill() {
    co_await socket.async_wait(asio::socket_base::wait_read, use_awaitable);
    boost::system::error_code ec;
    size_t n = socket.read_some(in.prepare(kReadSize), ec);
    if (ec == asio::error::would_block) co_return;  // woken without data: wait again
    if (ec) throw boost::system::system_error(ec);
    in.commit(n);
  }

  // The next whole message in `in`, valid until the next call; control frames are answered here.
  // nullopt when more bytes are needed.
  std::optional<std::string_view> next_message() {
    if (message_done) {
      message.clear();
      message_done = false;
    }
    for (;;) {
      auto data = in.cdata();
      std::string_view bytes(static_cast<const char*>(data.data()), data.size());
      auto decoded = decode_ws_frame(bytes, kMaxMessage);
      if (std::holds_alternative<WsNeedMore>(decoded)) return std::nullopt;
      if (auto* bad = std::get_if<WsBadFrame>(&decoded)) throw ProtocolError(bad->reason);
      auto frame = std::get<WsFrame>(decoded);
      // The bytes stay where they are until the next call's consume: the view remains valid.
      in.consume(frame.size);
      switch (frame.opcode) {
        case WsOpcode::ping:
          write(WsOpcode::pong, frame.payload);
          continue;
        case WsOpcode::pong:
          continue;
        case WsOpcode::close:
          write(WsOpcode::close, frame.payload.substr(0, 2));  // echo the status code
          throw ProtocolError("closed by the server");
        case WsOpcode::continuation:
          if (!fragmented) throw ProtocolError("continuation without a message");
          break;
        case WsOpcode::text:
        case WsOpcode::binary:
          if (fragmented) throw ProtocolError("new message inside a fragmented one");
          if (frame.fin) return frame.payload;
          fragmented = true;
          break;
      }
      message.append(frame.payload);
      if (message.size() > kMaxMessage) throw ProtocolError("message too large");
      if (frame.fin) {
        fragmented = false;
        message_done = true;
        return message;
      }
    }
  }
};

}  // namespace

struct WsClient::Impl {
  Impl(asio::any_io_executor ex, EventCache& ev, Target t, asio::ip::address src,
       std::chrono::milliseconds to, EventHandler h)
      : executor(ex),
        events_cache(ev),
        target(std::move(t)),
        source(src),
        timeout(to),
        on_event(std::move(h)) {}
  asio::any_io_executor executor;
  EventCache& events_cache;
  Target target;
  asio::ip::address source;
  std::chrono::milliseconds timeout;
  EventHandler on_event;
  std::function<bool(std::string_view)> raw;
  std::shared_ptr<Connection> conn;  // shared with its read loop and writes
  std::string connection_id;
  int64_t last_seq = -1;
  int64_t action_seq = 1;
  int64_t events = 0;
  int64_t replayed = 0;
  bool is_open = false;
  std::string failure;  // step and error of the last failed connect
  std::string lost;     // how the last read loop's connection was lost
  bool timed_out = false;

  std::string action_frame(std::string_view action, json::object data) {
    return json::serialize(
        json::object{{"seq", action_seq++}, {"action", action}, {"data", std::move(data)}});
  }

  // Parses one frame; returns the event name ("" for replies).
  std::string handle(std::string_view text) {
    if (raw && raw(text)) {
      ++events;
      return "raw";
    }
    int64_t seq = -1;
    const Event* e = events_cache.parse(text, seq);
    if (!e) return {};
    if (seq >= 0) last_seq = seq;
    if (e->name == "hello")
      if (auto* data = e->msg.if_contains("data"); data && data->is_object())
        if (auto* c = data->as_object().if_contains("connection_id"); c && c->is_string())
          connection_id = std::string(c->as_string());
    ++events;
    std::string name = e->name;
    if (on_event) on_event(*e);
    return name;
  }

  // The upgrade request; bytes after the response's header stay in conn.in.
  asio::awaitable<void> handshake(Connection& c, const std::string& path) {
    std::string key(16, '\0');
    for (auto& b : key) b = static_cast<char>(c.masks());
    std::string request = "GET " + path + " HTTP/1.1\r\nHost: " + target.host +
                          "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                          "Sec-WebSocket-Key: " +
                          parley::base64_encode(key) + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
    co_await asio::async_write(c.socket, asio::buffer(request), use_awaitable);
    for (;;) {
      auto data = c.in.cdata();
      std::string_view bytes(static_cast<const char*>(data.data()), data.size());
      if (auto end = bytes.find("\r\n\r\n"); end != std::string_view::npos) {
        if (!bytes.starts_with("HTTP/1.1 101 "))
          throw ProtocolError("upgrade refused: " + std::string(bytes.substr(0, bytes.find('\r'))));
        c.in.consume(end + 4);
        co_return;
      }
      if (bytes.size() > 16384) throw ProtocolError("upgrade response too long");
      co_await c.fill();
    }
  }
};

WsClient::WsClient(asio::any_io_executor ex, EventCache& events, Target target,
                   asio::ip::address source, std::chrono::milliseconds timeout,
                   EventHandler on_event)
    : impl_(std::make_shared<Impl>(ex, events, std::move(target), source, timeout,
                                   std::move(on_event))) {}
WsClient::~WsClient() {
  close();
}

void WsClient::set_raw_handler(std::function<bool(std::string_view)> raw) {
  impl_->raw = std::move(raw);
}
bool WsClient::open() const {
  return impl_->is_open;
}
const std::string& WsClient::connection_id() const {
  return impl_->connection_id;
}
int64_t WsClient::events_received() const {
  return impl_->events;
}
int64_t WsClient::missed_on_resume() const {
  return impl_->replayed;
}
const std::string& WsClient::lost_reason() const {
  return impl_->lost;
}
const std::string& WsClient::failure() const {
  return impl_->failure;
}
bool WsClient::timed_out() const {
  return impl_->timed_out;
}

void WsClient::close() {
  auto& d = *impl_;
  if (!d.conn) return;
  d.conn->close();
  d.is_open = false;
}

asio::awaitable<bool> WsClient::connect(const std::string& token) {
  auto keep = impl_;
  auto& d = *keep;
  close();
  auto conn = std::make_shared<Connection>(d.executor);
  d.conn = conn;
  d.failure.clear();
  d.lost.clear();
  d.timed_out = false;
  // Connecting, the upgrade and the hello must all be done within the timeout.
  asio::steady_timer deadline(d.executor, d.timeout);
  deadline.async_wait([conn](boost::system::error_code ec) {
    if (ec || !conn->connecting) return;
    conn->deadline_passed = true;
    conn->close();
  });
  const char* step = "connect";
  try {
    auto& sock = conn->socket;
    sock.open(d.target.server.protocol());
    sock.set_option(asio::socket_base::reuse_address(true));
    sock.bind(asio::ip::tcp::endpoint(d.source, 0));
    co_await sock.async_connect(d.target.server, use_awaitable);
    sock.set_option(asio::ip::tcp::no_delay(true));
    sock.non_blocking(true);
    std::string path = "/api/v4/websocket";
    if (!d.connection_id.empty())
      path += "?connection_id=" + d.connection_id +
              "&sequence_number=" + std::to_string(d.last_seq + 1);
    step = "handshake";
    co_await d.handshake(*conn, path);
    json::object credentials{{"token", token}};
    conn->write(WsOpcode::text, d.action_frame("authentication_challenge", std::move(credentials)));
    step = "hello";
    // A new connection gets `hello`; a resumed one (Mattermost sends no hello then) is confirmed
    // by the OK reply to the challenge. Replayed events may come first; they are counted.
    bool resuming = !d.connection_id.empty();
    int64_t before = d.events;
    for (;;) {
      auto text = conn->next_message();
      if (!text) {
        if (!conn->failure.empty()) throw ProtocolError(conn->failure);
        co_await conn->fill();
        continue;
      }
      auto name = d.handle(*text);
      bool confirmed = name == "hello";
      if (name.empty() && resuming) {
        boost::system::error_code ec;
        auto v = json::parse(*text, ec);
        if (!ec && v.is_object())
          if (auto* st = v.as_object().if_contains("status");
              st && st->is_string() && st->as_string() == "OK")
            confirmed = true;
      }
      if (confirmed) {
        conn->connecting = false;
        d.replayed = d.events - before - (name == "hello" ? 1 : 0);
        d.is_open = true;
        co_return true;
      }
    }
  } catch (const boost::system::system_error& e) {
    d.failure = e.code().message();
  } catch (const ProtocolError& e) {
    d.failure = e.what();
  }
  conn->connecting = false;
  d.timed_out = conn->deadline_passed;
  d.failure = std::string(step) + ": " + (d.timed_out ? "timed out" : d.failure);
  close();
  co_return false;
}

asio::awaitable<bool> WsClient::read_loop() {
  auto keep = impl_;
  auto& d = *keep;
  if (!d.conn || !d.is_open) co_return false;
  auto conn = d.conn;
  std::string reason;
  try {
    for (;;) {
      while (auto text = conn->next_message()) d.handle(*text);
      co_await conn->fill();
    }
  } catch (const boost::system::system_error& e) {
    reason = e.code() == asio::error::eof ? "closed by the server" : e.code().message();
  } catch (const ProtocolError& e) {
    reason = e.what();  // a bad frame, or a close frame
    conn->close();
  } catch (const std::exception& e) {
    // The handler failed on an event: without this the read loop would end unnoticed (a
    // detached coroutine drops its exception) while the socket stays open and unread.
    reason = std::string("handler: ") + e.what();
    conn->close();
  }
  if (!conn->failure.empty()) reason = conn->failure;
  // close() clears is_open before the read fails; a replaced connection is another one's.
  if (d.conn != conn || !d.is_open) co_return false;
  d.is_open = false;
  if (d.lost.empty()) d.lost = std::move(reason);
  co_return true;
}

void WsClient::send(std::string_view action, json::object data) {
  auto& d = *impl_;
  if (!d.conn || !d.is_open) return;
  d.conn->write(WsOpcode::text, d.action_frame(action, std::move(data)));
}

}  // namespace loadgen
