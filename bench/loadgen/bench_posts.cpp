// run_post_rate: --connections clients post as fast as the server acknowledges for --seconds;
// acknowledged (201) posts per second and their latency.
#include "bench_posts.h"
#include "bench_ws.h"
#include "proc_sampler.h"
#include "stats.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>
#include <boost/json/serialize.hpp>

#include <atomic>

namespace loadgen {

namespace json = boost::json;
using Clock = std::chrono::steady_clock;

json::object run_post_rate(const Options& o, const Target& target) {
  int clients = std::max(1, o.connections);
  auto setup = prepare_bench_channel(o, target, std::min(clients, o.users));
  Stats stats;
  auto deadline = Clock::now() + std::chrono::seconds(o.seconds);
  asio::io_context io;
  std::vector<std::future<void>> done;
  for (int i = 0; i < clients; ++i)
    done.push_back(asio::co_spawn(
        io,
        [&, i]() -> asio::awaitable<void> {
          auto ex = co_await asio::this_coro::executor;
          HttpClient c(ex, target, std::chrono::seconds(30));
          c.set_token(setup.tokens[static_cast<size_t>(i) % setup.tokens.size()]);
          for (int k = 0; Clock::now() < deadline; ++k) {
            json::object post{
                {"channel_id", setup.channel_id},
                {"message", "post-rate " + std::to_string(i) + "-" + std::to_string(k) +
                                " the quick brown fox jumps over the lazy dog"}};
            std::string body = json::serialize(post);
            auto r = co_await c.request("POST", "/api/v4/posts", std::move(body));
            stats.request("POST /posts", r.ms, r.status, r.timed_out);
          }
        },
        asio::use_future));
  // With --server-pid: the server's CPU (utime + stime) over the posting window only, so the
  // logins and channel setup above are not charged to the posts.
  auto cpu_before = o.server_pid ? process_cpu_seconds(o.server_pid) : std::nullopt;
  auto start = Clock::now();
  io.run();
  for (auto& f : done) f.get();
  double secs = std::chrono::duration<double>(Clock::now() - start).count();
  auto cpu_after = o.server_pid ? process_cpu_seconds(o.server_pid) : std::nullopt;
  auto all = stats.all_requests();
  int64_t acknowledged = all.count - all.errors;
  json::object out{{"clients", clients},
                   {"seconds", secs},
                   {"acknowledged", acknowledged},
                   {"errors", all.errors},
                   {"posts_per_second", static_cast<double>(acknowledged) / secs},
                   {"mean_ms", all.mean()},
                   {"p99_ms", all.percentile(99)}};
  if (cpu_before && cpu_after && acknowledged > 0) {
    double cpu_ms = 1000.0 * (*cpu_after - *cpu_before);
    out["server_cpu_ms"] = cpu_ms;
    out["server_cpu_us_per_post"] = 1000.0 * cpu_ms / static_cast<double>(acknowledged);
  }
  return out;
}

}  // namespace loadgen
