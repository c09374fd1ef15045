// The seeder: admin-side creation of teams, channels, users and memberships, then the posting
// users write posts, replies, reactions, DMs and GMs concurrently.
#include "seed.h"
#include "json_field.h"
#include "words.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <iostream>
#include <map>
#include <random>
#include <stdexcept>

namespace loadgen {

namespace json = boost::json;
using Task = asio::awaitable<void>;

std::string user_email(int i) {
  return "lgu" + std::to_string(i) + "@loadtest.example.com";
}

namespace {

const std::string kAdminEmail = "lg-admin@loadtest.example.com";

// A client that throws on unexpected statuses, for seeding.
struct Api {
  Api(asio::io_context& io, const Target& t)
      : http(io.get_executor(), t, std::chrono::seconds(120)) {}
  HttpClient http;
  // GCC 12 miscompiles braced temporaries inside co_await expressions: callers build bodies
  // beforehand, and the statuses accepted besides 2xx are plain ints.
  asio::awaitable<json::value> send(std::string_view method, const std::string& path,
                                    const json::value& body = nullptr, int also_ok = 0,
                                    int also_ok2 = 0) {
    std::string text;  // a named value: GCC 12 destroys ?: temporaries in co_await twice
    if (!body.is_null()) text = json::serialize(body);
    std::string url = "/api/v4" + path;
    auto r = co_await http.request(method, std::move(url), std::move(text));
    bool accepted =
        r.ok() || (also_ok && r.status == also_ok) || (also_ok2 && r.status == also_ok2);
    if (!accepted)
      throw std::runtime_error(std::string(method) + " " + path + " -> " +
                               std::to_string(r.status) + " " + r.body);
    if (!r.ok()) co_return json::value(nullptr);
    if (!r.token.empty()) http.set_token(r.token);
    boost::system::error_code ec;
    auto v = json::parse(r.body, ec);
    co_return ec ? json::value(nullptr) : v;
  }
  asio::awaitable<void> login(const std::string& email, const std::string& password) {
    json::object credentials{{"login_id", email}, {"password", password}};
    co_await send("POST", "/users/login", credentials);
  }
};

template <class F>
void run(asio::io_context& io, F&& make_task) {
  auto fut = asio::co_spawn(io, make_task(), asio::use_future);
  io.restart();
  io.run();
  fut.get();
}

Task create_admin(Api& admin, const SeedOptions& o) {
  json::object user{{"email", kAdminEmail}, {"username", "lg-admin"}, {"password", o.password}};
  co_await admin.send("POST", "/users", user, 400, 403);
  co_await admin.login(kAdminEmail, o.password);
}

Task ensure_teams(Api& admin, const SeedOptions& o, SeedResult& out) {
  for (int t = 0; t < o.teams; ++t) {
    std::string name = "lg-team-" + std::to_string(t);
    json::object body{
        {"name", name}, {"display_name", "Load team " + std::to_string(t)}, {"type", "O"}};
    auto team = co_await admin.send("POST", "/teams", body, 400);
    if (team.is_null()) team = co_await admin.send("GET", "/teams/name/" + name);
    out.team_ids.push_back(str(team, "id"));
  }
}

Task ensure_channels(Api& admin, const SeedOptions& o, const std::string& team_id, int t,
                     std::vector<std::pair<std::string, bool>>& channels) {
  for (int i = 0; i < o.public_channels + o.private_channels; ++i) {
    bool priv = i >= o.public_channels;
    std::string name =
        std::string(priv ? "lg-priv-" : "lg-pub-") + std::to_string(t) + "-" + std::to_string(i);
    json::object body{
        {"team_id", team_id}, {"name", name}, {"display_name", name}, {"type", priv ? "P" : "O"}};
    auto ch = co_await admin.send("POST", "/channels", body, 400);
    if (ch.is_null())
      ch = co_await admin.send("GET", "/teams/" + team_id + "/channels/name/" + name);
    channels.emplace_back(str(ch, "id"), priv);
  }
}

Task create_users(asio::io_context& io, const Target& target, const SeedOptions& o, int from,
                  int step, std::string token) {
  Api api(io, target);
  api.http.set_token(token);
  for (int i = from; i < o.users; i += step) {
    json::object user{{"email", user_email(i)},
                      {"username", "lgu" + std::to_string(i)},
                      {"password", o.password},
                      {"first_name", std::string(kWords[static_cast<size_t>(i) % kWords.size()])},
                      {"last_name", "Loadtest"}};
    co_await api.send("POST", "/users", user, 400);
  }
}

Task user_ids(Api& admin, const SeedOptions& o, std::vector<std::string>& ids) {
  for (int from = 0; from < o.users; from += 200) {
    json::array names;
    for (int i = from; i < std::min(o.users, from + 200); ++i)
      names.push_back(json::string("lgu" + std::to_string(i)));
    auto users = co_await admin.send("POST", "/users/usernames", names);
    std::map<std::string, std::string> by_name;
    for (auto& u : users.as_array()) by_name[str(u, "username")] = str(u, "id");
    for (int i = from; i < std::min(o.users, from + 200); ++i)
      ids.push_back(by_name["lgu" + std::to_string(i)]);
  }
}

Task memberships(Api& admin, const SeedOptions& o, const SeedResult& r,
                 const std::vector<std::string>& ids,
                 const std::vector<std::vector<std::pair<std::string, bool>>>& channels,
                 std::mt19937_64& rng) {
  for (size_t t = 0; t < r.team_ids.size(); ++t) {
    for (size_t from = 0; from < ids.size(); from += 200) {
      json::array batch;
      for (size_t i = from; i < std::min(ids.size(), from + 200); ++i)
        batch.push_back(json::object{{"team_id", r.team_ids[t]}, {"user_id", ids[i]}});
      co_await admin.send("POST", "/teams/" + r.team_ids[t] + "/members/batch", batch);
    }
    for (auto& [channel_id, priv] : channels[t]) {
      // Public channels hold 5-50 % of the team, private ones 5-50 people; posters are in all.
      size_t n = priv ? std::uniform_int_distribution<size_t>(5, 50)(rng)
                      : static_cast<size_t>(static_cast<double>(ids.size()) *
                                            std::uniform_real_distribution<double>(0.05, 0.5)(rng));
      std::vector<std::string> members(ids.begin(),
                                       ids.begin() + std::min<size_t>(ids.size(), o.posters));
      std::sample(ids.begin() + std::min<size_t>(ids.size(), o.posters), ids.end(),
                  std::back_inserter(members), n, rng);
      for (size_t from = 0; from < members.size(); from += 1000) {
        json::array user_ids;
        for (size_t i = from; i < std::min(members.size(), from + 1000); ++i)
          user_ids.push_back(json::string(members[i]));
        json::object body{{"user_ids", user_ids}};
        co_await admin.send("POST", "/channels/" + channel_id + "/members", body);
      }
    }
  }
}

Task poster(asio::io_context& io, const Target& target, const SeedOptions& o, int index,
            std::vector<std::string> channel_ids, const std::vector<std::string>& ids) {
  Api api(io, target);
  co_await api.login(user_email(index), o.password);
  std::mt19937_64 rng(o.seed * 1000 + static_cast<uint64_t>(index));
  auto me = ids[static_cast<size_t>(index)];
  // DMs and GMs with random users.
  int directs = o.direct_channels / std::max(1, o.posters);
  for (int d = 0; d < directs && ids.size() > 3; ++d) {
    json::array members{json::string(me)};
    bool group = d % 4 == 3;
    while (members.size() < (group ? 3u : 2u)) {
      auto& other = ids[std::uniform_int_distribution<size_t>(0, ids.size() - 1)(rng)];
      if (std::none_of(members.begin(), members.end(),
                       [&](auto& v) { return v.as_string() == other; }))
        members.push_back(json::string(other));
    }
    if (group) members.erase(members.begin());
    auto ch = co_await api.send("POST", group ? "/channels/group" : "/channels/direct", members);
    channel_ids.push_back(str(ch, "id"));
  }
  std::map<std::string, std::vector<std::string>> roots;
  std::vector<std::string> posted;
  int mine = o.posts / std::max(1, o.posters);
  for (int p = 0; p < mine; ++p) {
    auto& channel =
        channel_ids[std::uniform_int_distribution<size_t>(0, channel_ids.size() - 1)(rng)];
    auto& r = roots[channel];
    std::string root = !r.empty() && rng() % 2
                           ? r[std::uniform_int_distribution<size_t>(0, r.size() - 1)(rng)]
                           : "";
    json::object body{
        {"channel_id", channel}, {"message", sentence(rng, 3, 25)}, {"root_id", root}};
    auto post = co_await api.send("POST", "/posts", body);
    if (root.empty()) r.push_back(str(post, "id"));
    posted.push_back(str(post, "id"));
  }
  static const char* kEmoji[] = {"+1", "smile", "heart", "tada", "eyes", "rocket"};
  int reactions = o.reactions / std::max(1, o.posters);
  for (int i = 0; i < reactions && !posted.empty(); ++i) {
    json::object reaction{
        {"user_id", me},
        {"post_id", posted[std::uniform_int_distribution<size_t>(0, posted.size() - 1)(rng)]},
        {"emoji_name", kEmoji[rng() % 6]}};
    co_await api.send("POST", "/reactions", reaction, 400);
  }
}

}  // namespace

SeedResult seed(const Target& target, const SeedOptions& o) {
  if (o.users < o.posters) throw std::runtime_error("--users must be at least --posters");
  asio::io_context io;
  SeedResult out;
  std::mt19937_64 rng(o.seed);
  Api admin(io, target);
  run(io, [&] { return create_admin(admin, o); });
  out.admin_token = admin.http.token();
  run(io, [&] { return ensure_teams(admin, o, out); });
  for (int i = 0; i < o.users; ++i) out.emails.push_back(user_email(i));
  bool seeded = false;
  run(io, [&]() -> Task {
    auto last = co_await admin.send("GET", "/users/username/lgu" + std::to_string(o.users - 1),
                                    nullptr, 404);
    seeded = !last.is_null();
  });
  if (seeded) {
    std::cerr << "seed: already seeded with " << o.users << " users\n";
    return out;
  }
  std::vector<std::vector<std::pair<std::string, bool>>> channels(out.team_ids.size());
  for (size_t t = 0; t < out.team_ids.size(); ++t)
    run(io, [&] {
      return ensure_channels(admin, o, out.team_ids[t], static_cast<int>(t), channels[t]);
    });
  std::cerr << "seed: creating " << o.users << " users\n";
  {
    constexpr int kParallel = 4;  // bcrypt on the server bounds this, not the client
    std::vector<std::future<void>> done;
    for (int k = 0; k < kParallel; ++k)
      done.push_back(asio::co_spawn(io, create_users(io, target, o, k, kParallel, out.admin_token),
                                    asio::use_future));
    io.restart();
    io.run();
    for (auto& f : done) f.get();
  }
  std::vector<std::string> ids;
  run(io, [&] { return user_ids(admin, o, ids); });
  std::cerr << "seed: memberships\n";
  run(io, [&] { return memberships(admin, o, out, ids, channels, rng); });
  std::cerr << "seed: " << o.posts << " posts, " << o.reactions << " reactions\n";
  {
    std::vector<std::future<void>> done;
    for (int p = 0; p < o.posters; ++p) {
      std::vector<std::string> channel_ids;
      for (auto& team : channels)
        for (auto& c : team) channel_ids.push_back(c.first);
      done.push_back(
          asio::co_spawn(io, poster(io, target, o, p, channel_ids, ids), asio::use_future));
    }
    io.restart();
    io.run();
    for (auto& f : done) f.get();
  }
  return out;
}

}  // namespace loadgen
