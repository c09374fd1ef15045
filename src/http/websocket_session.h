// A WebSocket connection on /api/v4/websocket: authentication (cookie, bearer header or
// authentication_challenge), registration with the hub, actions in, events out.
#pragma once

#include "app/app.h"
#include "http/convert.h"
#include "ws/hub.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

namespace parley::http {

struct WebSocketOptions {
  int64_t auth_timeout_seconds = 5;
  int64_t idle_timeout_seconds = 100;  // pings are sent at half of this
  std::size_t max_queue = 4096;        // slow consumers beyond this are dropped
};

// `worker` runs the session's handlers (database work), off the I/O threads.
void start_websocket(boost::asio::ip::tcp::socket socket, BeastRequest request, app::App& app,
                     ws::Hub& hub, boost::asio::io_context::executor_type worker,
                     WebSocketOptions options);

}  // namespace parley::http
