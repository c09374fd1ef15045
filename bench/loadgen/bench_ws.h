// WebSocket benchmarks: fan-out of `posted` events to many listeners (against BroadcastServer's
// bare broadcast of the same bytes) and the server's memory per idle authenticated WebSocket.
#pragma once

#include "options.h"

#include <boost/json/object.hpp>

#include <string>
#include <vector>

namespace loadgen {

struct BenchSetup {
  std::vector<std::string> tokens;  // one per user, in seeding order
  std::vector<std::string> user_ids;
  std::string channel_id;  // lg-bench in lg-team-0, all those users members
};
// Logs in the first `users` seeded users and makes them members of the lg-bench channel.
BenchSetup prepare_bench_channel(const Options& o, const Target& target, int users);

boost::json::object run_fanout(const Options& o, const Target& target);
boost::json::object run_idle_websockets(const Options& o, const Target& target);

}  // namespace loadgen
