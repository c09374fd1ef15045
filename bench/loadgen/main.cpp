// parley_loadgen: seeds a Parley (or Mattermost) server and drives simulated users against it;
// see options.cpp for the modes and docs/benchmarks.md for how the benchmarks use it.
#include "bench_posts.h"
#include "bench_ws.h"
#include "fleet.h"
#include "options.h"
#include "proc_sampler.h"

#include <boost/json/serialize.hpp>
#include <boost/url/parse.hpp>

#include <sys/resource.h>
#include <unistd.h>

#include <cmath>
#include <fstream>
#include <iostream>
#include <thread>

using namespace loadgen;
namespace json = boost::json;

namespace {

void raise_fd_limit() {
  rlimit l{};
  if (getrlimit(RLIMIT_NOFILE, &l) == 0 && l.rlim_cur < l.rlim_max) {
    l.rlim_cur = l.rlim_max;
    setrlimit(RLIMIT_NOFILE, &l);
  }
}

std::optional<Target> resolve(const std::string& url) {
  auto u = boost::urls::parse_uri(url);
  if (!u) return std::nullopt;
  std::string host(u->host());
  std::string port = u->has_port() ? std::string(u->port()) : "80";
  boost::system::error_code ec;
  auto addr = asio::ip::make_address(host == "localhost" ? "127.0.0.1" : host, ec);
  if (ec) return std::nullopt;
  return Target{{addr, static_cast<unsigned short>(std::stoi(port))}, host + ":" + port};
}

// Samples the server (and this process) once a second while `seconds` pass.
struct Usage {
  static constexpr int kPeriod = 10;  // seconds per entry of the timelines
  double server_cpu_sum = 0, server_cpu_max = 0, self_cpu_sum = 0;
  int64_t server_rss_max_kb = 0;
  int samples = 0;
  // Mean CPU (% of one core) of the server and of this process over each kPeriod seconds.
  json::array server_cpu_timeline, loadgen_cpu_timeline;
  json::object to_json() const {
    double n = samples ? samples : 1;
    return {{"server_cpu_mean_percent", server_cpu_sum / n},
            {"server_cpu_max_percent", server_cpu_max},
            {"server_rss_max_kb", server_rss_max_kb},
            {"loadgen_cpu_mean_percent", self_cpu_sum / n},
            {"server_cpu_percent_by_10s", server_cpu_timeline},
            {"loadgen_cpu_percent_by_10s", loadgen_cpu_timeline}};
  }
};

Usage measure(int server_pid, int seconds) {
  Usage u;
  std::optional<ProcSampler> server;
  if (server_pid) server.emplace(server_pid);
  ProcSampler self(static_cast<int>(getpid()));
  double server_period = 0, self_period = 0;
  auto round1 = [](double x) { return std::round(x * 10) / 10; };
  for (int i = 0; i < seconds; ++i) {
    std::this_thread::sleep_for(std::chrono::seconds(1));
    if (server)
      if (auto s = server->sample()) {
        u.server_cpu_sum += s->cpu_percent;
        server_period += s->cpu_percent;
        u.server_cpu_max = std::max(u.server_cpu_max, s->cpu_percent);
        u.server_rss_max_kb = std::max(u.server_rss_max_kb, s->rss_kb);
      }
    if (auto s = self.sample()) {
      u.self_cpu_sum += s->cpu_percent;
      self_period += s->cpu_percent;
    }
    if (++u.samples % Usage::kPeriod == 0) {
      u.server_cpu_timeline.push_back(round1(std::exchange(server_period, 0) / Usage::kPeriod));
      u.loadgen_cpu_timeline.push_back(round1(std::exchange(self_period, 0) / Usage::kPeriod));
    }
  }
  return u;
}

// Mattermost's coordinator thresholds (load-test-ng config/coordinator.sample.json).
json::object judge(const Counter& window, const Usage& usage, bool& healthy) {
  double n = window.count ? static_cast<double>(window.count) : 1;
  double cores = static_cast<double>(std::thread::hardware_concurrency());
  double server_5xx = 100.0 * static_cast<double>(window.server_errors) / n;
  double timeouts = 100.0 * static_cast<double>(window.timeouts) / n;
  double cpu = usage.samples ? usage.server_cpu_sum / usage.samples / cores : 0;
  healthy = server_5xx < 0.025 && timeouts < 0.025 && window.mean() < 100 &&
            window.percentile(99) < 2000 && cpu < 85;
  return {{"requests", window.count},
          {"server_5xx_percent", server_5xx},
          {"timeouts_percent", timeouts},
          {"mean_ms", window.mean()},
          {"p99_ms", window.percentile(99)},
          {"server_cpu_percent_of_all_cores", cpu},
          {"healthy", healthy}};
}

void write_report(const Options& o, const json::object& report) {
  std::string text = json::serialize(report);
  std::cout << text << "\n";
  if (!o.report.empty()) std::ofstream(o.report) << text << "\n";
}

}  // namespace

int main(int argc, char** argv) {
  auto options = parse_options(argc, argv);
  if (!options) return 2;
  auto& o = *options;
  raise_fd_limit();
  auto target = resolve(o.url);
  if (!target) {
    std::cerr << "--url must be http://<ip or localhost>:<port>\n";
    return 2;
  }
  try {
    if (o.mode == "smoke") {
      o.seed.users = std::max(o.users, o.seed.posters);
      o.seed.posts = std::min(o.seed.posts, 400);
      o.seed.reactions = std::min(o.seed.reactions, 100);
      o.sim.status_poll = std::chrono::seconds(1);  // so that the few seconds include polls
    }
    auto seeded = seed(*target, o.seed);
    if (o.mode == "seed") return 0;
    if (o.mode == "fanout" || o.mode == "idle-ws" || o.mode == "post-rate") {
      json::object result;
      if (o.mode == "fanout")
        result = run_fanout(o, *target);
      else if (o.mode == "idle-ws")
        result = run_idle_websockets(o, *target);
      else
        result = run_post_rate(o, *target);
      result["mode"] = o.mode;
      write_report(o, result);
      return 0;
    }
    Stats stats;
    Fleet fleet(o, *target, stats, seeded.emails);
    json::object report{{"mode", o.mode}, {"url", o.url}};
    if (o.mode == "smoke") {
      int started = fleet.add(o.users, true, true);
      auto usage = measure(o.server_pid, o.seconds);
      fleet.stop();
      auto r = stats.report();
      std::vector<std::string> problems;
      if (started != o.users)
        problems.push_back(std::to_string(o.users - started) + " users failed to start");
      auto& actions = r["actions"].as_object();
      for (auto& name : SimUser::action_names()) {
        auto* a = actions.if_contains(name);
        if (!a) problems.push_back("action never ran: " + name);
      }
      for (auto& [name, a] : actions)
        if (a.as_object()["errors"].as_int64() > 0)
          problems.push_back("action failed: " + std::string(name));
      for (auto& [route, c] : r["routes"].as_object())
        if (c.as_object()["errors"].as_int64() > 0)
          problems.push_back("request failed: " + std::string(route) + " (" +
                             std::to_string(c.as_object()["errors"].as_int64()) + ")");
      if (auto lost = r["websockets_lost"].as_int64(); lost > 0)
        problems.push_back(std::to_string(lost) + " WebSockets lost");
      auto& events = r["events"].as_object();
      if (!events.if_contains("posted")) problems.push_back("no posted event received");
      report["users"] = started;
      report["stats"] = r;
      report["usage"] = usage.to_json();
      json::array p;
      for (auto& s : problems) p.push_back(json::string(s));
      report["problems"] = p;
      write_report(o, report);
      for (auto& s : problems) std::cerr << "smoke: " << s << "\n";
      return problems.empty() ? 0 : 1;
    }
    if (o.mode == "run") {
      int started = fleet.add(o.users, false, true);
      std::cerr << started << " users started; measuring for " << o.seconds << " s\n";
      stats.take_window();
      stats.take_max_lag();
      stats.take_counts();
      fleet.take_websocket_census();
      auto usage = measure(o.server_pid, o.seconds);
      bool healthy = false;
      report["users"] = started;
      auto sockets = fleet.take_websocket_census();
      report["websockets_open"] = sockets.open;
      report["websockets_quiet"] = sockets.quiet;  // open, no frame received during the run
      report["websockets_lost"] = stats.take_counts().at("websockets_lost");  // during the run
      report["loadgen_max_lag_ms"] = stats.take_max_lag();
      report["http_connections_opened"] = fleet.http_connections_opened();
      auto frames = fleet.event_frames();
      report["event_frames_parsed"] = frames.parsed;
      report["event_frames_reused"] = frames.reused;
      report["thresholds"] = judge(stats.take_window(), usage, healthy);
      report["usage"] = usage.to_json();
      report["stats"] = stats.report();
      fleet.stop();
      write_report(o, report);
      return 0;
    }
    // unbounded
    int best = 0;
    json::array steps;
    fleet.add(o.start_users, false, true);
    for (;;) {
      stats.take_window();  // the logins of the step are not judged
      // The counts reported are the measurement's, but a WebSocket lost while the step's users
      // were added counts against the step too.
      auto lost_while_adding = stats.take_counts().at("websockets_lost").as_int64();
      fleet.take_websocket_census();
      auto frames_before = fleet.event_frames();
      auto usage = measure(o.server_pid, o.step_seconds);
      bool healthy = false;
      auto verdict = judge(stats.take_window(), usage, healthy);
      // A lost WebSocket (over the step, its logins included) leaves its user without events for
      // seconds: Mattermost's thresholds do not count it, but a step that loses any is not held.
      auto counts = stats.take_counts();  // during the step's measurement
      auto lost = lost_while_adding + counts.at("websockets_lost").as_int64();
      healthy = healthy && lost == 0;
      verdict["healthy"] = healthy;
      verdict["websockets_lost"] = lost;
      verdict["users"] = fleet.started();
      verdict["failed_starts"] = fleet.size() - fleet.started();
      auto sockets = fleet.take_websocket_census();
      verdict["websockets_open"] = sockets.open;
      verdict["websockets_quiet"] = sockets.quiet;  // open, no frame received during the step
      verdict["loadgen_max_lag_ms"] = stats.take_max_lag();  // over the step, its logins included
      verdict["http_connections_opened"] = fleet.http_connections_opened();  // since the start
      auto frames = fleet.event_frames();  // during the step's measurement
      verdict["event_frames_parsed"] = frames.parsed - frames_before.parsed;
      verdict["event_frames_reused"] = frames.reused - frames_before.reused;
      verdict["counts"] = std::move(counts);
      verdict["usage"] = usage.to_json();
      std::cerr << json::serialize(verdict) << "\n";
      steps.push_back(verdict);
      if (!healthy || fleet.started() < fleet.size()) break;
      best = fleet.started();
      if (fleet.size() >= o.users) break;
      fleet.add(std::min(o.step_users, o.users - fleet.size()), false, true);
    }
    fleet.stop();
    report["capacity_users"] = best;
    report["steps"] = steps;
    report["stats"] = stats.report();
    write_report(o, report);
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "parley_loadgen: " << e.what() << "\n";
    return 1;
  }
}
