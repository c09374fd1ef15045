// One simulated user's WebSocket to /api/v4/websocket: authenticates with the
// authentication_challenge action, tracks connection_id and the last seq for resumption, and hands
// every server event, parsed by its event loop's EventCache, to a callback.
#pragma once

#include "event_cache.h"
#include "http_client.h"

#include <functional>
#include <memory>
#include <string>

namespace loadgen {

class WsClient {
 public:
  // The event lives only during the call (other frames replace it in the cache): copy what is
  // kept; copying a json value or object keeps its memory resource, so copy strings out instead.
  using EventHandler = std::function<void(const Event& event)>;
  // `events` belongs to the thread running `ex` and outlives the client.
  WsClient(asio::any_io_executor ex, EventCache& events, Target target, asio::ip::address source,
           std::chrono::milliseconds timeout, EventHandler on_event);
  ~WsClient();
  WsClient(const WsClient&) = delete;
  WsClient& operator=(const WsClient&) = delete;

  // Opens the socket (resuming with connection_id/sequence_number after a previous connection)
  // and waits for `hello`; false on failure, then failure() says at which step and why. open()
  // turns true when it succeeds.
  asio::awaitable<bool> connect(const std::string& token);
  const std::string& failure() const;
  bool timed_out() const;  // the last connect() failed by timeout
  // Reads until the socket closes; events go to the handler. Run it after connect(). Returns true
  // when the connection was lost (closed by the server or the network, or the handler threw: the
  // socket is then closed), false when this client closed or replaced it; lost_reason() then says
  // how.
  asio::awaitable<bool> read_loop();
  const std::string& lost_reason() const;
  // Sends an action such as user_typing once the connection is confirmed (nothing before, nor
  // after it closed): at once, or after the frames still being written.
  void send(std::string_view action, boost::json::object data);
  // Frames for which `raw` returns true are counted but not parsed (cheap fan-out counting).
  void set_raw_handler(std::function<bool(std::string_view)> raw);
  void close();
  bool open() const;
  const std::string& connection_id() const;
  int64_t events_received() const;
  int64_t missed_on_resume() const;  // events replayed after the last reconnect

 private:
  struct Impl;
  std::shared_ptr<Impl> impl_;
};

}  // namespace loadgen
