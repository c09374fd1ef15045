// WsClient on Beast's websocket stream. After the hello, a resumed connection keeps the same
// connection_id and the server replays what was missed; seq gaps are counted as errors.
#include "ws_client.h"

#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace loadgen {

namespace beast = boost::beast;
namespace websocket = beast::websocket;
namespace json = boost::json;
using asio::use_awaitable;

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
  std::shared_ptr<websocket::stream<beast::tcp_stream>> ws;  // shared with its read loop
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
  if (!d.ws) return;
  beast::error_code ec;
  beast::get_lowest_layer(*d.ws).socket().close(ec);
  d.is_open = false;
}

asio::awaitable<bool> WsClient::connect(const std::string& token) {
  auto keep = impl_;
  auto& d = *keep;
  close();
  d.ws = std::make_shared<websocket::stream<beast::tcp_stream>>(d.executor);
  beast::flat_buffer buffer;
  d.failure.clear();
  d.lost.clear();
  d.timed_out = false;
  const char* step = "connect";
  try {
    auto& sock = beast::get_lowest_layer(*d.ws).socket();
    sock.open(d.target.server.protocol());
    sock.set_option(asio::socket_base::reuse_address(true));
    sock.bind(asio::ip::tcp::endpoint(d.source, 0));
    beast::get_lowest_layer(*d.ws).expires_after(d.timeout);
    co_await beast::get_lowest_layer(*d.ws).async_connect(d.target.server, use_awaitable);
    std::string path = "/api/v4/websocket";
    if (!d.connection_id.empty())
      path += "?connection_id=" + d.connection_id +
              "&sequence_number=" + std::to_string(d.last_seq + 1);
    step = "handshake";
    co_await d.ws->async_handshake(d.target.host, path, use_awaitable);
    beast::get_lowest_layer(*d.ws).expires_never();
    websocket::stream_base::timeout waiting{d.timeout, d.timeout, false};  // hello must come
    d.ws->set_option(waiting);
    // Written here rather than by send(), which waits for the connection to be confirmed: the
    // user's actions may send meanwhile, and Beast allows one write at a time.
    json::object credentials{{"token", token}};
    auto challenge = d.action_frame("authentication_challenge", std::move(credentials));
    co_await d.ws->async_write(asio::buffer(challenge), use_awaitable);
    step = "hello";
    // A new connection gets `hello`; a resumed one (Mattermost sends no hello then) is confirmed
    // by the OK reply to the challenge. Replayed events may come first; they are counted.
    bool resuming = !d.connection_id.empty();
    int64_t before = d.events;
    for (;;) {
      buffer.clear();
      co_await d.ws->async_read(buffer, use_awaitable);
      auto text = beast::buffers_to_string(buffer.data());
      auto name = d.handle(text);
      bool confirmed = name == "hello";
      if (name.empty() && resuming) {
        boost::system::error_code ec;
        auto v = json::parse(text, ec);
        if (!ec && v.is_object())
          if (auto* st = v.as_object().if_contains("status");
              st && st->is_string() && st->as_string() == "OK")
            confirmed = true;
      }
      if (confirmed) {
        d.replayed = d.events - before - (name == "hello" ? 1 : 0);
        d.ws->set_option(
            websocket::stream_base::timeout{d.timeout, websocket::stream_base::none(), false});
        d.is_open = true;
        co_return true;
      }
    }
  } catch (const boost::system::system_error& e) {
    d.timed_out = e.code() == beast::error::timeout;
    d.failure = std::string(step) + ": " + e.code().message();
  }
  close();
  co_return false;
}

asio::awaitable<bool> WsClient::read_loop() {
  auto keep = impl_;
  auto& d = *keep;
  if (!d.ws || !d.is_open) co_return false;
  auto ws = d.ws;
  beast::flat_buffer buffer;
  std::string reason;
  try {
    for (;;) {
      buffer.clear();
      co_await ws->async_read(buffer, use_awaitable);
      auto frame = buffer.data();  // a flat_buffer's bytes are contiguous: no copy
      d.handle(std::string_view(static_cast<const char*>(frame.data()), frame.size()));
    }
  } catch (const boost::system::system_error& e) {
    reason = e.code().message();
  } catch (const std::exception& e) {
    // The handler failed on an event: without this the read loop would end unnoticed (a
    // detached coroutine drops its exception) while the socket stays open and unread.
    reason = std::string("handler: ") + e.what();
    beast::error_code ec;
    beast::get_lowest_layer(*ws).socket().close(ec);
  }
  // close() clears is_open before the read fails; a replaced stream is another connection's.
  if (d.ws != ws || !d.is_open) co_return false;
  d.is_open = false;
  if (d.lost.empty()) d.lost = std::move(reason);
  co_return true;
}

asio::awaitable<void> WsClient::send(std::string_view action, json::object data) {
  auto keep = impl_;
  auto& d = *keep;
  if (!d.ws || !d.is_open) co_return;
  auto ws = d.ws;
  auto text = d.action_frame(action, std::move(data));
  try {
    co_await ws->async_write(asio::buffer(text), use_awaitable);
  } catch (const boost::system::system_error& e) {
    // The connection is lost: closing the socket ends the read loop, which reports it.
    if (d.ws == ws && d.is_open) {
      d.lost = std::string("write: ") + e.code().message();
      beast::error_code ec;
      beast::get_lowest_layer(*ws).socket().close(ec);
    }
  }
}

}  // namespace loadgen
