// run_fanout / run_idle_websockets: listeners are WsClients spread over a few logged-in users
// (one user may hold many connections) and over loopback source addresses.
#include "bench_ws.h"
#include "broadcast_server.h"
#include "json_field.h"
#include "proc_sampler.h"
#include "seed.h"
#include "stats.h"
#include "ws_client.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_future.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <sys/resource.h>
#include <unistd.h>

#include <atomic>
#include <iostream>
#include <mutex>
#include <thread>

namespace loadgen {

namespace json = boost::json;
using Clock = std::chrono::steady_clock;

namespace {

// Runs one coroutine to completion on a private io_context.
template <class T>
T block_on(asio::awaitable<T> a) {
  asio::io_context io;
  auto f = asio::co_spawn(io, std::move(a), asio::use_future);
  io.run();
  return f.get();
}

asio::awaitable<HttpResult> api(HttpClient& c, std::string_view method, std::string path,
                                std::string body = {}) {
  std::string url = "/api/v4" + path;
  co_return co_await c.request(method, std::move(url), std::move(body));
}

}  // namespace

BenchSetup prepare_bench_channel(const Options& o, const Target& target, int users) {
  return block_on([&]() -> asio::awaitable<BenchSetup> {
    auto ex = co_await asio::this_coro::executor;
    BenchSetup s;
    HttpClient admin(ex, target, std::chrono::seconds(60));
    json::object login{{"login_id", "lg-admin@loadtest.example.com"},
                       {"password", o.seed.password}};
    auto r = co_await api(admin, "POST", "/users/login", json::serialize(login));
    if (!r.ok()) throw std::runtime_error("admin login failed: " + r.body);
    admin.set_token(r.token);
    auto teams = co_await api(admin, "GET", "/teams/name/lg-team-0");
    auto team_id = str(json::parse(teams.body), "id");
    json::object channel{
        {"team_id", team_id}, {"name", "lg-bench"}, {"display_name", "Benchmarks"}, {"type", "O"}};
    auto ch = co_await api(admin, "POST", "/channels", json::serialize(channel));
    if (!ch.ok()) ch = co_await api(admin, "GET", "/teams/" + team_id + "/channels/name/lg-bench");
    s.channel_id = str(json::parse(ch.body), "id");
    for (int i = 0; i < users; ++i) {
      HttpClient c(ex, target, std::chrono::seconds(60));
      json::object cred{{"login_id", user_email(i)}, {"password", o.seed.password}};
      auto l = co_await api(c, "POST", "/users/login", json::serialize(cred));
      if (!l.ok()) throw std::runtime_error("login of " + user_email(i) + " failed: " + l.body);
      s.tokens.push_back(l.token);
      s.user_ids.push_back(str(json::parse(l.body), "id"));
    }
    for (size_t from = 0; from < s.user_ids.size(); from += 1000) {
      json::array ids;
      for (size_t i = from; i < std::min(s.user_ids.size(), from + 1000); ++i)
        ids.push_back(json::string(s.user_ids[i]));
      json::object body{{"user_ids", ids}};
      auto m = co_await api(admin, "POST", "/channels/" + s.channel_id + "/members",
                            json::serialize(body));
      if (!m.ok()) throw std::runtime_error("adding channel members failed: " + m.body);
    }
    co_return s;
  }());
}

namespace {

// Connections on `threads` io_contexts, opened `parallel` at a time.
class Listeners {
 public:
  Listeners(const Options& o, const Target& target, std::function<bool(std::string_view)> raw)
      : raw_(std::move(raw)) {
    for (int i = 0; i < std::max(1, o.threads); ++i) {
      contexts_.push_back(std::make_unique<asio::io_context>(1));
      guards_.emplace_back(contexts_.back()->get_executor());
      event_caches_.push_back(std::make_unique<EventCache>());
    }
    options_ = &o;
    target_ = target;
  }
  ~Listeners() {
    for (auto& c : clients_) c->close();
    guards_.clear();
    for (auto& c : contexts_) c->stop();
    threads_.clear();
  }
  int open(const std::vector<std::string>& tokens, int n) {
    for (auto& c : contexts_) threads_.emplace_back([io = c.get()] { io->run(); });
    std::atomic<int> ok{0};
    constexpr int kParallel = 200;
    for (int from = 0; from < n; from += kParallel) {
      std::vector<std::future<void>> batch;
      for (int i = from; i < std::min(n, from + kParallel); ++i) {
        size_t loop = static_cast<size_t>(i) % contexts_.size();
        auto& io = *contexts_[loop];
        auto source = asio::ip::make_address_v4(
            0x7f000001u + static_cast<uint32_t>(i % std::max(1, options_->sources)));
        auto client = std::make_shared<WsClient>(io.get_executor(), *event_caches_[loop], target_,
                                                 source, std::chrono::seconds(60), nullptr);
        client->set_raw_handler(raw_);
        clients_.push_back(client);
        const std::string& token = tokens[static_cast<size_t>(i) % tokens.size()];
        batch.push_back(asio::co_spawn(
            io,
            [client, token, &ok]() -> asio::awaitable<void> {
              if (co_await client->connect(token)) {
                ++ok;
                asio::co_spawn(co_await asio::this_coro::executor, client->read_loop(),
                               asio::detached);
              }
            },
            asio::use_future));
      }
      for (auto& f : batch) f.get();
    }
    return ok.load();
  }

 private:
  const Options* options_ = nullptr;
  Target target_;
  std::function<bool(std::string_view)> raw_;
  std::vector<std::unique_ptr<asio::io_context>> contexts_;
  std::vector<asio::executor_work_guard<asio::io_context::executor_type>> guards_;
  std::vector<std::unique_ptr<EventCache>> event_caches_;  // one per context
  std::vector<std::jthread> threads_;
  std::vector<std::shared_ptr<WsClient>> clients_;
};

// Delivery bookkeeping: message k was sent at sent[k]; every frame carrying "fanout-k " counts.
struct Deliveries {
  explicit Deliveries(size_t messages) : sent(messages) {}
  std::vector<std::atomic<int64_t>> sent;  // steady-clock ns
  std::atomic<int64_t> delivered{0};
  std::atomic<int64_t> last_ns{0};
  std::mutex mutex;
  std::vector<float> latency_ms;
  std::string sample_frame;

  bool on_frame(std::string_view text) {
    auto at = text.find("fanout-");
    if (at == std::string_view::npos) return false;
    size_t k = 0, i = at + 7;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9')
      k = k * 10 + static_cast<size_t>(text[i++] - '0');
    auto now = Clock::now().time_since_epoch().count();
    if (k < sent.size()) {
      float ms = static_cast<float>(now - sent[k].load()) / 1e6f;
      std::lock_guard lock(mutex);
      latency_ms.push_back(ms);
      if (sample_frame.empty()) sample_frame = std::string(text);
    }
    ++delivered;
    last_ns = now;
    return true;
  }
  json::object report(int64_t expected, Clock::time_point start) {
    Counter c;
    {
      std::lock_guard lock(mutex);
      c.ms = latency_ms;
    }
    double secs = static_cast<double>(last_ns.load() - start.time_since_epoch().count()) / 1e9;
    return {{"delivered", delivered.load()},
            {"expected", expected},
            {"seconds", secs},
            {"deliveries_per_second", secs > 0 ? static_cast<double>(delivered.load()) / secs : 0},
            {"latency_p50_ms", c.percentile(50)},
            {"latency_p99_ms", c.percentile(99)}};
  }
};

void wait_for(Deliveries& d, int64_t expected) {
  int64_t seen = -1;
  auto idle_since = Clock::now();
  while (d.delivered.load() < expected) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    if (d.delivered.load() != seen) {
      seen = d.delivered.load();
      idle_since = Clock::now();
    } else if (Clock::now() - idle_since > std::chrono::seconds(10)) {
      break;  // reported as delivered < expected
    }
  }
}

}  // namespace

json::object run_fanout(const Options& o, const Target& target) {
  const int posters = 4;
  const int users = std::max(posters, std::min(o.users, 100));
  const int per_poster = std::max(1, o.seconds);  // messages per poster
  const size_t messages = static_cast<size_t>(posters * per_poster);
  auto setup = prepare_bench_channel(o, target, users);
  json::object out;
  std::string frame;  // a posted event as Parley sent it, replayed by the ceiling
  {
    // With --server-pid: what the listeners cost the server once every message reached them
    // (each connection keeps its recent events for a resuming client).
    auto rss_before = o.server_pid ? process_rss_kb(o.server_pid).value_or(0) : 0;
    Deliveries d(messages);
    Listeners listeners(o, target, [&](std::string_view t) { return d.on_frame(t); });
    int open = listeners.open(setup.tokens, o.connections);
    std::cerr << "fanout: " << open << " listeners on Parley\n";
    int64_t expected = static_cast<int64_t>(open) * static_cast<int64_t>(messages);
    auto start = Clock::now();
    auto cpu_before = o.server_pid ? process_cpu_seconds(o.server_pid) : std::nullopt;
    auto own_cpu_before = process_cpu_seconds(getpid());
    {
      asio::io_context io;
      std::vector<std::future<void>> done;
      for (int p = 0; p < posters; ++p)
        done.push_back(asio::co_spawn(
            io,
            [&, p]() -> asio::awaitable<void> {
              auto ex = co_await asio::this_coro::executor;
              HttpClient c(ex, target, std::chrono::seconds(60));
              c.set_token(setup.tokens[static_cast<size_t>(p)]);
              for (int k = 0; k < per_poster; ++k) {
                size_t id = static_cast<size_t>(p * per_poster + k);
                json::object post{
                    {"channel_id", setup.channel_id},
                    {"message", "fanout-" + std::to_string(id) + " " + std::string(40, 'x')}};
                std::string body = json::serialize(post);
                d.sent[id] = Clock::now().time_since_epoch().count();
                auto r = co_await api(c, "POST", "/posts", std::move(body));
                if (!r.ok()) throw std::runtime_error("fan-out post failed: " + r.body);
                if (o.post_interval_ms > 0) {
                  asio::steady_timer pause(ex, std::chrono::milliseconds(o.post_interval_ms));
                  co_await pause.async_wait(asio::use_awaitable);
                }
              }
            },
            asio::use_future));
      io.run();
      for (auto& f : done) f.get();
    }
    wait_for(d, expected);
    out["parley"] = d.report(expected, start);
    out["listeners"] = open;
    // The server's CPU from the first post to the last delivery (posting, fan-out, writes).
    auto cpu_after = o.server_pid ? process_cpu_seconds(o.server_pid) : std::nullopt;
    if (cpu_before && cpu_after && expected > 0)
      out["server_cpu_us_per_delivery"] =
          (*cpu_after - *cpu_before) * 1e6 / static_cast<double>(expected);
    // This process's CPU over the same time: mostly the listeners reading their frames (the
    // generator's cost per delivered event, without what its simulated users do with them).
    auto own_cpu_after = process_cpu_seconds(getpid());
    if (own_cpu_before && own_cpu_after && expected > 0)
      out["listeners_cpu_us_per_delivery"] =
          (*own_cpu_after - *own_cpu_before) * 1e6 / static_cast<double>(expected);
    if (o.server_pid && open > 0) {
      auto rss_after = process_rss_kb(o.server_pid).value_or(0);
      out["server_rss_after_kb"] = rss_after;
      out["server_kb_per_listener"] = static_cast<double>(rss_after - rss_before) / open;
    }
    frame = d.sample_frame;
  }  // Parley's listeners are closed before the ceiling is measured.
  {
    // Ceiling: the same frames from a bare broadcaster with as many io threads as Parley (cores).
    // It runs in this process, which then holds both ends of each connection: stay under the
    // open-file limit (the listener count is reported).
    rlimit fds{};
    getrlimit(RLIMIT_NOFILE, &fds);
    int base_connections = static_cast<int>(
        std::min<rlim_t>(static_cast<rlim_t>(o.connections), (fds.rlim_cur - 256) / 2));
    BroadcastServer baseline(static_cast<int>(std::thread::hardware_concurrency()));
    Target base{{asio::ip::make_address("127.0.0.1"), baseline.port()},
                "127.0.0.1:" + std::to_string(baseline.port())};
    Deliveries b(messages);
    Listeners base_listeners(o, base, [&](std::string_view t) { return b.on_frame(t); });
    int base_open = base_listeners.open(setup.tokens, base_connections);
    out["bare_broadcast_listeners"] = base_open;
    auto pos = frame.find("fanout-");
    auto end = frame.find(' ', pos);
    auto bstart = Clock::now();
    for (size_t k = 0; k < messages; ++k) {
      if (o.post_interval_ms > 0 && k > 0)  // the posters' pace: 4 posts per interval
        std::this_thread::sleep_for(std::chrono::milliseconds(o.post_interval_ms) / posters);
      b.sent[k] = Clock::now().time_since_epoch().count();
      baseline.broadcast(frame.substr(0, pos) + "fanout-" + std::to_string(k) + frame.substr(end));
    }
    wait_for(b, static_cast<int64_t>(base_open) * static_cast<int64_t>(messages));
    out["bare_broadcast"] =
        b.report(static_cast<int64_t>(base_open) * static_cast<int64_t>(messages), bstart);
    out["frame_bytes"] = frame.size();
  }
  double parley = out["parley"].as_object()["deliveries_per_second"].as_double();
  double ceiling = out["bare_broadcast"].as_object()["deliveries_per_second"].as_double();
  out["ratio"] = ceiling > 0 ? parley / ceiling : 0;
  return out;
}

json::object run_idle_websockets(const Options& o, const Target& target) {
  if (!o.server_pid) throw std::runtime_error("idle-ws needs --server-pid");
  auto setup = prepare_bench_channel(o, target, std::max(1, std::min(o.users, 100)));
  auto before = process_rss_kb(o.server_pid).value_or(0);
  Listeners listeners(o, target, [](std::string_view) { return false; });
  int open = listeners.open(setup.tokens, o.connections);
  std::this_thread::sleep_for(std::chrono::seconds(3));
  auto after = process_rss_kb(o.server_pid).value_or(0);
  return {{"connections", open},
          {"server_rss_before_kb", before},
          {"server_rss_after_kb", after},
          {"kb_per_connection", open ? static_cast<double>(after - before) / open : 0}};
}

}  // namespace loadgen
