// The fan-out ceiling: a bare WebSocket server that answers the authentication challenge like
// Parley and then writes the same frames to every connection, with nothing else to do.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

namespace loadgen {

class BroadcastServer {
 public:
  explicit BroadcastServer(int threads);
  ~BroadcastServer();
  uint16_t port() const;
  size_t connections() const;
  // Queues `frame` to every connection.
  void broadcast(std::string frame);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace loadgen
