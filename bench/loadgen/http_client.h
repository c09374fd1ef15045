// HTTP/1.1 keep-alive connections to the server, shared by the simulated users of one event loop
// as load-test-ng's agent shares one Go http.Transport among all its users, and the client each
// user sends its requests through (one at a time, each with a timeout, with the user's token).
#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace loadgen {

namespace asio = boost::asio;

struct Target {
  asio::ip::tcp::endpoint server;
  std::string host;  // Host header, e.g. "127.0.0.1:8065"
};

struct HttpResult {
  int status = 0;  // 0 when no response arrived (network error or timeout)
  bool timed_out = false;
  std::string body;
  std::string token;  // the Token header of a login response
  double ms = 0;      // wall time from first write to complete response
  bool ok() const { return status >= 200 && status < 300; }
};

// A request takes the most recently used idle connection, or opens a new one when none is idle
// (so connections grow with the requests in flight, not with the users); afterwards the
// connection goes back to the pool unless `max_idle` are already idle, and one idle for longer
// than the server's idle timeout allows is closed instead of reused. Single-threaded: one pool
// per event loop.
class ConnectionPool {
 public:
  // `sources` (at least one) are the local addresses new connections are opened from, in turn
  // (several loopback addresses widen the port range when tens of thousands of connections are
  // open).
  ConnectionPool(asio::any_io_executor ex, Target target, std::vector<asio::ip::address> sources,
                 size_t max_idle);
  ~ConnectionPool();
  ConnectionPool(const ConnectionPool&) = delete;
  ConnectionPool& operator=(const ConnectionPool&) = delete;

  const Target& target() const;
  const asio::any_io_executor& executor() const;
  int64_t opened() const;  // connections opened so far (safe from any thread)

 private:
  friend class HttpClient;
  struct Connection;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

class HttpClient {
 public:
  HttpClient(ConnectionPool& pool, std::chrono::milliseconds timeout);
  // A client with a pool of its own, connecting from 127.0.0.1 (seeding and the benchmarks).
  HttpClient(asio::any_io_executor ex, Target target, std::chrono::milliseconds timeout);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // Retries once on a fresh connection when a reused one turns out to be closed.
  asio::awaitable<HttpResult> request(std::string_view method, std::string target,
                                      std::string body = {});
  void set_token(std::string token);
  const std::string& token() const;

 private:
  std::unique_ptr<ConnectionPool> own_pool_;
  ConnectionPool& pool_;
  std::chrono::milliseconds timeout_;
  std::string token_;
};

}  // namespace loadgen
