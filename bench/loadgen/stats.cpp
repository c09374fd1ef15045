// Stats: aggregation and percentile reporting.
#include "stats.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace loadgen {

namespace json = boost::json;

void Counter::add(double latency_ms, int status, bool timed_out, bool race) {
  ++count;
  if (timed_out) ++timeouts;
  if (status >= 500) ++server_errors;
  if (race)
    ++races;
  else if (timed_out || (status < 200 && status != 101) || status >= 300)
    ++errors;
  if (!timed_out && status != 0) ms.push_back(static_cast<float>(latency_ms));
}

void Counter::merge(const Counter& o) {
  count += o.count;
  errors += o.errors;
  server_errors += o.server_errors;
  timeouts += o.timeouts;
  races += o.races;
  ms.insert(ms.end(), o.ms.begin(), o.ms.end());
}

double Counter::mean() const {
  if (ms.empty()) return 0;
  double sum = 0;
  for (float v : ms) sum += v;
  return sum / static_cast<double>(ms.size());
}

double Counter::percentile(double p) const {
  if (ms.empty()) return 0;
  std::vector<float> sorted = ms;
  auto k = static_cast<size_t>(std::ceil(p / 100.0 * static_cast<double>(sorted.size())));
  k = std::clamp<size_t>(k, 1, sorted.size()) - 1;
  std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(k), sorted.end());
  return sorted[k];
}

static double round2(double v) {
  return std::round(v * 100.0) / 100.0;
}

json::object Counter::to_json() const {
  return {{"count", count},
          {"errors", errors},
          {"server_errors", server_errors},
          {"timeouts", timeouts},
          {"races", races},
          {"mean_ms", round2(mean())},
          {"p50_ms", round2(percentile(50))},
          {"p99_ms", round2(percentile(99))}};
}

bool Stats::request(std::string_view route, double ms, int status, bool timed_out, bool race) {
  std::lock_guard lock(mutex_);
  auto it = routes_.find(route);
  if (it == routes_.end()) it = routes_.emplace(std::string(route), Counter{}).first;
  auto errors = it->second.errors;
  it->second.add(ms, status, timed_out, race);
  window_.add(ms, status, timed_out, race);
  return errors == 0 && it->second.errors == 1;
}

void Stats::action(std::string_view name, double ms, bool ok, bool timed_out, bool race) {
  std::lock_guard lock(mutex_);
  auto it = actions_.find(name);
  if (it == actions_.end()) it = actions_.emplace(std::string(name), Counter{}).first;
  it->second.add(ms, ok ? 200 : 0, timed_out, race && !ok);
}

void Stats::event(std::string_view name) {
  std::lock_guard lock(mutex_);
  auto it = events_.find(name);
  if (it == events_.end()) it = events_.emplace(std::string(name), 0).first;
  ++it->second;
}

bool Stats::websocket_lost() {
  std::lock_guard lock(mutex_);
  return ++websockets_lost_ == 1;
}

void Stats::loop_lag(double ms) {
  std::lock_guard lock(mutex_);
  max_lag_ms_ = std::max(max_lag_ms_, ms);
}

json::object Stats::take_counts() {
  std::lock_guard lock(mutex_);
  auto since = [](std::map<std::string, int64_t, std::less<>>& taken, const auto& now,
                  auto count_of) {
    json::object delta;
    for (const auto& [name, value] : now) {
      int64_t n = count_of(value);
      auto& before = taken[name];
      if (n > before) delta[name] = n - before;
      before = n;
    }
    return delta;
  };
  return {{"actions", since(actions_taken_, actions_, [](const Counter& c) { return c.count; })},
          {"events", since(events_taken_, events_, [](int64_t n) { return n; })},
          {"websockets_lost",
           websockets_lost_ - std::exchange(websockets_lost_taken_, websockets_lost_)}};
}

double Stats::take_max_lag() {
  std::lock_guard lock(mutex_);
  return std::exchange(max_lag_ms_, 0.0);
}

Counter Stats::take_window() {
  std::lock_guard lock(mutex_);
  Counter out = std::move(window_);
  window_ = Counter{};
  return out;
}

Counter Stats::all_requests() const {
  std::lock_guard lock(mutex_);
  Counter all;
  for (const auto& [_, c] : routes_) all.merge(c);
  return all;
}

json::object Stats::report() const {
  json::object actions, routes, events;
  Counter all;
  int64_t websockets_lost = 0;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [k, c] : actions_) actions[k] = c.to_json();
    for (const auto& [k, c] : routes_) {
      routes[k] = c.to_json();
      all.merge(c);
    }
    for (const auto& [k, n] : events_) events[k] = n;
    websockets_lost = websockets_lost_;
  }
  return {{"requests", all.to_json()},
          {"actions", actions},
          {"routes", routes},
          {"events", events},
          {"websockets_lost", websockets_lost}};
}

}  // namespace loadgen
