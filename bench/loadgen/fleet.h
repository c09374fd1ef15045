// The simulated users: spread over io_context threads and loopback source addresses, started at
// a paced login rate, stopped together. The users of one thread share its HTTP connections and
// its parsed WebSocket events.
#pragma once

#include "options.h"
#include "sim_user.h"
#include "stats.h"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>

#include <memory>
#include <thread>
#include <vector>

namespace loadgen {

class Fleet {
 public:
  Fleet(const Options& options, Target target, Stats& stats, std::vector<std::string> emails);
  ~Fleet();
  // Logs in `n` more users (paced at ramp_per_second); each then runs every action once (smoke)
  // if asked, and its action loop if asked. Waits for the logins (and smoke passes) to finish;
  // returns how many users started.
  int add(int n, bool every_action_once, bool loop);
  int size() const { return static_cast<int>(users_.size()); }
  int started() const { return started_; }
  // Users whose WebSocket is open now, and those among them that received no frame since the
  // previous take (asked on each user's own thread). A user whose socket was lost receives no
  // events until it reconnects (SimUser::listen, 3 s or more later); an open socket that stays
  // quiet while its channels are busy is one its user no longer reads.
  struct WebSocketCensus {
    int open = 0, quiet = 0;
  };
  WebSocketCensus take_websocket_census();
  int64_t http_connections_opened() const;
  // WebSocket frames whose event was parsed, and frames that reused an event parsed for another
  // user of the same thread (EventCache).
  struct EventFrames {
    int64_t parsed = 0, reused = 0;
  };
  EventFrames event_frames() const;
  void stop();

 private:
  // Every 100 ms, how late the context ran a timer (Stats::loop_lag).
  static boost::asio::awaitable<void> probe_lag(Stats& stats);

  const Options& options_;
  Stats& stats_;
  std::vector<std::string> emails_;
  std::vector<boost::asio::ip::address> sources_;  // loopback addresses connections come from
  std::vector<std::unique_ptr<boost::asio::io_context>> contexts_;
  std::vector<std::unique_ptr<ConnectionPool>> pools_;     // one per context, used on its thread
  std::vector<std::unique_ptr<EventCache>> event_caches_;  // likewise
  std::vector<std::jthread> threads_;  // joined before the pools and contexts go
  std::vector<std::shared_ptr<SimUser>> users_;
  int started_ = 0;
};

}  // namespace loadgen
