// Counters and latency samples per action and per request route, plus the rolling window the
// unbounded mode judges against Mattermost's thresholds. Thread-safe.
#pragma once

#include <boost/json/object.hpp>

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace loadgen {

struct Counter {
  int64_t count = 0;
  int64_t errors = 0;         // any failure: non-2xx, network error or timeout
  int64_t server_errors = 0;  // 5xx
  int64_t timeouts = 0;
  // 4xx because another user deleted the target post meanwhile (inherent in the user model;
  // counted apart, not as errors).
  int64_t races = 0;
  std::vector<float> ms;  // latency of every completed call
  void add(double latency_ms, int status, bool timed_out, bool race = false);
  void merge(const Counter& o);
  double mean() const;
  double percentile(double p) const;  // p in [0, 100]
  boost::json::object to_json() const;
};

class Stats {
 public:
  // Returns true for the first failure of a route (the caller then logs it).
  bool request(std::string_view route, double ms, int status, bool timed_out, bool race = false);
  void action(std::string_view name, double ms, bool ok, bool timed_out, bool race = false);
  void event(std::string_view name);
  // A user's WebSocket lost: closed by the server or the network, not by the user. Returns true
  // for the first (the caller then logs it).
  bool websocket_lost();
  // How late an event loop ran a timer (its queue of ready work): the generator's own lag, which
  // a server-side latency or a late WebSocket challenge may come from.
  void loop_lag(double ms);
  // How many times each action ran, each event arrived and WebSockets were lost since the
  // previous call: {"actions": {name: n}, "events": {name: n}, "websockets_lost": n}.
  boost::json::object take_counts();
  // The largest lag since the previous call.
  double take_max_lag();
  // All requests since the previous call (for threshold checks).
  Counter take_window();
  Counter all_requests() const;
  boost::json::object report() const;

 private:
  mutable std::mutex mutex_;
  std::map<std::string, Counter, std::less<>> actions_;
  std::map<std::string, Counter, std::less<>> routes_;
  std::map<std::string, int64_t, std::less<>> events_;
  Counter window_;
  double max_lag_ms_ = 0;
  int64_t websockets_lost_ = 0;
  // The counts at the previous take_counts().
  std::map<std::string, int64_t, std::less<>> actions_taken_, events_taken_;
  int64_t websockets_lost_taken_ = 0;
};

}  // namespace loadgen
