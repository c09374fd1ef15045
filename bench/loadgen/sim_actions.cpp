// SimUser's actions, each issuing the requests the web app makes for it (see
// ../shared/research/webapp-call-sequence.md and load-test-ng's simulcontroller/actions.go).
#include "json_field.h"
#include "sim_user.h"
#include "words.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>

namespace loadgen {

namespace json = boost::json;

namespace {

int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::optional<json::value> parse(const HttpResult& r) {
  if (!r.ok()) return std::nullopt;
  boost::system::error_code ec;
  auto v = json::parse(r.body, ec);
  if (ec) return std::nullopt;
  return v;
}

constexpr std::string_view kThreadQuery =
    "skipFetchThreads=false&collapsedThreads=true&collapsedThreadsExtended=false";

}  // namespace

SimUser::Channel* SimUser::current() {
  return channels_.empty() ? nullptr : &channels_[current_];
}

SimUser::Channel* SimUser::find_channel(std::string_view id) {
  return find_channel(channel_ids_.number(id));
}

SimUser::Channel* SimUser::find_channel(uint32_t number) {
  auto it = channel_index_.find(number);
  return it == channel_index_.end() ? nullptr : &channels_[it->second];
}

bool SimUser::learn_user(std::string_view id) {
  return learn_user(user_ids_.number(id));
}

bool SimUser::learn_user(uint32_t number) {
  if (number == IdTable::kNone) return false;
  if (number >= known_users_.size()) known_users_.resize(std::max<size_t>(user_ids_.size(), 64));
  if (known_users_[number]) return false;
  known_users_[number] = true;
  return true;
}

SimUser::Channel& SimUser::add_channel(Channel ch) {
  if (auto number = channel_ids_.number(ch.id); number != IdTable::kNone)
    channel_index_.emplace(number, channels_.size());
  return channels_.emplace_back(std::move(ch));
}

SimUser::Channel* SimUser::random_channel() {
  if (channels_.empty()) return nullptr;
  return &channels_[std::uniform_int_distribution<size_t>(0, channels_.size() - 1)(rng_)];
}

std::string SimUser::random_word() {
  return std::string(kWords[std::uniform_int_distribution<size_t>(0, kWords.size() - 1)(rng_)]);
}

void SimUser::remember_posts(Channel& ch, const json::value& list) {
  if (!list.is_object()) return;
  auto* order = list.as_object().if_contains("order");
  auto* posts = list.as_object().if_contains("posts");
  if (!order || !order->is_array() || !posts || !posts->is_object()) return;
  for (auto& id : order->as_array()) {
    if (!id.is_string()) continue;
    auto key = id_key(id.as_string());
    if (!key) continue;
    auto* p = posts->as_object().if_contains(id.as_string());
    if (std::none_of(ch.posts.begin(), ch.posts.end(), [&](auto& k) { return k.id == *key; }))
      ch.posts.push_back({*key, p ? user_ids_.number(str_view(*p, "user_id")) : IdTable::kNone});
    if (p && str_view(*p, "root_id").empty() &&
        std::find(ch.root_ids.begin(), ch.root_ids.end(), *key) == ch.root_ids.end())
      ch.root_ids.push_back(*key);
  }
  for (auto& [_, p] : posts->as_object()) {
    auto uid = str(p, "user_id");
    if (!uid.empty() && uid != user_id_ && learn_user(uid)) team_user_ids_.push_back(uid);
  }
  if (ch.posts.size() > Channel::kKeptPosts) ch.posts.resize(Channel::kKeptPosts);
  if (ch.root_ids.size() > Channel::kKeptRoots) ch.root_ids.resize(Channel::kKeptRoots);
}

asio::awaitable<bool> SimUser::view_channel(Channel& ch) {
  bool ok = true;
  auto prev = current() ? current()->id : std::string();
  // GCC 12 miscompiles braced temporaries inside co_await expressions: build bodies beforehand.
  json::object view_body{{"channel_id", ch.id}, {"prev_channel_id", prev == ch.id ? "" : prev}};
  auto view = co_await call("POST /channels/members/me/view", "POST", "/channels/members/me/view",
                            json::serialize(view_body));
  ok &= view.ok();
  HttpResult posts;
  if (!ch.visited)
    posts = co_await call("GET /users/{id}/channels/{id}/posts/unread", "GET",
                          "/users/" + user_id_ + "/channels/" + ch.id +
                              "/posts/unread?limit_after=30&limit_before=30&" +
                              std::string(kThreadQuery));
  else
    posts = co_await call("GET /channels/{id}/posts?since", "GET",
                          "/channels/" + ch.id + "/posts?since=" + std::to_string(ch.last_viewed) +
                              "&" + std::string(kThreadQuery));
  ok &= posts.ok();
  // remember_posts appends the authors seen for the first time: only their profiles and
  // statuses are fetched, as the web app fetches missing profiles.
  auto before = team_user_ids_.size();
  if (auto list = parse(posts)) remember_posts(ch, *list);
  if (team_user_ids_.size() > before) {
    json::array ids;
    for (size_t i = before; i < team_user_ids_.size(); ++i)
      ids.push_back(json::string(team_user_ids_[i]));
    if (!ids.empty()) {
      ok &= (co_await call("POST /users/ids", "POST", "/users/ids", json::serialize(ids))).ok();
      ok &= (co_await call("POST /users/status/ids", "POST", "/users/status/ids",
                           json::serialize(ids)))
                .ok();
    }
  }
  bool files = std::uniform_int_distribution<int>(0, 99)(rng_) == 0;  // 1 %: the right-hand side
  auto stats =
      co_await call("GET /channels/{id}/stats", "GET",
                    "/channels/" + ch.id + "/stats" + (files ? "" : "?exclude_files_count=true"));
  ok &= stats.ok();
  if (auto v = parse(stats); v && v->is_object())
    if (auto* n = v->as_object().if_contains("member_count"); n && n->is_int64())
      ch.member_count = n->as_int64();
  if (ch.type == "D" || ch.type == "G") {
    std::string category = ch.type == "D" ? "direct_channel_show" : "group_channel_show";
    std::string name = ch.id;
    if (ch.type == "D") {
      auto sep = ch.name.find("__");
      if (sep != std::string::npos)
        name =
            ch.name.substr(0, sep) == user_id_ ? ch.name.substr(sep + 2) : ch.name.substr(0, sep);
      direct_partner_ids_.insert(name);
    }
    json::array prefs{json::object{
        {"user_id", user_id_}, {"category", category}, {"name", name}, {"value", "true"}}};
    ok &= (co_await call("PUT /users/{id}/preferences", "PUT",
                         "/users/" + user_id_ + "/preferences", json::serialize(prefs)))
              .ok();
  }
  json::object presence{{"channel_id", ch.id}};
  ws_.send("presence", std::move(presence));
  ch.visited = true;
  ch.last_viewed = now_ms();
  current_ = channel_index_.at(channel_ids_.number(ch.id));
  co_return ok;
}

asio::awaitable<bool> SimUser::switch_channel() {
  if (channels_.size() < 2) co_return true;
  Channel* next = current();
  while (next == current()) next = random_channel();
  co_return co_await view_channel(*next);
}

asio::awaitable<bool> SimUser::scroll_channel() {
  Channel& ch = *current();
  std::string target =
      "/channels/" + ch.id + "/posts?page=0&per_page=30&" + std::string(kThreadQuery);
  if (!ch.posts.empty()) target += "&before=" + to_string(ch.posts.back().id);
  auto r = co_await call("GET /channels/{id}/posts?before", "GET", target);
  if (auto list = parse(r)) remember_posts(ch, *list);
  co_return r.ok();
}

asio::awaitable<bool> SimUser::upsert_draft() {
  Channel& ch = *current();
  json::object draft{{"user_id", user_id_},
                     {"channel_id", ch.id},
                     {"root_id", ""},
                     {"message", sentence(rng_, 2, 8)},
                     {"create_at", 0},
                     {"update_at", now_ms()},
                     {"file_ids", json::array{}},
                     {"props", json::object{}}};
  auto r = co_await call("POST /drafts", "POST", "/drafts", json::serialize(draft));
  if (r.ok() && std::find(draft_channel_ids_.begin(), draft_channel_ids_.end(), ch.id) ==
                    draft_channel_ids_.end())
    draft_channel_ids_.push_back(ch.id);
  co_return r.ok();
}

asio::awaitable<bool> SimUser::delete_draft() {
  // The web app deletes the draft of the channel it leaves whenever the box is emptied.
  std::string channel = draft_channel_ids_.empty() ? current()->id : draft_channel_ids_.back();
  if (!draft_channel_ids_.empty()) draft_channel_ids_.pop_back();
  auto r = co_await call("DELETE /users/{id}/channels/{id}/drafts", "DELETE",
                         "/users/" + user_id_ + "/channels/" + channel + "/drafts");
  co_return r.ok();
}

asio::awaitable<bool> SimUser::unread_check() {
  auto r = co_await call("GET /users/me/teams/unread", "GET",
                         "/users/me/teams/unread?include_collapsed_threads=true");
  co_return r.ok();
}

asio::awaitable<bool> SimUser::create_post() {
  Channel& ch = *current();
  std::string root;
  if (!ch.root_ids.empty() &&
      std::uniform_real_distribution<double>(0, 1)(rng_) < config_.percent_replies)
    root = to_string(pick(ch.root_ids));
  if (typing_messages_ && ch.member_count < max_notifications_per_channel_) {
    json::object typing{{"channel_id", ch.id}, {"parent_id", root}};
    ws_.send("user_typing", std::move(typing));
  }
  bool ok = true;
  json::array file_ids;
  if (std::uniform_real_distribution<double>(0, 1)(rng_) < config_.percent_files) {
    auto up =
        co_await call("POST /files", "POST", "/files?channel_id=" + ch.id + "&filename=notes.txt",
                      sentence(rng_, 20, 60));
    ok &= up.ok();
    if (auto v = parse(up); v && v->is_object())
      if (auto* infos = v->as_object().if_contains("file_infos"); infos && infos->is_array())
        for (auto& fi : infos->as_array()) file_ids.push_back(json::string(str(fi, "id")));
  }
  std::string message = sentence(rng_, 3, 20);
  json::object post{{"channel_id", ch.id},
                    {"message", message},
                    {"root_id", root},
                    {"file_ids", file_ids},
                    {"pending_post_id", user_id_ + ":" + std::to_string(now_ms())},
                    {"create_at", 0}};
  auto r = co_await call("POST /posts", "POST", "/posts", json::serialize(post));
  ok &= r.ok();
  if (auto v = parse(r)) {
    auto id = str(*v, "id");
    own_post_ids_.push_back(id);
    if (own_post_ids_.size() > 50) own_post_ids_.erase(own_post_ids_.begin());
  }
  co_return ok;
}

asio::awaitable<bool> SimUser::open_direct_or_group() {
  if (team_user_ids_.size() < 2) co_return true;
  json::array ids{json::string(user_id_)};
  bool group = std::uniform_int_distribution<int>(0, 4)(rng_) == 0;
  auto want = group ? 3u : 2u;
  for (int tries = 0; ids.size() < want && tries < 10; ++tries) {
    auto& other = pick(team_user_ids_);
    if (std::none_of(ids.begin(), ids.end(), [&](auto& v) { return v.as_string() == other; }))
      ids.push_back(json::string(other));
  }
  if (ids.size() < want) co_return true;
  if (group) ids.erase(ids.begin());  // /channels/group adds the caller
  auto r = co_await call(group ? "POST /channels/group" : "POST /channels/direct", "POST",
                         group ? "/channels/group" : "/channels/direct", json::serialize(ids));
  auto v = parse(r);
  if (!v) co_return false;
  auto id = str(*v, "id");
  if (Channel* known = find_channel(id)) co_return co_await view_channel(*known);
  co_return co_await view_channel(add_channel(Channel{id, str(*v, "type"), "", str(*v, "name")}));
}

asio::awaitable<bool> SimUser::view_global_threads() {
  std::string base = "/users/" + user_id_ + "/teams/" + team_id_ + "/threads";
  bool ok = (co_await call("GET /users/{id}/teams/{id}/threads?totalsOnly", "GET",
                           base + "?totalsOnly=true&threadsOnly=false"))
                .ok();
  auto r = co_await call("GET /users/{id}/teams/{id}/threads", "GET",
                         base + "?per_page=25&extended=false&unread=false&threadsOnly=true");
  if (auto v = parse(r); v && v->is_object())
    if (auto* threads = v->as_object().if_contains("threads"); threads && threads->is_array()) {
      thread_ids_.clear();
      for (auto& t : threads->as_array()) thread_ids_.push_back(str(t, "id"));
    }
  co_return ok&& r.ok();
}

asio::awaitable<bool> SimUser::update_thread_read() {
  if (thread_ids_.empty()) co_return co_await view_global_threads();
  auto thread = pick(thread_ids_);
  auto r = co_await call("PUT /users/{id}/teams/{id}/threads/{id}/read/{ts}", "PUT",
                         "/users/" + user_id_ + "/teams/" + team_id_ + "/threads/" + thread +
                             "/read/" + std::to_string(now_ms()));
  co_return r.ok();
}

asio::awaitable<bool> SimUser::click_permalink() {
  Channel* ch = random_channel();
  if (!ch || ch->posts.empty()) co_return co_await switch_channel();
  auto post = to_string(pick(ch->posts).id);
  auto r = co_await call("GET /posts/{id}/thread", "GET",
                         "/posts/" + post + "/thread?" + std::string(kThreadQuery));
  bool ok = r.ok();
  if (ch != current()) ok &= co_await view_channel(*ch);
  co_return ok;
}

asio::awaitable<bool> SimUser::view_thread() {
  Channel& ch = *current();
  if (ch.root_ids.empty()) co_return true;
  auto root = to_string(pick(ch.root_ids));
  auto r = co_await call(
      "GET /posts/{id}/thread", "GET",
      "/posts/" + root + "/thread?" + std::string(kThreadQuery) + "&direction=down&perPage=25");
  if (!r.ok()) co_return false;
  // The web app marks a followed thread read when it opens it; a root without replies is no thread.
  int64_t replies = 0;
  if (auto v = parse(r); v && v->is_object())
    if (auto* posts = v->as_object().if_contains("posts"); posts && posts->is_object())
      if (auto* p = posts->as_object().if_contains(root); p && p->is_object())
        if (auto* n = p->as_object().if_contains("reply_count"); n && n->is_int64())
          replies = n->as_int64();
  if (replies == 0) co_return true;
  auto read = co_await call("PUT /users/{id}/teams/{id}/threads/{id}/read/{ts}", "PUT",
                            "/users/" + user_id_ + "/teams/" + team_id_ + "/threads/" + root +
                                "/read/" + std::to_string(now_ms()));
  co_return read.ok();
}

// Skipped while listen() is reconnecting a lost socket: that reconnection is this action's.
asio::awaitable<bool> SimUser::reconnect_websocket() {
  if (ws_retrying_) co_return true;
  ws_.close();
  bool ok = co_await open_websocket();
  if (ok) asio::co_spawn(executor_, listen(), asio::detached);
  co_return ok;
}

asio::awaitable<bool> SimUser::add_reaction() {
  Channel& ch = *current();
  if (ch.posts.empty()) co_return true;
  static const std::vector<std::string> kEmoji{"+1", "smile", "heart", "tada", "eyes", "rocket"};
  json::object reaction{{"user_id", user_id_},
                        {"post_id", to_string(pick(ch.posts).id)},
                        {"emoji_name", pick(kEmoji)}};
  auto r = co_await call("POST /reactions", "POST", "/reactions", json::serialize(reaction));
  co_return r.ok();
}

asio::awaitable<bool> SimUser::edit_post() {
  if (own_post_ids_.empty()) co_return true;
  json::object patch{{"message", sentence(rng_, 3, 15)}};
  auto r = co_await call("PUT /posts/{id}/patch", "PUT", "/posts/" + pick(own_post_ids_) + "/patch",
                         json::serialize(patch));
  co_return r.ok();
}

asio::awaitable<bool> SimUser::delete_post() {
  if (own_post_ids_.empty()) co_return true;
  auto id = own_post_ids_.back();
  forget_post(id);
  auto r = co_await call("DELETE /posts/{id}", "DELETE", "/posts/" + id);
  co_return r.ok();
}

asio::awaitable<bool> SimUser::search_users() {
  json::object q{{"term", "lgu" + std::to_string(rng_() % 100)},
                 {"team_id", team_id_},
                 {"allow_inactive", false}};
  auto r = co_await call("POST /users/search", "POST", "/users/search", json::serialize(q));
  co_return r.ok();
}

asio::awaitable<bool> SimUser::search_posts(bool all_teams) {
  json::object q{{"terms", random_word()},
                 {"is_or_search", false},
                 {"time_zone_offset", 0},
                 {"include_deleted_channels", false},
                 {"page", 0},
                 {"per_page", 20}};
  std::string body = json::serialize(q);
  HttpResult r;
  if (all_teams)
    r = co_await call("POST /posts/search", "POST", "/posts/search", std::move(body));
  else
    r = co_await call("POST /teams/{id}/posts/search", "POST",
                      "/teams/" + team_id_ + "/posts/search", std::move(body));
  co_return r.ok();
}

asio::awaitable<bool> SimUser::search_channels() {
  json::object q{{"term", random_word().substr(0, 3)}};
  auto r = co_await call("POST /teams/{id}/channels/search", "POST",
                         "/teams/" + team_id_ + "/channels/search", json::serialize(q));
  co_return r.ok();
}

asio::awaitable<bool> SimUser::join_channel() {
  auto list = co_await get_json("GET /teams/{id}/channels",
                                "/teams/" + team_id_ + "/channels?page=0&per_page=100");
  if (!list || !list->is_array()) co_return false;
  for (auto& c : list->as_array()) {
    auto id = str(c, "id");
    if (find_channel(id)) continue;
    json::object member{{"user_id", user_id_}};
    auto r = co_await call("POST /channels/{id}/members", "POST", "/channels/" + id + "/members",
                           json::serialize(member));
    if (!r.ok()) co_return false;
    co_return co_await view_channel(
        add_channel(Channel{id, str(c, "type"), team_id_, str(c, "name")}));
  }
  co_return true;
}

}  // namespace loadgen
