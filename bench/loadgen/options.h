// Command-line options of parley_loadgen.
#pragma once

#include "seed.h"
#include "sim_user.h"

#include <optional>
#include <string>

namespace loadgen {

struct Options {
  std::string mode;  // seed | run | unbounded | smoke | fanout | idle-ws | post-rate
  std::string url = "http://127.0.0.1:8065";
  int server_pid = 0;  // sampled for CPU and RSS when set
  int users = 100;     // run: simulated users; unbounded: upper bound
  int seconds = 60;    // run: measured duration after all users started
  int threads = 1;     // io_context threads
  int sources = 1;     // loopback source addresses 127.0.0.1..N
  int ramp_per_second = 50;
  int connections = 1000;  // fanout, idle-ws: WebSocket listeners
  // fanout: each poster's pause after each post; 0 posts back to back, so that later events
  // queue behind earlier ones and go out together; spaced out, each delivery is written alone
  // (as in the capacity run, where a channel gets a post every few seconds).
  int post_interval_ms = 0;
  // unbounded
  int start_users = 50;
  int step_users = 50;
  int step_seconds = 30;
  std::string report;  // JSON report path
  SeedOptions seed;
  SimConfig sim;
};

// Parses argv; nullopt (after printing usage) on error.
std::optional<Options> parse_options(int argc, char** argv);

}  // namespace loadgen
