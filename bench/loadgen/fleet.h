// The simulated users: spread over io_context threads and loopback source addresses, started at
// a paced login rate, stopped together.
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
  void stop();

 private:
  // Every 100 ms, how late the context ran a timer (Stats::loop_lag).
  static boost::asio::awaitable<void> probe_lag(Stats& stats);

  const Options& options_;
  Target target_;
  Stats& stats_;
  std::vector<std::string> emails_;
  std::vector<std::unique_ptr<boost::asio::io_context>> contexts_;
  std::vector<std::jthread> threads_;
  std::vector<std::shared_ptr<SimUser>> users_;
  int started_ = 0;
};

}  // namespace loadgen
