// Fleet: one io_context per thread, kept alive by work guards; users are created and stopped on
// their own context.
#include "fleet.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/use_future.hpp>

#include <algorithm>
#include <future>

namespace loadgen {

namespace {
using Guard = asio::executor_work_guard<asio::io_context::executor_type>;
// load-test-ng's MaxIdleConns: idle connections kept by the whole agent, here split between the
// threads' pools.
constexpr size_t kMaxIdleConnections = 100;
}  // namespace

Fleet::Fleet(const Options& options, Target target, Stats& stats, std::vector<std::string> emails)
    : options_(options), stats_(stats), emails_(std::move(emails)) {
  int threads = std::max(1, options.threads);
  for (int i = 0; i < std::max(1, options.sources); ++i)
    sources_.push_back(asio::ip::make_address_v4(0x7f000001u + static_cast<uint32_t>(i)));
  for (int i = 0; i < threads; ++i) {
    contexts_.push_back(std::make_unique<asio::io_context>(1));
    auto* io = contexts_.back().get();
    pools_.push_back(std::make_unique<ConnectionPool>(
        io->get_executor(), target, sources_,
        (kMaxIdleConnections + static_cast<size_t>(threads) - 1) / static_cast<size_t>(threads)));
    event_caches_.push_back(std::make_unique<EventCache>());
    asio::co_spawn(*io, probe_lag(stats_), asio::detached);
    threads_.emplace_back([io] {
      Guard guard(io->get_executor());
      io->run();
    });
  }
}

asio::awaitable<void> Fleet::probe_lag(Stats& stats) {
  constexpr auto kPeriod = std::chrono::milliseconds(100);
  asio::steady_timer timer(co_await asio::this_coro::executor);
  for (;;) {
    auto due = std::chrono::steady_clock::now() + kPeriod;
    timer.expires_at(due);
    boost::system::error_code ec;
    co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    if (ec) co_return;
    stats.loop_lag(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - due).count());
  }
}

Fleet::~Fleet() {
  stop();
  std::this_thread::sleep_for(std::chrono::milliseconds(100));  // let the stop handlers run
  for (auto& io : contexts_) io->stop();
}

int Fleet::add(int n, bool every_action_once, bool loop) {
  std::vector<std::future<bool>> starts;
  auto pace = std::chrono::microseconds(1'000'000 / std::max(1, options_.ramp_per_second));
  auto next = std::chrono::steady_clock::now();
  for (int k = 0; k < n && users_.size() < emails_.size(); ++k) {
    size_t i = users_.size();
    auto& io = *contexts_[i % contexts_.size()];
    auto user = std::make_shared<SimUser>(
        *pools_[i % pools_.size()], *event_caches_[i % event_caches_.size()],
        sources_[i % sources_.size()], options_.sim, stats_,
        Account{emails_[i], options_.seed.password}, options_.seed.seed * 7919 + i);
    users_.push_back(user);
    starts.push_back(asio::co_spawn(
        io,
        [user, every_action_once, loop, this]() -> asio::awaitable<bool> {
          bool ok = co_await user->start();
          if (ok && every_action_once) co_await user->run_every_action_once();
          if (ok && loop)
            asio::co_spawn(co_await asio::this_coro::executor, user->run(), asio::detached);
          co_return ok;
        },
        asio::use_future));
    next += pace;
    std::this_thread::sleep_until(next);
  }
  int ok = 0;
  for (auto& f : starts) ok += f.get() ? 1 : 0;
  started_ += ok;
  return ok;
}

Fleet::WebSocketCensus Fleet::take_websocket_census() {
  std::vector<std::future<WebSocketCensus>> counts;
  for (size_t c = 0; c < contexts_.size(); ++c) {
    std::vector<std::shared_ptr<SimUser>> mine;
    for (size_t i = c; i < users_.size(); i += contexts_.size()) mine.push_back(users_[i]);
    auto count = std::make_shared<std::promise<WebSocketCensus>>();
    counts.push_back(count->get_future());
    asio::post(*contexts_[c], [mine = std::move(mine), count] {
      WebSocketCensus n;
      for (auto& user : mine) {
        auto socket = user->take_socket_census();
        n.open += socket.open ? 1 : 0;
        n.quiet += socket.quiet ? 1 : 0;
      }
      count->set_value(n);
    });
  }
  WebSocketCensus all;
  for (auto& f : counts) {
    auto n = f.get();
    all.open += n.open;
    all.quiet += n.quiet;
  }
  return all;
}

int64_t Fleet::http_connections_opened() const {
  int64_t n = 0;
  for (auto& p : pools_) n += p->opened();
  return n;
}

Fleet::EventFrames Fleet::event_frames() const {
  EventFrames n;
  for (auto& c : event_caches_) {
    n.parsed += c->parsed();
    n.reused += c->reused();
  }
  return n;
}

void Fleet::stop() {
  for (size_t i = 0; i < users_.size(); ++i) {
    auto user = users_[i];
    asio::post(*contexts_[i % contexts_.size()], [user] { user->stop(); });
  }
  users_.clear();
}

}  // namespace loadgen
