// The HTTP/WebSocket server: listens, parses requests with Beast, runs api::Api handlers inline on
// the worker pool, and hands WebSocket upgrades to the ws layer. No Beast types leak from here.
#pragma once

#include "api/api.h"
#include "ws/hub.h"

#include <cstdint>
#include <memory>
#include <string>

namespace parley::http {

struct ServerOptions {
  std::string listen_address = ":8065";  // Mattermost's form: "host:port", ":port", "[::]:port"
  int io_threads = 0;                    // 0 = hardware concurrency
  int worker_threads = 0;                // worker loops; 0 = 4 x io_threads
  int64_t read_timeout_seconds = 300;
  // How long a kept-alive connection may wait for its next request (ServiceSettings.IdleTimeout,
  // as Go's http.Server.IdleTimeout; 0 = the read timeout).
  int64_t idle_timeout_seconds = 60;
  int64_t max_url_length = 2048;
};

class Server {
 public:
  Server(ServerOptions options, api::Api& api, ws::Hub& hub, app::App& app);
  ~Server();
  // Binds the listening socket; returns the bound port (useful with port 0).
  uint16_t listen();
  // Serves until SIGINT/SIGTERM or stop(); then drains in-flight requests and closes sockets.
  void run();
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace parley::http
