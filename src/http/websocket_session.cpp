// Beast WebSocket session: accept, authenticate, register with the hub, then read actions and
// write queued events on the session's strand: at once when no other write is under way, else
// after the one in flight, and the frames queued meanwhile go out together in the next write.
// Events are written without a coroutine per write and posted to the strand itself rather than
// through the socket's type-erased executor: every delivered event takes that path.
#include "http/websocket_session.h"

#include "api/auth_cookies.h"
#include "app/statuses.h"
#include "app/users.h"
#include "http/run_on.h"
#include "http/serial_stream.h"
#include "util/json.h"
#include "util/log.h"
#include "ws/actions.h"

#include <boost/asio/detached.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>

#include <deque>
#include <mutex>
#include <utility>
#include <vector>

namespace parley::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using asio::use_awaitable;
using Strand = asio::strand<asio::any_io_executor>;

class WsSession : public std::enable_shared_from_this<WsSession>, public ws::Socket {
 public:
  WsSession(Strand strand, asio::ip::tcp::socket socket, BeastRequest request, app::App& app,
            ws::Hub& hub, asio::io_context::executor_type worker, WebSocketOptions options)
      : strand_(std::move(strand)),
        ws_(std::move(socket)),
        request_(std::move(request)),
        app_(app),
        hub_(hub),
        worker_(worker),
        options_(options),
        auth_timer_(ws_.get_executor()) {}

  void start() {
    asio::co_spawn(
        ws_.get_executor(), [self = shared_from_this()] { return self->run(); }, asio::detached);
  }

  // Called from any thread. Frames gather in `incoming_`; only the first of a burst posts a
  // handler to the strand, which moves them all to the write queue.
  void send(ws::Frame frame) override {
    {
      std::lock_guard lock(incoming_mutex_);
      incoming_.push_back(std::move(frame));
      if (incoming_.size() > 1) return;
    }
    asio::post(strand_, [self = shared_from_this()] { self->take_incoming(); });
  }

  void close() override {
    asio::post(strand_, [self = shared_from_this()] { self->shutdown_socket(); });
  }

 private:
  asio::awaitable<void> run() {
    try {
      ws_.set_option(websocket::stream_base::timeout{
          std::chrono::seconds(30), std::chrono::seconds(options_.idle_timeout_seconds), true});
      ws_.read_message_max(1 << 20);
      ws_.text(true);
      co_await ws_.async_accept(request_, use_awaitable);
      // What the upgrade request says is read once it is accepted, and the request goes with the
      // locals of this block: an idle session keeps none of its headers.
      std::string token;
      {
        std::string remote;
        boost::system::error_code ec;
        auto ep = beast::get_lowest_layer(ws_).socket().remote_endpoint(ec);
        if (!ec) remote = ep.address().to_string();
        api::Request areq = to_api_request(std::exchange(request_, {}), remote);
        connection_id_ = std::string(areq.query_param("connection_id"));
        sequence_number_ = 0;
        if (auto s = areq.query_param("sequence_number"); !s.empty()) {
          try {
            sequence_number_ = std::stoll(std::string(s));
          } catch (...) {
            sequence_number_ = 0;
          }
        }
        token = api::token_from_request(areq).token;
      }
      // As Mattermost's pong handler: every pong (pings go out when the client has been quiet
      // for half the pong timeout) checks whether the user has been inactive long enough to be
      // set away; the check runs on the session's worker.
      ws_.control_callback([this](websocket::frame_type kind, beast::string_view) {
        if (kind != websocket::frame_type::pong || !session_) return;
        asio::post(worker_, [&app = app_, user = session_->user_id] {
          try {
            app::set_status_away_if_needed(app, user, false);
          } catch (const std::exception& e) {
            log::warn("automatic away check failed", {{"error", e.what()}});
          }
        });
      });

      if (!token.empty()) {
        auto s = co_await run_on(worker_, [&] { return app::session_from_token(app_, token); });
        if (s) register_session(std::move(s).value());
        token = std::string();
      }
      if (!conn_) arm_auth_timeout();

      beast::flat_buffer buffer;
      for (;;) {
        buffer.clear();
        co_await ws_.async_read(buffer, use_awaitable);
        std::string text = beast::buffers_to_string(buffer.data());
        if (!conn_) {
          co_await authenticate(text);
          continue;
        }
        auto reply = co_await run_on(
            worker_, [&] { return ws::handle_action(app_, hub_, *conn_, *session_, text); });
        if (!reply.empty()) enqueue(reply_frame(std::move(reply)));
      }
    } catch (const boost::system::system_error&) {
      // closed by the peer, a timeout, or shutdown
    } catch (const std::exception& e) {
      log::warn("websocket session ended", {{"error", e.what()}});
    }
    closed_ = true;
    auth_timer_.cancel();
    if (conn_) hub_.detach(conn_, this);
  }

  asio::awaitable<void> authenticate(const std::string& text) {
    auto v = json::parse(text);
    if (!v || !v->is_object()) co_return;
    const auto& o = v->get_object();
    int64_t seq = json::get_int(o, "seq", 0);
    if (json::get_string(o, "action") != "authentication_challenge") {
      enqueue(reply_frame(
          ws::fail_reply(seq, AppError::make("api.web_socket_router.not_authenticated.app_error",
                                             "WebSocket is not authenticated.", 401))));
      co_return;
    }
    std::string token;
    if (auto it = o.find("data"); it != o.end() && it->value().is_object())
      token = json::get_string(it->value().get_object(), "token");
    // The timeout bounds how long a client may stay silent, not how long the worker takes to
    // check its token (under a burst of bcrypt logins that can exceed it). The flag covers a
    // timer that expired before this ran: its handler is already queued and cancel() cannot
    // stop it.
    challenged_ = true;
    auth_timer_.cancel();
    auto s = co_await run_on(worker_, [&] { return app::session_from_token(app_, token); });
    if (!s) {
      log::debug("websocket closed: authentication challenge refused",
                 {{"error", s.error().id}, {"connection_id", connection_id_}});
      shutdown_socket();
      co_return;
    }
    register_session(std::move(s).value());
    enqueue(reply_frame(
        boost::json::serialize(boost::json::object{{"status", "OK"}, {"seq_reply", seq}})));
  }

  void register_session(model::Session s) {
    auth_timer_.cancel();
    session_ = std::move(s);
    auto attached = hub_.attach(shared_from_this(), *session_, connection_id_, sequence_number_);
    conn_ = attached.connection;
  }

  void arm_auth_timer_expired() {
    if (conn_ || challenged_) return;
    // Bytes waiting on the socket mean the client did speak and this strand is running late
    // (an overloaded server): give them the time to be read instead of closing.
    boost::system::error_code ec;
    if (beast::get_lowest_layer(ws_).socket().available(ec) > 0 && !ec) {
      arm_auth_timeout();
      return;
    }
    log::debug("websocket closed: no authentication challenge in time",
               {{"seconds", options_.auth_timeout_seconds}});
    shutdown_socket();
  }

  void arm_auth_timeout() {
    auth_timer_.expires_after(std::chrono::seconds(options_.auth_timeout_seconds));
    auth_timer_.async_wait([self = shared_from_this()](boost::system::error_code ec) {
      if (!ec) self->arm_auth_timer_expired();
    });
  }

  void take_incoming() {
    {
      std::lock_guard lock(incoming_mutex_);
      taken_.swap(incoming_);
    }
    for (auto& frame : taken_) enqueue(std::move(frame));
    taken_.clear();
  }

  static ws::Frame reply_frame(std::string text) {
    return ws::Frame{std::make_shared<const std::string>(std::move(text))};
  }

  void enqueue(ws::Frame frame) {
    if (closed_) return;
    if (queue_.size() >= options_.max_queue) {
      log::warn("websocket consumer too slow; closing",
                {{"user_id", session_ ? session_->user_id : ""}});
      shutdown_socket();
      return;
    }
    queue_.push_back(std::move(frame));
    if (!writing_) {
      writing_ = true;
      write_next();
    }
  }

  // Frames every queued message (up to kBatchBytes) into one buffer and writes it with one
  // call: one system call and one TCP segment train for a burst instead of one per message.
  // When no other write is under way the batch is written at once, without waiting (the socket
  // almost always has room): no asynchronous operation, completion or handler for it. Whatever
  // the socket did not take is written asynchronously, and that completion writes the next
  // batch. The buffer is freed once the queue is empty: tens of thousands of mostly idle
  // connections must not each keep the largest burst they ever wrote.
  void write_next() {
    constexpr std::size_t kBatchBytes = 64 * 1024;
    constexpr std::size_t kMaxHeaderBytes = 10;
    while (!queue_.empty() && !closed_) {
      std::size_t count = 0, bytes = 0;
      for (const auto& frame : queue_) {
        if (bytes >= kBatchBytes) break;
        bytes += frame.size() + kMaxHeaderBytes;
        ++count;
      }
      batch_.clear();
      batch_.reserve(bytes);
      for (; count > 0; --count) {
        const ws::Frame& frame = queue_.front();
        append_text_frame_header(batch_, frame.size());
        frame.append_to(batch_);
        queue_.pop_front();
      }
      std::size_t written = ws_.next_layer().write_now(batch_);
      if (written == batch_.size()) continue;
      ws_.next_layer().async_write_some(
          asio::buffer(batch_) + written,
          [self = shared_from_this()](boost::system::error_code ec, std::size_t) {
            // A closed session's write_next ends the chain and frees the batch.
            if (ec) self->shutdown_socket();
            self->write_next();
          });
      return;
    }
    writing_ = false;
    batch_ = std::string();
  }

  void shutdown_socket() {
    if (closed_) return;
    closed_ = true;
    queue_.clear();
    boost::system::error_code ec;
    beast::get_lowest_layer(ws_).socket().shutdown(asio::ip::tcp::socket::shutdown_both, ec);
    beast::get_lowest_layer(ws_).close();
  }

  Strand strand_;  // the socket's, as a concrete type
  websocket::stream<SerialStream> ws_;
  BeastRequest request_;
  app::App& app_;
  ws::Hub& hub_;
  asio::io_context::executor_type worker_;  // runs handlers
  WebSocketOptions options_;
  asio::steady_timer auth_timer_;
  std::optional<model::Session> session_;
  std::shared_ptr<ws::Connection> conn_;
  std::string connection_id_;
  int64_t sequence_number_ = 0;
  std::deque<ws::Frame> queue_;
  std::string batch_;  // the batch being written
  std::mutex incoming_mutex_;
  std::vector<ws::Frame> incoming_;  // sent, not yet on the strand
  std::vector<ws::Frame> taken_;     // reused by take_incoming
  bool writing_ = false;
  bool closed_ = false;
  bool challenged_ = false;  // an authentication challenge arrived (its token may be checking)
};

}  // namespace

void start_websocket(asio::ip::tcp::socket socket, BeastRequest request, app::App& app,
                     ws::Hub& hub, asio::io_context::executor_type worker,
                     WebSocketOptions options) {
  // Each session runs on its own strand.
  auto strand = asio::make_strand(socket.get_executor());
  asio::ip::tcp::socket on_strand(strand);
  auto protocol = socket.local_endpoint().protocol();
  on_strand.assign(protocol, socket.release());
  std::make_shared<WsSession>(strand, std::move(on_strand), std::move(request), app, hub, worker,
                              options)
      ->start();
}

}  // namespace parley::http
