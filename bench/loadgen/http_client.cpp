// HttpClient on a Beast tcp_stream: connects lazily, reconnects once when a reused keep-alive
// connection turns out to be closed, and reports timeouts separately from other failures.
#include "http_client.h"

#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace loadgen {

namespace beast = boost::beast;
namespace http = beast::http;
using asio::use_awaitable;

struct HttpClient::Impl {
  Impl(asio::any_io_executor ex, Target t, asio::ip::address src, std::chrono::milliseconds to)
      : stream(ex), target(std::move(t)), source(src), timeout(to) {}
  beast::tcp_stream stream;
  beast::flat_buffer buffer;
  Target target;
  asio::ip::address source;
  std::chrono::milliseconds timeout;
  std::string token;
  bool connected = false;

  asio::awaitable<void> connect() {
    beast::error_code ec;
    stream.socket().close(ec);
    buffer.clear();
    auto& sock = stream.socket();
    sock.open(target.server.protocol());
    sock.set_option(asio::socket_base::reuse_address(true));
    sock.bind(asio::ip::tcp::endpoint(source, 0));
    stream.expires_after(timeout);
    co_await stream.async_connect(target.server, use_awaitable);
    sock.set_option(asio::ip::tcp::no_delay(true));
    connected = true;
  }
};

HttpClient::HttpClient(asio::any_io_executor ex, Target target, asio::ip::address source,
                       std::chrono::milliseconds timeout)
    : impl_(std::make_unique<Impl>(ex, std::move(target), source, timeout)) {}
HttpClient::~HttpClient() = default;

void HttpClient::set_token(std::string token) {
  impl_->token = std::move(token);
}
const std::string& HttpClient::token() const {
  return impl_->token;
}
void HttpClient::close() {
  beast::error_code ec;
  impl_->stream.socket().close(ec);
  impl_->connected = false;
}

asio::awaitable<HttpResult> HttpClient::request(std::string_view method, std::string target,
                                                std::string body) {
  auto& d = *impl_;
  http::request<http::string_body> req{http::string_to_verb(method), target, 11};
  req.set(http::field::host, d.target.host);
  req.set(http::field::user_agent, "parley-loadgen");
  req.set("X-Requested-With", "XMLHttpRequest");
  if (!d.token.empty()) req.set(http::field::authorization, "Bearer " + d.token);
  if (!body.empty() || req.method() == http::verb::post || req.method() == http::verb::put) {
    req.set(http::field::content_type, "application/json");
    req.body() = std::move(body);
    req.prepare_payload();
  }
  HttpResult out;
  auto start = std::chrono::steady_clock::now();
  for (int attempt = 0; attempt < 2; ++attempt) {
    bool reused = d.connected;
    try {
      if (!d.connected) co_await d.connect();
      d.stream.expires_after(d.timeout);
      co_await http::async_write(d.stream, req, use_awaitable);
      http::response_parser<http::string_body> parser;
      parser.body_limit(64 * 1024 * 1024);
      co_await http::async_read(d.stream, d.buffer, parser, use_awaitable);
      auto res = parser.release();
      out.status = static_cast<int>(res.result_int());
      if (auto it = res.find("Token"); it != res.end()) out.token = std::string(it->value());
      out.body = std::move(res.body());
      if (!res.keep_alive()) close();
      break;
    } catch (const boost::system::system_error& e) {
      close();
      if (e.code() == beast::error::timeout) {
        out.timed_out = true;
        break;
      }
      if (!reused) break;  // a fresh connection failed: report it; a stale one: retry once
    }
  }
  out.ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  co_return out;
}

}  // namespace loadgen
