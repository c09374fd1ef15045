// ConnectionPool and HttpClient on Beast tcp_streams: connections open lazily, a reused one that
// turns out to be closed is replaced once, and timeouts are reported apart from other failures.
#include "http_client.h"

#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <atomic>
#include <deque>

namespace loadgen {

namespace beast = boost::beast;
namespace http = beast::http;
using asio::use_awaitable;
using Clock = std::chrono::steady_clock;

namespace {
// Idle connections older than this are closed rather than reused: the server closes them after
// its own idle timeout (ServiceSettings.IdleTimeout, 60 s by default).
constexpr auto kMaxIdleTime = std::chrono::seconds(30);
}  // namespace

struct ConnectionPool::Connection {
  Connection(asio::any_io_executor ex, asio::ip::address src) : stream(ex), source(src) {}
  beast::tcp_stream stream;
  beast::flat_buffer buffer;
  asio::ip::address source;
  bool connected = false;
  Clock::time_point idle_since;
};

struct ConnectionPool::Impl {
  Impl(asio::any_io_executor ex, Target t, std::vector<asio::ip::address> src, size_t idle_max)
      : executor(ex), target(std::move(t)), sources(std::move(src)), max_idle(idle_max) {}
  asio::any_io_executor executor;
  Target target;
  std::vector<asio::ip::address> sources;
  size_t max_idle;
  std::deque<std::unique_ptr<Connection>> idle;  // oldest first
  size_t next_source = 0;
  std::atomic<int64_t> opened = 0;  // read from other threads for reports

  std::unique_ptr<Connection> take() {
    auto now = Clock::now();
    while (!idle.empty() && now - idle.front()->idle_since > kMaxIdleTime) idle.pop_front();
    if (!idle.empty()) {
      auto c = std::move(idle.back());
      idle.pop_back();
      return c;
    }
    return std::make_unique<Connection>(executor, sources[next_source++ % sources.size()]);
  }

  void give_back(std::unique_ptr<Connection> c) {
    if (idle.size() >= max_idle) return;  // closed by its destructor
    c->idle_since = Clock::now();
    idle.push_back(std::move(c));
  }

  asio::awaitable<void> connect(Connection& c, std::chrono::milliseconds timeout) {
    auto& sock = c.stream.socket();
    sock.open(target.server.protocol());
    sock.set_option(asio::socket_base::reuse_address(true));
    sock.bind(asio::ip::tcp::endpoint(c.source, 0));
    opened.fetch_add(1, std::memory_order_relaxed);
    c.stream.expires_after(timeout);
    co_await c.stream.async_connect(target.server, use_awaitable);
    sock.set_option(asio::ip::tcp::no_delay(true));
    c.connected = true;
  }
};

ConnectionPool::ConnectionPool(asio::any_io_executor ex, Target target,
                               std::vector<asio::ip::address> sources, size_t max_idle)
    : impl_(std::make_unique<Impl>(ex, std::move(target), std::move(sources), max_idle)) {}
ConnectionPool::~ConnectionPool() = default;

const Target& ConnectionPool::target() const {
  return impl_->target;
}
const asio::any_io_executor& ConnectionPool::executor() const {
  return impl_->executor;
}
int64_t ConnectionPool::opened() const {
  return impl_->opened.load(std::memory_order_relaxed);
}

HttpClient::HttpClient(ConnectionPool& pool, std::chrono::milliseconds timeout)
    : pool_(pool), timeout_(timeout) {}
HttpClient::HttpClient(asio::any_io_executor ex, Target target, std::chrono::milliseconds timeout)
    : own_pool_(std::make_unique<ConnectionPool>(
          ex, std::move(target),
          std::vector<asio::ip::address>{asio::ip::make_address("127.0.0.1")}, 1)),
      pool_(*own_pool_),
      timeout_(timeout) {}
HttpClient::~HttpClient() = default;

void HttpClient::set_token(std::string token) {
  token_ = std::move(token);
}
const std::string& HttpClient::token() const {
  return token_;
}

asio::awaitable<HttpResult> HttpClient::request(std::string_view method, std::string target,
                                                std::string body) {
  auto& pool = *pool_.impl_;
  http::request<http::string_body> req{http::string_to_verb(method), target, 11};
  req.set(http::field::host, pool.target.host);
  req.set(http::field::user_agent, "parley-loadgen");
  req.set("X-Requested-With", "XMLHttpRequest");
  if (!token_.empty()) req.set(http::field::authorization, "Bearer " + token_);
  if (!body.empty() || req.method() == http::verb::post || req.method() == http::verb::put) {
    req.set(http::field::content_type, "application/json");
    req.body() = std::move(body);
    req.prepare_payload();
  }
  HttpResult out;
  auto start = Clock::now();
  for (int attempt = 0; attempt < 2; ++attempt) {
    auto conn = pool.take();
    bool reused = conn->connected;
    try {
      if (!conn->connected) co_await pool.connect(*conn, timeout_);
      conn->stream.expires_after(timeout_);
      co_await http::async_write(conn->stream, req, use_awaitable);
      http::response_parser<http::string_body> parser;
      parser.body_limit(64 * 1024 * 1024);
      co_await http::async_read(conn->stream, conn->buffer, parser, use_awaitable);
      auto res = parser.release();
      out.status = static_cast<int>(res.result_int());
      if (auto it = res.find("Token"); it != res.end()) out.token = std::string(it->value());
      out.body = std::move(res.body());
      if (res.keep_alive()) pool.give_back(std::move(conn));
      break;
    } catch (const boost::system::system_error& e) {
      // `conn` is dropped (closed) at the end of this attempt.
      if (e.code() == beast::error::timeout) {
        out.timed_out = true;
        break;
      }
      if (!reused) break;  // a fresh connection failed: report it; a stale one: retry once
    }
  }
  out.ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  co_return out;
}

}  // namespace loadgen
