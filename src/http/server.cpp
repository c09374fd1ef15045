// Listener, HTTP sessions (C++20 coroutines on Beast, each connection on one worker loop that also
// runs its handlers), graceful shutdown on SIGINT/SIGTERM.
#include "http/server.h"

#include "api/origin.h"
#include "api/respond.h"
#include "http/convert.h"
#include "http/run_on.h"
#include "http/websocket_session.h"
#include "util/app_error.h"
#include "util/log.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ip/v6_only.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket/rfc6455.hpp>

#include <sys/socket.h>

#include <atomic>
#include <cerrno>
#include <optional>
#include <thread>
#include <vector>

namespace parley::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using asio::use_awaitable;
using asio::ip::tcp;

asio::ip::tcp::endpoint parse_listen_address(const std::string& addr) {
  std::string host;
  std::string port;
  if (!addr.empty() && addr.front() == '[') {
    auto close = addr.find(']');
    host = addr.substr(1, close - 1);
    port = addr.substr(close + 2);
  } else {
    auto colon = addr.rfind(':');
    host = colon == std::string::npos ? "" : addr.substr(0, colon);
    port = colon == std::string::npos ? addr : addr.substr(colon + 1);
  }
  auto address = host.empty() ? asio::ip::address(asio::ip::address_v6::any())
                              : asio::ip::make_address(host == "localhost" ? "127.0.0.1" : host);
  return {address, static_cast<unsigned short>(std::stoi(port.empty() ? "8065" : port))};
}

// Whether the peer has closed its side (an orderly close or a reset): peeks without reading
// and without waiting, so a pipelined request stays in the socket.
bool peer_closed(tcp::socket& socket) {
  char byte;
  ssize_t n = ::recv(socket.native_handle(), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
  return n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR);
}

}  // namespace

struct Server::Impl {
  Impl(ServerOptions o, api::Api& api, ws::Hub& hub, app::App& app)
      : options(std::move(o)),
        api(api),
        hub(hub),
        app(app),
        io_threads(options.io_threads > 0 ? options.io_threads
                                          : std::max(1u, std::thread::hardware_concurrency())),
        ioc(io_threads),
        password_workers(io_threads * 2),
        acceptor(ioc) {
    int n = options.worker_threads > 0 ? options.worker_threads : io_threads * 4;
    for (int i = 0; i < n; ++i) {
      // One thread each: the hint lets Asio skip the locking a shared queue needs.
      workers.push_back(std::make_unique<asio::io_context>(1));
      worker_guards.push_back(asio::make_work_guard(*workers.back()));
    }
  }

  // The worker loops in turn.
  asio::io_context& next_worker() { return *workers[next_worker_index++ % workers.size()]; }

  // Each HTTP connection lives on one worker loop (one thread, its own epoll and timers) and runs
  // its handlers inline: a request costs no hop between threads, and no lock or queue is shared
  // between connections of different loops. A handler that blocks (on the database) holds up
  // only its loop's connections. WebSocket connections are moved to the I/O context on upgrade.
  asio::awaitable<void> accept_loop() {
    for (;;) {
      tcp::socket socket(next_worker());
      try {
        co_await acceptor.async_accept(socket, use_awaitable);
      } catch (const boost::system::system_error&) {
        if (stopping) co_return;
        continue;
      }
      boost::system::error_code ec;
      socket.set_option(tcp::no_delay(true), ec);
      asio::co_spawn(socket.get_executor(), session(std::move(socket)), asio::detached);
    }
  }

  asio::awaitable<void> write(beast::tcp_stream& stream, api::Response& r, bool keep_alive,
                              unsigned version, bool head) {
    if (r.file) {
      bhttp::response<bhttp::file_body> res{static_cast<bhttp::status>(r.status), version};
      beast::error_code ec;
      res.body().open(r.file->c_str(), beast::file_mode::scan, ec);
      if (ec) {
        r.file.reset();
        r.status = 404;
        r.content_type = "text/plain; charset=utf-8";
        r.body = "404 page not found\n";
      } else {
        res.set(bhttp::field::content_type, r.content_type);
        for (const auto& [k, v] : r.headers) res.insert(k, v);
        res.keep_alive(keep_alive);
        res.prepare_payload();
        if (head) {
          bhttp::response<bhttp::empty_body> h{res.result(), version};
          h.base() = res.base();
          co_await bhttp::async_write(stream, h, use_awaitable);
        } else {
          co_await bhttp::async_write(stream, res, use_awaitable);
        }
        co_return;
      }
    }
    bhttp::response<bhttp::string_body> res{static_cast<bhttp::status>(r.status), version};
    res.set(bhttp::field::content_type, r.content_type);
    for (const auto& [k, v] : r.headers) res.insert(k, v);
    res.keep_alive(keep_alive);
    res.body() = std::move(r.body);
    res.prepare_payload();
    if (head) res.body().clear();
    bhttp::serializer<false, bhttp::string_body> sr{res};
    if (head) {
      sr.split(true);
      co_await bhttp::async_write_header(stream, sr, use_awaitable);
    } else {
      co_await bhttp::async_write(stream, sr, use_awaitable);
    }
  }

  // Counts a request in flight for the lifetime of the object.
  struct ActiveRequest {
    explicit ActiveRequest(std::atomic<int>& n) : n(n) { ++n; }
    ~ActiveRequest() { --n; }
    ActiveRequest(const ActiveRequest&) = delete;
    ActiveRequest& operator=(const ActiveRequest&) = delete;
    std::atomic<int>& n;
  };

  // A request Beast could not parse (as opposed to a closed or timed-out connection).
  static bool is_parse_error(const beast::error_code& ec) {
    return ec.category() == bhttp::make_error_code(bhttp::error::bad_target).category() &&
           ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message;
  }

  // Go's net/http answers unparseable requests with a bare text/plain 400 (431 for oversized
  // headers) and closes the connection; so does Parley.
  asio::awaitable<void> write_plain_error(beast::tcp_stream& stream, const beast::error_code& ec) {
    bool too_big = ec == bhttp::error::header_limit;
    bhttp::response<bhttp::string_body> res{
        too_big ? bhttp::status::request_header_fields_too_large : bhttp::status::bad_request, 11};
    res.set(bhttp::field::content_type, "text/plain; charset=utf-8");
    res.body() = too_big ? "431 Request Header Fields Too Large" : "400 Bad Request";
    res.keep_alive(false);
    res.prepare_payload();
    beast::error_code ignored;
    co_await bhttp::async_write(stream, res, asio::redirect_error(use_awaitable, ignored));
  }

  asio::awaitable<void> session(tcp::socket socket) {
    std::string remote;
    boost::system::error_code ec;
    auto ep = socket.remote_endpoint(ec);
    if (!ec) remote = ep.address().to_string();
    beast::tcp_stream stream(std::move(socket));
    beast::flat_buffer buffer;
    try {
      for (bool first = true;; first = false) {
        bhttp::request_parser<bhttp::string_body> parser;
        parser.header_limit(64 * 1024);
        parser.body_limit(boost::none);
        // The first request gets the read timeout; a kept-alive connection waiting for its next
        // one is closed after the idle timeout, so idle clients do not hold file descriptors.
        stream.expires_after(std::chrono::seconds(first ? options.read_timeout_seconds
                                                        : options.idle_timeout_seconds));
        beast::error_code header_ec;
        co_await bhttp::async_read_header(stream, buffer, parser,
                                          asio::redirect_error(use_awaitable, header_ec));
        if (header_ec) {
          if (is_parse_error(header_ec)) co_await write_plain_error(stream, header_ec);
          break;
        }
        // From here until the response is written the request counts as in flight: a stop
        // waits for it, including a body still arriving.
        ActiveRequest active(inflight);
        auto& header = parser.get();
        std::string_view target = header.target();
        if (static_cast<int64_t>(target.size()) > options.max_url_length) {
          api::Response r = api.reject(
              AppError::make("api.context.url_too_long.app_error", "URL is too long.", 414));
          co_await write(stream, r, false, header.version(), false);
          break;
        }
        std::string path(target.substr(0, target.find('?')));
        auto traits = api.route_traits(header.method_string(), path);
        std::size_t limit = traits.body_limit;
        if (header.has_content_length() && parser.content_length() &&
            *parser.content_length() > limit) {
          api::Response r = api.reject(api.body_too_large(header.method_string(), path));
          co_await write(stream, r, false, header.version(), false);
          break;
        }
        parser.body_limit(limit);
        beast::error_code read_ec;
        co_await bhttp::async_read(stream, buffer, parser,
                                   asio::redirect_error(use_awaitable, read_ec));
        if (read_ec == bhttp::error::body_limit) {
          api::Response r = api.reject(api.body_too_large(header.method_string(), path));
          co_await write(stream, r, false, header.version(), false);
          break;
        }
        if (read_ec) {
          if (is_parse_error(read_ec)) co_await write_plain_error(stream, read_ec);
          break;
        }
        // Upgrades are handed over only after their (size-limited) body has been read.
        if (beast::websocket::is_upgrade(header) &&
            (path == "/api/v4/websocket" || path == "/api/v4/websocket/")) {
          if (!api::websocket_origin_allowed(*app.config(), header[bhttp::field::origin],
                                             header[bhttp::field::host])) {
            api::Response r = api.reject(
                AppError::make("api.web_socket.connect.upgrade.app_error",
                               "Failed to upgrade websocket connection.", 403,
                               "origin not allowed: " + std::string(header[bhttp::field::origin])));
            co_await write(stream, r, false, header.version(), false);
            break;
          }
          stream.expires_never();
          WebSocketOptions wo;
          auto cfg = app.config();
          wo.auth_timeout_seconds = cfg->parley.websocket_auth_timeout_seconds;
          wo.idle_timeout_seconds = cfg->parley.websocket_pong_timeout_seconds;
          tcp::socket pooled = stream.release_socket();
          auto protocol = pooled.local_endpoint().protocol();
          tcp::socket on_io(ioc);
          on_io.assign(protocol, pooled.release());
          start_websocket(std::move(on_io), parser.release(), app, hub,
                          next_worker().get_executor(), wo);
          co_return;
        }
        auto msg = parser.release();
        bool client_keep_alive = msg.keep_alive();
        unsigned version = msg.version();
        bool head = msg.method() == bhttp::verb::head;
        api::Request req = to_api_request(std::move(msg), remote);
        // bcrypt (~50 ms of CPU a check) runs on its own threads, two per core (half as many as
        // the workers): a burst of logins queues there and shares the cores with the other
        // requests, instead of taking every worker and leaving every other request queued
        // behind it (docs/benchmarks.md, "Login bursts").
        // A client that gave up while its request queued there (an overloaded server) has
        // closed its connection by the time a thread takes it: nobody waits for that hash.
        std::optional<api::Response> r;
        if (traits.hashes_password)
          r = co_await run_on(password_workers, [&]() -> std::optional<api::Response> {
            if (peer_closed(stream.socket())) return std::nullopt;
            return api.handle(req);
          });
        else
          r = api.handle(req);
        if (!r) {
          log::debug("request dropped: the client closed its connection while it queued",
                     {{"path", path}});
          break;
        }
        bool keep_alive = client_keep_alive && !stopping;
        stream.expires_after(std::chrono::seconds(options.read_timeout_seconds));
        co_await write(stream, *r, keep_alive, version, head);
        if (!keep_alive) break;
      }
    } catch (const boost::system::system_error&) {
      // client went away or timed out
    } catch (const std::exception& e) {
      log::error("http session failed", {{"error", e.what()}});
    }
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
  }

  void begin_stop() {
    asio::post(ioc, [this] {
      if (stopping.exchange(true)) return;
      log::info("Stopping Server...");
      boost::system::error_code ec;
      acceptor.close(ec);
      hub.shutdown();
      drain_wait(0);
    });
  }

  void drain_wait(int waited_ms) {
    if (inflight == 0 || waited_ms > 30'000) {
      ioc.stop();
      for (auto& w : workers) w->stop();  // idle keep-alive connections wait there
      password_workers.stop();
      return;
    }
    auto timer = std::make_shared<asio::steady_timer>(ioc, std::chrono::milliseconds(20));
    timer->async_wait([this, timer, waited_ms](auto) { drain_wait(waited_ms + 20); });
  }

  ServerOptions options;
  api::Api& api;
  ws::Hub& hub;
  app::App& app;
  int io_threads;
  asio::io_context ioc;
  std::vector<std::unique_ptr<asio::io_context>> workers;
  std::vector<asio::executor_work_guard<asio::io_context::executor_type>> worker_guards;
  std::atomic<std::size_t> next_worker_index{0};
  asio::thread_pool password_workers;  // requests whose route hashes_password
  tcp::acceptor acceptor;
  std::atomic<bool> stopping{false};
  std::atomic<int> inflight{0};
};

Server::Server(ServerOptions options, api::Api& api, ws::Hub& hub, app::App& app)
    : impl_(std::make_unique<Impl>(std::move(options), api, hub, app)) {}

Server::~Server() = default;

uint16_t Server::listen() {
  auto ep = parse_listen_address(impl_->options.listen_address);
  auto& a = impl_->acceptor;
  a.open(ep.protocol());
  a.set_option(asio::socket_base::reuse_address(true));
  if (ep.address().is_v6()) a.set_option(asio::ip::v6_only(false));
  a.bind(ep);
  a.listen(asio::socket_base::max_listen_connections);
  return a.local_endpoint().port();
}

void Server::run() {
  asio::signal_set signals(impl_->ioc, SIGINT, SIGTERM);
  signals.async_wait([this](auto ec, int) {
    if (!ec) impl_->begin_stop();
  });
  asio::co_spawn(impl_->ioc, impl_->accept_loop(), asio::detached);
  std::vector<std::thread> threads;
  for (int i = 1; i < impl_->io_threads; ++i) threads.emplace_back([this] { impl_->ioc.run(); });
  for (auto& w : impl_->workers) threads.emplace_back([&w] { w->run(); });
  impl_->ioc.run();
  for (auto& t : threads) t.join();
  impl_->password_workers.join();
}

void Server::stop() {
  impl_->begin_stop();
}

}  // namespace parley::http
