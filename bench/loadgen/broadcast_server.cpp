// BroadcastServer on Beast: one strand per connection, a write queue each, N io threads.
#include "broadcast_server.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>

#include <deque>
#include <mutex>
#include <thread>
#include <vector>

namespace loadgen {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;

namespace {

class Session : public std::enable_shared_from_this<Session> {
 public:
  explicit Session(tcp::socket s) : ws_(std::move(s)) {}
  asio::awaitable<void> start() {
    auto self = shared_from_this();
    co_await ws_.async_accept(asio::use_awaitable);
    beast::flat_buffer buffer;
    co_await ws_.async_read(buffer, asio::use_awaitable);  // the authentication challenge
    send(std::make_shared<const std::string>(
        R"({"event":"hello","data":{"connection_id":"baseline"},"broadcast":{},"seq":0})"));
    send(std::make_shared<const std::string>(R"({"status":"OK","seq_reply":1})"));
    try {
      for (;;) {
        buffer.clear();
        co_await ws_.async_read(buffer, asio::use_awaitable);
      }
    } catch (const boost::system::system_error&) {
    }
  }
  void send(std::shared_ptr<const std::string> frame) {
    asio::post(ws_.get_executor(), [self = shared_from_this(), frame] {
      self->queue_.push_back(frame);
      if (self->queue_.size() == 1) self->write_next();
    });
  }

 private:
  void write_next() {
    ws_.async_write(asio::buffer(*queue_.front()),
                    [self = shared_from_this()](beast::error_code ec, size_t) {
                      if (ec) return;
                      self->queue_.pop_front();
                      if (!self->queue_.empty()) self->write_next();
                    });
  }
  websocket::stream<beast::tcp_stream> ws_;
  std::deque<std::shared_ptr<const std::string>> queue_;
};

}  // namespace

struct BroadcastServer::Impl {
  explicit Impl(int threads)
      : ioc(threads), acceptor(ioc, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0)) {}
  asio::io_context ioc;
  tcp::acceptor acceptor;
  std::mutex mutex;
  std::vector<std::shared_ptr<Session>> sessions;
  std::vector<std::jthread> threads;

  asio::awaitable<void> accept() {
    for (;;) {
      auto socket = co_await acceptor.async_accept(asio::make_strand(ioc), asio::use_awaitable);
      auto executor = socket.get_executor();
      auto session = std::make_shared<Session>(std::move(socket));
      {
        std::lock_guard lock(mutex);
        sessions.push_back(session);
      }
      asio::co_spawn(executor, session->start(), asio::detached);
    }
  }
};

BroadcastServer::BroadcastServer(int threads) : impl_(std::make_unique<Impl>(threads)) {
  asio::co_spawn(impl_->ioc, impl_->accept(), asio::detached);
  for (int i = 0; i < threads; ++i) impl_->threads.emplace_back([this] { impl_->ioc.run(); });
}

BroadcastServer::~BroadcastServer() {
  impl_->ioc.stop();
  impl_->threads.clear();
}

uint16_t BroadcastServer::port() const {
  return impl_->acceptor.local_endpoint().port();
}

size_t BroadcastServer::connections() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->sessions.size();
}

void BroadcastServer::broadcast(std::string frame) {
  auto shared = std::make_shared<const std::string>(std::move(frame));
  std::lock_guard lock(impl_->mutex);
  for (auto& s : impl_->sessions) s->send(shared);
}

}  // namespace loadgen
