// The layer under Parley's websocket::stream: a beast::tcp_stream whose writes each complete only
// when every byte is written and run one at a time in call order. Beast's own frames (handshake,
// pings, pongs, close) and the batches of pre-framed events the session writes beside them
// (append_text_frame_header) therefore never interleave on the wire; write_now writes at once
// only while no write is under way or waiting. Only websocket_session.cpp includes this (Beast
// templates).
#pragma once

#include <boost/asio/async_result.hpp>
#include <boost/asio/compose.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/role.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/websocket/teardown.hpp>

#include <sys/socket.h>

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

namespace parley::http {

// Appends the header of one unmasked, unfragmented text frame of `n` bytes (server to client,
// RFC 6455 section 5.2); the payload follows.
inline void append_text_frame_header(std::string& out, uint64_t n) {
  out.push_back(static_cast<char>(0x81));  // FIN, opcode 1 (text)
  if (n < 126) {
    out.push_back(static_cast<char>(n));
  } else if (n <= 0xffff) {
    out.push_back(static_cast<char>(126));
    out.push_back(static_cast<char>(n >> 8));
    out.push_back(static_cast<char>(n & 0xff));
  } else {
    out.push_back(static_cast<char>(127));
    for (int shift = 56; shift >= 0; shift -= 8)
      out.push_back(static_cast<char>((n >> shift) & 0xff));
  }
}

class SerialStream {
 public:
  using executor_type = boost::beast::tcp_stream::executor_type;

  explicit SerialStream(boost::asio::ip::tcp::socket socket) : next_(std::move(socket)) {}

  executor_type get_executor() noexcept { return next_.get_executor(); }
  boost::beast::tcp_stream& next_layer() noexcept { return next_; }

  template <class Buffers, class Token>
  auto async_read_some(const Buffers& buffers, Token&& token) {
    return next_.async_read_some(buffers, std::forward<Token>(token));
  }

  // Writes what the socket takes of `data` now, without waiting, when no other write is under
  // way or waiting (otherwise nothing); returns the bytes written. A failure writes nothing and
  // is left to the asynchronous write of the rest, which reports it.
  std::size_t write_now(std::string_view data) {
    if (busy_ || data.empty()) return 0;
    ssize_t n = ::send(next_.socket().native_handle(), data.data(), data.size(),
                       MSG_DONTWAIT | MSG_NOSIGNAL);
    return n > 0 ? static_cast<std::size_t>(n) : 0;
  }

  // Writes all of `buffers` after the writes started before it have completed.
  template <class Buffers, class Token>
  auto async_write_some(const Buffers& buffers, Token&& token) {
    return boost::asio::async_compose<Token, void(boost::system::error_code, std::size_t)>(
        WriteOp<Buffers>{*this, buffers}, token, next_);
  }

 private:
  struct Parked {
    virtual ~Parked() = default;
    virtual void resume() = 0;
  };
  template <class Self>
  struct ParkedOp final : Parked {
    explicit ParkedOp(Self s) : self(std::move(s)) {}
    void resume() override { self(); }
    Self self;
  };

  template <class Buffers>
  struct WriteOp {
    SerialStream& stream;
    Buffers buffers;
    bool started = false;

    template <class Self>
    void operator()(Self& self, boost::system::error_code ec = {}, std::size_t n = 0) {
      if (!started) {
        if (stream.busy_) {
          stream.parked_.push_back(std::make_unique<ParkedOp<Self>>(std::move(self)));
          return;
        }
        started = true;
        stream.busy_ = true;
        boost::asio::async_write(stream.next_, buffers, std::move(self));
        return;
      }
      stream.busy_ = false;
      if (!stream.parked_.empty()) {
        auto next = std::move(stream.parked_.front());
        stream.parked_.pop_front();
        next->resume();
      }
      self.complete(ec, n);
    }
  };

  boost::beast::tcp_stream next_;
  bool busy_ = false;
  std::deque<std::unique_ptr<Parked>> parked_;
};

// Tearing down (for websocket::stream's close) is the TCP stream's.
inline void teardown(boost::beast::role_type role, SerialStream& s, boost::system::error_code& ec) {
  using boost::beast::websocket::teardown;
  teardown(role, s.next_layer(), ec);
}

template <class Handler>
void async_teardown(boost::beast::role_type role, SerialStream& s, Handler&& handler) {
  using boost::beast::websocket::async_teardown;
  async_teardown(role, s.next_layer(), std::forward<Handler>(handler));
}

}  // namespace parley::http
