// SimUser: login and bootstrap (the web app's sequence, reduced to the calls that cost the server
// something), the action loop with load-test-ng's pacing, the periodic status poll and the
// WebSocket event handling (posted, typing).
#include "sim_user.h"
#include "json_field.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <iostream>

namespace loadgen {

namespace json = boost::json;
using asio::use_awaitable;
using Clock = std::chrono::steady_clock;

SimUser::SimUser(ConnectionPool& http, EventCache& events, asio::ip::address ws_source,
                 const SimConfig& config, Stats& stats, Account account, uint64_t seed)
    : executor_(http.executor()),
      user_ids_(events.user_ids()),
      channel_ids_(events.channel_ids()),
      config_(config),
      stats_(stats),
      account_(std::move(account)),
      rng_(seed),
      http_(http, config.timeout),
      ws_(executor_, events, http.target(), ws_source, config.timeout,
          [this](const Event& e) { on_event(e); }),
      timer_(executor_),
      ws_retry_timer_(executor_) {
  double r = std::uniform_real_distribution<double>(0, 1)(rng_), acc = 0;
  for (auto [rate, share] : config_.rates) {
    acc += share;
    rate_ = rate;
    if (r < acc) break;
  }
}

asio::awaitable<HttpResult> SimUser::call(std::string_view route, std::string_view method,
                                          std::string target, std::string body) {
  std::string url = "/api/v4" + target;
  auto r = co_await http_.request(method, url, std::move(body));
  // The target post was deleted by its author meanwhile (Mattermost answers the same).
  bool race = (r.status == 400 || r.status == 404) &&
              (r.body.find("\"api.post.create_post.root_id.app_error\"") != std::string::npos ||
               r.body.find("\"app.post.get.app_error\"") != std::string::npos);
  raced_ |= race;
  if (stats_.request(route, r.ms, r.status, r.timed_out, race))
    std::cerr << "first failure of " << route << ": " << method << " " << url << " -> "
              << (r.timed_out ? "timeout" : std::to_string(r.status)) << " "
              << r.body.substr(0, 300) << "\n";
  co_return r;
}

asio::awaitable<bool> SimUser::open_websocket() {
  auto t0 = Clock::now();
  bool ok = co_await ws_.connect(http_.token());
  double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
  if (stats_.request("WS /websocket", ms, ok ? 101 : 0, !ok && ws_.timed_out()))
    std::cerr << "first failure of WS /websocket: " << ws_.failure() << "\n";
  co_return ok;
}

asio::awaitable<void> SimUser::listen() {
  auto self = shared_from_this();
  constexpr auto kFirstWait = std::chrono::seconds(3);
  constexpr auto kLongestWait = std::chrono::minutes(5);
  constexpr int kFailuresBeforeBackoff = 7;
  while (co_await ws_.read_loop()) {
    if (stopping_) co_return;
    if (stats_.websocket_lost()) std::cerr << "first WebSocket lost: " << ws_.lost_reason() << "\n";
    ws_retrying_ = true;
    bool reopened = false;
    for (int failures = 1; !reopened; ++failures) {
      std::chrono::milliseconds wait = kFirstWait;
      if (failures > kFailuresBeforeBackoff)
        wait = std::min<std::chrono::milliseconds>(kFirstWait * failures * failures, kLongestWait);
      ws_retry_timer_.expires_after(wait);
      boost::system::error_code ec;
      co_await ws_retry_timer_.async_wait(asio::redirect_error(use_awaitable, ec));
      if (stopping_) break;
      reopened = co_await open_websocket();
    }
    ws_retrying_ = false;
    if (!reopened) co_return;
  }
}

asio::awaitable<std::optional<json::value>> SimUser::get_json(std::string_view route,
                                                              std::string target) {
  auto r = co_await call(route, "GET", std::move(target));
  if (!r.ok()) co_return std::nullopt;
  boost::system::error_code ec;
  auto v = json::parse(r.body, ec);
  if (ec) co_return std::nullopt;
  co_return v;
}

asio::awaitable<bool> SimUser::start() {
  auto self = shared_from_this();
  auto t0 = Clock::now();
  json::object credentials{{"login_id", account_.email}, {"password", account_.password}};
  auto login =
      co_await call("POST /users/login", "POST", "/users/login", json::serialize(credentials));
  bool ok = login.ok() && !login.token.empty();
  if (ok) {
    http_.set_token(login.token);
    boost::system::error_code ec;
    user_id_ = str(json::parse(login.body, ec), "id");
    ok = !user_id_.empty();
  }
  if (ok) {
    if (auto cfg = co_await get_json("GET /config/client", "/config/client?format=old")) {
      typing_messages_ = str(*cfg, "EnableUserTypingMessages") != "false";
      try {
        max_notifications_per_channel_ = std::stoll(str(*cfg, "MaxNotificationsPerChannel"));
      } catch (const std::exception&) {
        // absent or not a number: keep Mattermost's default
      }
    }
    if (auto prefs = co_await get_json("GET /users/me/preferences", "/users/me/preferences");
        prefs && prefs->is_array())
      for (auto& p : prefs->as_array())
        if (str(p, "category") == "direct_channel_show" && str(p, "value") == "true")
          direct_partner_ids_.insert(str(p, "name"));
    auto teams = co_await get_json("GET /users/me/teams", "/users/me/teams");
    co_await call("GET /users/me/teams/members", "GET", "/users/me/teams/members");
    co_await call("GET /users/me/teams/unread", "GET",
                  "/users/me/teams/unread?include_collapsed_threads=true");
    if (teams && teams->is_array() && !teams->as_array().empty()) {
      auto& arr = teams->as_array();
      team_id_ = str(arr[std::uniform_int_distribution<size_t>(0, arr.size() - 1)(rng_)], "id");
    }
    ok = !team_id_.empty();
  }
  if (ok) {
    auto chans =
        co_await get_json("GET /users/me/teams/{id}/channels",
                          "/users/me/teams/" + team_id_ + "/channels?include_deleted=false");
    if (chans && chans->is_array())
      for (auto& c : chans->as_array()) {
        Channel ch{str(c, "id"), str(c, "type"), str(c, "team_id"), str(c, "name")};
        if (!ch.id.empty() && !find_channel(ch.id)) add_channel(std::move(ch));
      }
    co_await call("GET /users/me/teams/{id}/channels/members", "GET",
                  "/users/me/teams/" + team_id_ + "/channels/members");
    co_await call("GET /users/{id}/teams/{id}/channels/categories", "GET",
                  "/users/" + user_id_ + "/teams/" + team_id_ + "/channels/categories");
    auto users = co_await get_json("GET /users", "/users?in_team=" + team_id_ + "&page=" +
                                                     std::to_string(rng_() % 5) + "&per_page=100");
    if (users && users->is_array())
      for (auto& u : users->as_array())
        if (auto id = str(u, "id"); !id.empty() && id != user_id_)
          if (learn_user(id)) team_user_ids_.push_back(id);
    ok = !channels_.empty();
  }
  if (ok) ok = co_await open_websocket();
  if (ok) {
    json::object presence{{"team_id", team_id_}};
    ws_.send("presence", std::move(presence));
    asio::co_spawn(executor_, listen(), asio::detached);
    current_ = std::uniform_int_distribution<size_t>(0, channels_.size() - 1)(rng_);
    ok = co_await view_channel(channels_[current_]);
  }
  stats_.action("Login", std::chrono::duration<double, std::milli>(Clock::now() - t0).count(), ok,
                login.timed_out);
  co_return ok;
}

SimUser::SocketCensus SimUser::take_socket_census() {
  int64_t events = ws_.events_received();
  SocketCensus census{started(), started() && events == events_at_census_};
  events_at_census_ = events;
  return census;
}

void SimUser::stop() {
  stopping_ = true;
  timer_.cancel();
  ws_retry_timer_.cancel();
  ws_.close();
}

asio::awaitable<void> SimUser::idle(std::chrono::milliseconds d) {
  timer_.expires_after(d);
  boost::system::error_code ec;
  co_await timer_.async_wait(asio::redirect_error(use_awaitable, ec));
}

// As load-test-ng's getUsersStatuses (from the web app): the user, the authors of the current
// channel's newest posts (those on screen without scrolling) and the direct channels' partners.
asio::awaitable<void> SimUser::status_poll() {
  Channel* ch = current();
  if (!ch) co_return;
  std::unordered_set<std::string> seen{user_id_};
  json::array ids{json::string(user_id_)};
  auto add = [&](std::string id) {
    if (!id.empty() && seen.insert(id).second) ids.push_back(json::string(id));
  };
  for (size_t i = 0; i < ch->posts.size() && i < Channel::kVisiblePosts; ++i)
    if (auto author = ch->posts[i].author; author != IdTable::kNone) add(user_ids_.id(author));
  for (const auto& id : direct_partner_ids_) add(id);
  co_await call("POST /users/status/ids", "POST", "/users/status/ids", json::serialize(ids));
}

void SimUser::on_event(const Event& e) {
  const std::string& name = e.name;
  stats_.event(name);
  // The event's ids were numbered once for every user of this loop (EventCache).
  if (name == "typing") {
    learn_user(e.user);
    return;
  }
  if ((name != "posted" && name != "post_deleted") || !e.post_id) return;
  if (name == "post_deleted") {
    forget_post(std::string_view(e.post_id->data(), e.post_id->size()));
    return;
  }
  learn_user(e.user);
  Channel* ch = find_channel(e.channel);
  if (!ch) {
    // A channel this user did not know (a new DM or GM): add it; the next action loads it.
    if (e.channel != IdTable::kNone) add_channel(Channel{channel_ids_.id(e.channel), "", "", ""});
    return;
  }
  ch->posts.push_front({*e.post_id, e.user});
  if (ch->posts.size() > Channel::kKeptPosts) ch->posts.pop_back();
  if (!e.reply) {
    ch->root_ids.push_front(*e.post_id);
    if (ch->root_ids.size() > Channel::kKeptRoots) ch->root_ids.pop_back();
  }
}

// load-test-ng's core action weights (simulcontroller getActionList).
const std::vector<SimUser::Action>& SimUser::actions() {
  static const std::vector<Action> kActions = {
      {6.52, "SwitchChannel", &SimUser::switch_channel},
      {1.99, "ScrollChannel", &SimUser::scroll_channel},
      {1.41, "DeleteDraft", &SimUser::delete_draft},
      {1.0, "UnreadCheck", &SimUser::unread_check},
      {1.0, "CreatePost", &SimUser::create_post},
      {0.98, "OpenDirectOrGroupChannel", &SimUser::open_direct_or_group},
      {0.60, "ViewGlobalThreads", &SimUser::view_global_threads},
      {0.50, "UpsertDraft", &SimUser::upsert_draft},
      {0.32, "UpdateThreadRead", &SimUser::update_thread_read},
      {0.30, "ClickPermalink", &SimUser::click_permalink},
      {0.28, "ViewThread", &SimUser::view_thread},
      {0.144, "ReconnectWebSocket", &SimUser::reconnect_websocket},
      {0.131, "AddReaction", &SimUser::add_reaction},
      {0.04, "EditPost", &SimUser::edit_post},
      {0.032, "SearchUsers", &SimUser::search_users},
      {0.022, "SearchPosts", &SimUser::search_posts_in_team},
      {0.011, "SearchPostsAllTeams", &SimUser::search_posts_all_teams},
      {0.015, "SearchChannels", &SimUser::search_channels},
      {0.005, "DeletePost", &SimUser::delete_post},
      {0.005, "JoinChannel", &SimUser::join_channel},
  };
  return kActions;
}

std::vector<std::string> SimUser::action_names() {
  std::vector<std::string> out;
  for (auto& a : actions()) out.emplace_back(a.name);
  return out;
}

asio::awaitable<void> SimUser::perform(const Action& a) {
  auto t0 = Clock::now();
  raced_ = false;
  bool ok = co_await (this->*(a.fn))();
  if (!stopping_)
    stats_.action(a.name, std::chrono::duration<double, std::milli>(Clock::now() - t0).count(), ok,
                  false, raced_);
}

asio::awaitable<void> SimUser::run_every_action_once() {
  auto self = shared_from_this();
  std::vector<const Action*> order;
  for (auto& a : actions()) order.push_back(&a);
  std::shuffle(order.begin(), order.end(), rng_);
  for (auto* a : order) {
    if (stopping_) break;
    co_await perform(*a);
  }
}

void SimUser::forget_post(std::string_view id) {
  if (auto key = id_key(id))
    for (auto& ch : channels_) {
      std::erase_if(ch.posts, [&](const KnownPost& p) { return p.id == *key; });
      std::erase(ch.root_ids, *key);
    }
  std::erase(own_post_ids_, id);
}

asio::awaitable<void> SimUser::run() {
  auto self = shared_from_this();
  using Ms = std::chrono::milliseconds;
  auto idle_time = [&] {
    auto lo = static_cast<double>(config_.min_idle.count());
    auto hi = 2.0 * static_cast<double>(config_.avg_idle.count()) - lo;
    return Ms(static_cast<int64_t>(
        std::uniform_real_distribution<double>(lo, std::max(lo, hi))(rng_) * rate_));
  };
  double total = 0;
  for (auto& a : actions()) total += a.weight;

  auto next_action = Clock::now() + idle_time();
  auto next_poll = Clock::now() + config_.status_poll;
  while (!stopping_) {
    auto wake = std::min(next_action, next_poll);
    co_await idle(std::chrono::duration_cast<Ms>(wake - Clock::now()) + Ms(1));
    if (stopping_) break;
    auto now = Clock::now();
    if (now >= next_poll) {
      co_await status_poll();
      next_poll = now + config_.status_poll;
    }
    if (now < next_action) continue;
    double r = std::uniform_real_distribution<double>(0, total)(rng_);
    const Action* chosen = &actions()[0];
    for (auto& a : actions()) {
      chosen = &a;
      if (r < a.weight) break;
      r -= a.weight;
    }
    co_await perform(*chosen);
    next_action = Clock::now() + idle_time();
  }
}

}  // namespace loadgen
