// parse_options: "--name value" pairs after the mode word.
#include "options.h"

#include <iostream>
#include <map>
#include <string_view>

namespace loadgen {

namespace {

const char* kUsage = R"(usage: parley_loadgen MODE [--option value ...]
modes:
  seed       create the data set (idempotent): --users --teams --public-channels --private-channels
             --posts --reactions --direct-channels --posters
  run        seed, then simulate --users users for --seconds after they all logged in
  unbounded  seed --users, then add --step-users every --step-seconds from --start-users while
             Mattermost's thresholds hold; report the largest count that held
  smoke      a small seed, every action once per user, then a short weighted run; exits non-zero
             on any failed request, any action never run, or no posted events received
  fanout     --connections WebSockets of up to 100 users in one channel; 4 users post --seconds
             messages each (--post-interval-ms apart, default 0); posted deliveries/s and latency
             against a bare broadcast of the same bytes
  idle-ws    the server's RSS growth per idle authenticated WebSocket (--connections, --server-pid)
  post-rate  --connections clients post as fast as acknowledged for --seconds
common: --url http://127.0.0.1:8065 --server-pid PID --threads 1 --sources 1 --ramp-per-second 50
        --min-idle-ms 1000 --avg-idle-ms 20000 --timeout-ms 30000 --report FILE
)";

}  // namespace

std::optional<Options> parse_options(int argc, char** argv) {
  Options o;
  if (argc < 2) {
    std::cerr << kUsage;
    return std::nullopt;
  }
  o.mode = argv[1];
  if (o.mode != "seed" && o.mode != "run" && o.mode != "unbounded" && o.mode != "smoke" &&
      o.mode != "fanout" && o.mode != "idle-ws" && o.mode != "post-rate") {
    std::cerr << kUsage;
    return std::nullopt;
  }
  std::map<std::string_view, int*> ints{{"--server-pid", &o.server_pid},
                                        {"--connections", &o.connections},
                                        {"--post-interval-ms", &o.post_interval_ms},
                                        {"--users", &o.users},
                                        {"--seconds", &o.seconds},
                                        {"--threads", &o.threads},
                                        {"--sources", &o.sources},
                                        {"--ramp-per-second", &o.ramp_per_second},
                                        {"--start-users", &o.start_users},
                                        {"--step-users", &o.step_users},
                                        {"--step-seconds", &o.step_seconds},
                                        {"--teams", &o.seed.teams},
                                        {"--public-channels", &o.seed.public_channels},
                                        {"--private-channels", &o.seed.private_channels},
                                        {"--posts", &o.seed.posts},
                                        {"--reactions", &o.seed.reactions},
                                        {"--direct-channels", &o.seed.direct_channels},
                                        {"--posters", &o.seed.posters}};
  for (int i = 2; i < argc; i += 2) {
    std::string_view name = argv[i];
    if (i + 1 >= argc) {
      std::cerr << "missing value for " << name << "\n" << kUsage;
      return std::nullopt;
    }
    std::string value = argv[i + 1];
    try {
      if (auto it = ints.find(name); it != ints.end())
        *it->second = std::stoi(value);
      else if (name == "--url")
        o.url = value;
      else if (name == "--report")
        o.report = value;
      else if (name == "--min-idle-ms")
        o.sim.min_idle = std::chrono::milliseconds(std::stoll(value));
      else if (name == "--avg-idle-ms")
        o.sim.avg_idle = std::chrono::milliseconds(std::stoll(value));
      else if (name == "--timeout-ms")
        o.sim.timeout = std::chrono::milliseconds(std::stoll(value));
      else {
        std::cerr << "unknown option " << name << "\n" << kUsage;
        return std::nullopt;
      }
    } catch (const std::exception&) {
      std::cerr << "bad value for " << name << ": " << value << "\n";
      return std::nullopt;
    }
  }
  o.seed.users = std::max(o.users, o.seed.posters);
  return o;
}

}  // namespace loadgen
