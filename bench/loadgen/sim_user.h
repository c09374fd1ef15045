// A simulated Mattermost user, modelled on mattermost-load-test-ng's SimulController: logs in with
// e-mail and password, bootstraps like the web app, holds a WebSocket, then loops over weighted
// actions separated by idle times scaled by the user's rate.
#pragma once

#include "http_client.h"
#include "stats.h"
#include "ws_client.h"

#include "util/string_hash.h"

#include <boost/asio/steady_timer.hpp>
#include <boost/json/value.hpp>
#include <boost/unordered/unordered_flat_map.hpp>

#include <array>
#include <deque>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace loadgen {

struct SimConfig {
  std::chrono::milliseconds min_idle{1000};   // load-test-ng's MinIdleTimeMs
  std::chrono::milliseconds avg_idle{20000};  // AvgIdleTimeMs
  // (rate, share of users): a user's idle times are multiplied by its rate (RatesDistribution).
  std::vector<std::pair<double, double>> rates{
      {1, 0.05}, {2, 0.10}, {3, 0.15}, {6, 0.40}, {30, 0.30}};
  double percent_replies = 0.18;
  double percent_files = 0.02;
  std::chrono::milliseconds timeout{30000};
  std::chrono::seconds status_poll{60};
};

// Ids, searchable with a view into a parsed event (no copy).
using IdSet = std::unordered_set<std::string, parley::util::StringHash, std::equal_to<>>;

struct Account {
  std::string email;
  std::string password;
};

class SimUser : public std::enable_shared_from_this<SimUser> {
 public:
  // Requests go through `http` (its event loop is the user's); the WebSocket connects from
  // `ws_source`, and its events are parsed by `events`, shared by the users of that loop.
  SimUser(ConnectionPool& http, EventCache& events, asio::ip::address ws_source,
          const SimConfig& config, Stats& stats, Account account, uint64_t seed);

  // Logs in, loads what the web app loads, opens the WebSocket; false on failure.
  asio::awaitable<bool> start();
  // The action loop and the periodic status poll, until stop().
  asio::awaitable<void> run();
  // Runs every action once in random order (smoke mode: proves each against the server).
  asio::awaitable<void> run_every_action_once();
  static std::vector<std::string> action_names();
  void stop();
  bool started() const { return !user_id_.empty() && ws_.open(); }
  // Whether the WebSocket is open, and whether it received no frame since the previous call.
  struct SocketCensus {
    bool open = false, quiet = false;
  };
  SocketCensus take_socket_census();

 private:
  struct KnownPost {
    IdKey id;
    uint32_t author;  // numbered in user_ids_ (IdTable::kNone when unknown)
  };
  struct Channel {
    Channel(std::string id_, std::string type_, std::string team_id_, std::string name_)
        : id(std::move(id_)),
          type(std::move(type_)),
          team_id(std::move(team_id_)),
          name(std::move(name_)) {}
    std::string id, type, team_id, name;
    bool visited = false;
    int64_t last_viewed = 0;
    int64_t member_count = 0;  // from the channel's stats, read when it is viewed
    // Newest first, from the pages seen and events: each post's id and author (the status poll
    // asks for the authors of the newest kVisiblePosts, as load-test-ng's getUsersStatuses).
    std::deque<KnownPost> posts;
    std::deque<IdKey> root_ids;  // the root posts among them
    static constexpr size_t kKeptPosts = 200, kKeptRoots = 100, kVisiblePosts = 60;
  };

  asio::awaitable<HttpResult> call(std::string_view route, std::string_view method,
                                   std::string target, std::string body = {});
  asio::awaitable<std::optional<boost::json::value>> get_json(std::string_view route,
                                                              std::string target);
  // ws_.connect() counted as the route "WS /websocket" (status 101 when open, 0 when not).
  asio::awaitable<bool> open_websocket();
  // Reads the WebSocket's events. When the connection is lost it reconnects, resuming, as the web
  // app and load-test-ng do (after 3 s; after 7 failed attempts, 3 s times the square of the
  // attempts, at most 5 minutes). Ends when the user closes the socket (ReconnectWebSocket then
  // starts another) or stops.
  asio::awaitable<void> listen();
  asio::awaitable<void> status_poll();
  asio::awaitable<void> idle(std::chrono::milliseconds d);
  void on_event(const Event& e);
  void remember_posts(Channel& ch, const boost::json::value& post_list);
  void forget_post(std::string_view id);  // deleted: no more replies, reactions or edits

  // Actions: each returns whether every request succeeded.
  asio::awaitable<bool> switch_channel();
  asio::awaitable<bool> view_channel(Channel& ch);
  asio::awaitable<bool> scroll_channel();
  asio::awaitable<bool> delete_draft();
  asio::awaitable<bool> upsert_draft();
  asio::awaitable<bool> unread_check();
  asio::awaitable<bool> create_post();
  asio::awaitable<bool> open_direct_or_group();
  asio::awaitable<bool> view_global_threads();
  asio::awaitable<bool> update_thread_read();
  asio::awaitable<bool> click_permalink();
  asio::awaitable<bool> view_thread();
  asio::awaitable<bool> reconnect_websocket();
  asio::awaitable<bool> add_reaction();
  asio::awaitable<bool> edit_post();
  asio::awaitable<bool> delete_post();
  asio::awaitable<bool> search_users();
  asio::awaitable<bool> search_posts(bool all_teams);
  asio::awaitable<bool> search_posts_in_team() { return search_posts(false); }
  asio::awaitable<bool> search_posts_all_teams() { return search_posts(true); }
  asio::awaitable<bool> search_channels();
  asio::awaitable<bool> join_channel();

  struct Action {
    double weight;
    const char* name;
    asio::awaitable<bool> (SimUser::*fn)();
  };
  static const std::vector<Action>& actions();
  asio::awaitable<void> perform(const Action& a);

  Channel* current();
  Channel* random_channel();
  std::string random_word();
  template <class Container>
  const auto& pick(const Container& v) {
    return v[std::uniform_int_distribution<size_t>(0, v.size() - 1)(rng_)];
  }
  // The channel of that id (or number in channel_ids_) among this user's, or null.
  Channel* find_channel(std::string_view id);
  Channel* find_channel(uint32_t number);
  Channel& add_channel(Channel ch);
  // Marks a user id (or its number in user_ids_) known; true when it was new.
  bool learn_user(std::string_view id);
  bool learn_user(uint32_t number);

  asio::any_io_executor executor_;
  // Shared by the users of this event loop (the EventCache's).
  IdTable& user_ids_;
  IdTable& channel_ids_;
  const SimConfig& config_;
  Stats& stats_;
  Account account_;
  std::mt19937_64 rng_;
  double rate_ = 1;
  HttpClient http_;
  WsClient ws_;
  asio::steady_timer timer_;
  asio::steady_timer ws_retry_timer_;  // listen()'s wait before reconnecting
  bool ws_retrying_ = false;           // listen() is reconnecting a lost WebSocket
  int64_t events_at_census_ = -1;      // ws_.events_received() at the last take_socket_census()
  bool stopping_ = false;
  bool raced_ = false;  // a request of the current action hit a post deleted meanwhile

  std::string user_id_, team_id_;
  // From the client config: the web app sends `user_typing` only when typing messages are on
  // and the channel has fewer members than MaxNotificationsPerChannel.
  bool typing_messages_ = true;
  int64_t max_notifications_per_channel_ = 1000;
  std::deque<Channel> channels_;  // deque: events append while actions hold references
  // Channel number -> position in channels_.
  boost::unordered_flat_map<uint32_t, size_t> channel_index_;
  size_t current_ = 0;
  std::vector<std::string> team_user_ids_;
  std::vector<bool> known_users_;  // by number in user_ids_
  // The other users of the direct channels shown in the sidebar (direct_channel_show): the
  // status poll asks for them too.
  IdSet direct_partner_ids_;
  std::vector<std::string> own_post_ids_;
  std::vector<std::string> thread_ids_;
  std::vector<std::string> draft_channel_ids_;
};

}  // namespace loadgen
