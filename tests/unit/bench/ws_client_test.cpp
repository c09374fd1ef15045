// The load generator's WebSocket client against a Beast server (the fan-out ceiling's): the
// challenge and hello, then a burst of frames, large and small, that has arrived all at once.
#include "ws_client.h"
#include "broadcast_server.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <string>
#include <thread>
#include <vector>

namespace loadgen {
namespace {

// An event loop on its own thread, stopped and joined however the test ends.
struct Loop {
  asio::io_context io{1};
  asio::executor_work_guard<asio::io_context::executor_type> guard = asio::make_work_guard(io);
  std::thread thread{[this] { io.run(); }};
  ~Loop() {
    guard.reset();
    io.stop();
    thread.join();
  }
};

TEST(WsClient, ReadsEveryFrameOfABurst) {
  BroadcastServer server(1);
  Loop loop;
  auto& io = loop.io;
  EventCache cache;
  Target target{{asio::ip::make_address("127.0.0.1"), server.port()},
                "127.0.0.1:" + std::to_string(server.port())};
  WsClient client(io.get_executor(), cache, target, asio::ip::make_address("127.0.0.1"),
                  std::chrono::seconds(10), nullptr);
  std::atomic<size_t> frames = 0, bytes = 0;
  client.set_raw_handler([&](std::string_view text) {
    // The hello is left to the client; the challenge's reply is no broadcast frame.
    if (text.find(R"("event":"hello")") != std::string_view::npos) return false;
    if (text.find(R"("seq_reply")") != std::string_view::npos) return true;
    bytes += text.size();
    ++frames;
    return true;
  });
  std::promise<bool> connected;
  asio::co_spawn(
      io,
      [&]() -> asio::awaitable<void> {
        bool ok = co_await client.connect("token");
        connected.set_value(ok);
        if (ok) co_await client.read_loop();
      },
      asio::detached);
  ASSERT_TRUE(connected.get_future().get()) << client.failure();

  // The client's loop is held while the frames arrive, so the socket is reported once for all
  // of them, and they take many reads: a read loop that waited again before reading everything
  // would never see the rest.
  std::promise<void> release;
  asio::post(io, [held = release.get_future().share()] { held.wait(); });
  std::vector<std::string> sent;
  for (int i = 0; i < 200; ++i) sent.push_back("small " + std::to_string(i));
  sent.push_back(std::string(300'000, 'a'));
  sent.push_back(std::string(70'000, 'b'));
  size_t total = 0;
  for (auto& f : sent) {
    total += f.size();
    server.broadcast(f);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the server writes meanwhile
  release.set_value();
  for (int i = 0; i < 1000 && frames < sent.size(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_EQ(frames.load(), sent.size());
  EXPECT_EQ(bytes.load(), total);

  std::promise<void> closed;
  asio::post(io, [&] {
    client.close();
    closed.set_value();
  });
  closed.get_future().get();
}

}  // namespace
}  // namespace loadgen
