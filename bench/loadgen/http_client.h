// One simulated user's HTTP/1.1 keep-alive connection to the server: requests go one at a time,
// each with a timeout, authenticated with the user's session token once logged in.
#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>

#include <chrono>
#include <memory>
#include <string>
#include <string_view>

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

class HttpClient {
 public:
  // `source` is the local address to connect from (several loopback addresses widen the port
  // range when tens of thousands of connections are open).
  HttpClient(asio::any_io_executor ex, Target target, asio::ip::address source,
             std::chrono::milliseconds timeout);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  asio::awaitable<HttpResult> request(std::string_view method, std::string target,
                                      std::string body = {});
  void set_token(std::string token);
  const std::string& token() const;
  void close();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace loadgen
