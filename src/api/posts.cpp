// /api/v4/posts routes and the channel/user post listings: create, read, update, patch, delete,
// pin, threads, pages with cursors, unread, by ids, pinned and flagged.
#include "app/posts.h"
#include "api/context.h"
#include "api/post_json.h"
#include "api/respond.h"
#include "api/routes.h"
#include "app/statuses.h"
#include "model/post_writer.h"
#include "util/ids.h"
#include "util/json.h"

#include <charconv>

namespace parley::api {
namespace {

namespace bj = boost::json;

// Strict integer parse of a query value; nullopt when present but not an integer.
std::optional<int64_t> query_int64(Context& c, std::string_view name, bool* bad) {
  auto v = c.req.query_param(name);
  if (v.empty()) return std::nullopt;
  int64_t out = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (ec != std::errc() || p != v.data() + v.size()) {
    *bad = true;
    return std::nullopt;
  }
  return out;
}

// Go's strconv.ParseBool; anything else is false.
bool parse_bool(std::string_view v) {
  return v == "1" || v == "t" || v == "T" || v == "true" || v == "TRUE" || v == "True";
}

// Mattermost's limit_before / limit_after: default 60 when missing, invalid or negative, max 200.
int limit_param(Context& c, std::string_view name) {
  auto v = c.req.query_param(name);
  int out = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (v.empty() || ec != std::errc() || p != v.data() + v.size() || out < 0) return 60;
  return std::min(out, 200);
}

app::ChannelPostsQuery thread_flags(Context& c) {
  app::ChannelPostsQuery q;
  q.skip_fetch_threads = parse_bool(c.req.query_param("skipFetchThreads"));
  q.collapsed_threads = parse_bool(c.req.query_param("collapsedThreads"));
  q.collapsed_threads_extended = parse_bool(c.req.query_param("collapsedThreadsExtended"));
  return q;
}

Response create_post(Context& c) {
  auto body = c.body_object("post");
  if (!body) return c.fail(body.error());
  auto decoded = post_from_json(*body);
  if (!decoded) return c.fail(errors::invalid_param("post"));
  auto set_online = c.req.query_param("set_online");
  bool online = true;
  if (set_online == "false" || set_online == "0" || set_online == "f" || set_online == "F" ||
      set_online == "FALSE" || set_online == "False")
    online = false;
  auto r = app::create_post(c.app, c.s(), std::move(decoded->post), online);
  if (!r) return c.fail(r.error());
  // Posting is activity: the poster is online again unless their status was set by hand.
  if (online) app::set_status_online(c.app, c.s().user_id, false);
  c.app.user_activity(c.s().user_id, c.s().id, now_ms());
  return json_text_response(model::to_json_text(*r), 201);
}

Response get_post(Context& c) {
  auto id = c.id_param("post_id");
  if (!id) return c.fail(id.error());
  auto r = app::get_post(c.app, c.s(), *id, parse_bool(c.req.query_param("include_deleted")));
  if (!r) return c.fail(r.error());
  return json_text_response(model::to_json_text(*r));
}

Response update_post(Context& c) {
  auto id = c.id_param("post_id");
  if (!id) return c.fail(id.error());
  auto body = c.body_object("post");
  if (!body) return c.fail(body.error());
  auto decoded = post_from_json(*body);
  if (!decoded) return c.fail(errors::invalid_param("post"));
  if (decoded->post.id != *id) return c.fail(errors::invalid_param("id"));
  auto r = app::update_post(c.app, c.s(), *id, decoded->post, decoded->has_file_ids);
  if (!r) return c.fail(r.error());
  return json_response(model::to_json(*r));
}

Response patch_post(Context& c) {
  auto id = c.id_param("post_id");
  if (!id) return c.fail(id.error());
  auto body = c.body_object("post");
  if (!body) return c.fail(body.error());
  auto patch = patch_from_json(*body);
  if (!patch) return c.fail(errors::invalid_param("post"));
  auto r = app::patch_post(c.app, c.s(), *id, *patch);
  if (!r) return c.fail(r.error());
  return json_response(model::to_json(*r));
}

Response delete_post(Context& c) {
  auto id = c.id_param("post_id");
  if (!id) return c.fail(id.error());
  bool permanent = parse_bool(c.req.query_param("permanent"));
  if (auto s = app::delete_post(c.app, c.s(), *id, permanent); !s) return c.fail(s.error());
  return status_ok();
}

Response pin(Context& c, bool pinned) {
  auto id = c.id_param("post_id");
  if (!id) return c.fail(id.error());
  if (auto s = app::set_post_pinned(c.app, c.s(), *id, pinned); !s) return c.fail(s.error());
  return status_ok();
}

Response get_thread(Context& c) {
  auto id = c.id_param("post_id");
  if (!id) return c.fail(id.error());
  app::ThreadQuery q;
  bool bad = false;
  if (auto v = query_int64(c, "perPage", &bad)) q.per_page = static_cast<int>(*v);
  if (bad || q.per_page < 0 || q.per_page > 200) return c.fail(errors::invalid_param("perPage"));
  if (auto v = query_int64(c, "fromCreateAt", &bad)) q.from_create_at = *v;
  if (bad) return c.fail(errors::invalid_param("fromCreateAt"));
  q.from_post = c.req.query_param("fromPost");
  if (!q.from_post.empty() && q.from_create_at == 0)
    return c.fail(errors::invalid_param("if fromPost is set, then fromCreateAt must also be set"));
  q.direction = c.req.query_param("direction");
  if (!q.direction.empty() && q.direction != "up" && q.direction != "down")
    return c.fail(errors::invalid_param("direction"));
  q.collapsed_threads = c.req.query_param("collapsedThreads") == "true";
  q.collapsed_threads_extended = c.req.query_param("collapsedThreadsExtended") == "true";
  auto r = app::get_thread(c.app, c.s(), *id, q);
  if (!r) return c.fail(r.error());
  return json_text_response(model::to_json_text(*r));
}

Response channel_posts(Context& c) {
  auto channel = c.id_param("channel_id");
  if (!channel) return c.fail(channel.error());
  auto q = thread_flags(c);
  q.after = c.req.query_param("after");
  if (!q.after.empty() && !is_valid_id(q.after)) return c.fail(errors::invalid_param("after"));
  q.before = c.req.query_param("before");
  if (!q.before.empty() && !is_valid_id(q.before)) return c.fail(errors::invalid_param("before"));
  bool bad = false;
  if (auto v = query_int64(c, "since", &bad)) q.since = *v;
  if (bad) return c.fail(errors::invalid_param("since"));
  q.include_deleted = parse_bool(c.req.query_param("include_deleted"));
  q.page = c.page();
  q.per_page = c.per_page();
  auto r = app::get_channel_posts_json(c.app, c.s(), *channel, q);
  if (!r) return c.fail(r.error());
  return json_text_response(std::move(*r));
}

Response unread_posts(Context& c) {
  auto user = c.id_param("user_id");
  if (!user) return c.fail(user.error());
  auto channel = c.id_param("channel_id");
  if (!channel) return c.fail(channel.error());
  auto q = thread_flags(c);
  auto r = app::get_posts_around_last_unread(c.app, c.s(), *user, *channel,
                                             limit_param(c, "limit_before"),
                                             limit_param(c, "limit_after"), q);
  if (!r) return c.fail(r.error());
  return json_text_response(model::to_json_text(*r));
}

// Mattermost's SortedArrayFromJSON: a JSON array of strings, or api.payload.parse.error.
Result<std::vector<std::string>> id_array(Context& c) {
  auto v = json::parse(c.req.body);
  std::optional<std::vector<std::string>> ids;
  if (v) ids = json::string_array(*v);
  if (!ids) return AppError::make("api.payload.parse.error", "Error parsing the payload.", 400);
  std::sort(ids->begin(), ids->end());
  ids->erase(std::unique(ids->begin(), ids->end()), ids->end());
  return std::move(*ids);
}

Response posts_by_ids(Context& c) {
  auto ids = id_array(c);
  if (!ids) return c.fail(ids.error());
  if (ids->empty()) return c.fail(errors::invalid_param("post_ids"));
  if (ids->size() > 1000)
    return c.fail(AppError::make("api.post.posts_by_ids.invalid_body.request_error",
                                 "The number of post ids may not exceed 1000.", 400));
  auto r = app::get_posts_by_ids(c.app, c.s(), *ids);
  if (!r) return c.fail(r.error());
  bj::array a;
  for (const auto& p : *r) a.push_back(model::to_json(p));
  Response resp = json_response(a);
  resp.set_header("First-Inaccessible-Post-Time", "0");
  return resp;
}

Response pinned_posts(Context& c) {
  auto channel = c.id_param("channel_id");
  if (!channel) return c.fail(channel.error());
  auto r = app::get_pinned_posts(c.app, c.s(), *channel);
  if (!r) return c.fail(r.error());
  return json_text_response(model::to_json_text(*r));
}

Response flagged_posts(Context& c) {
  auto user = c.id_param("user_id");
  if (!user) return c.fail(user.error());
  app::FlaggedPostsQuery q;
  q.channel_id = c.req.query_param("channel_id");
  q.team_id = c.req.query_param("team_id");
  q.offset = c.page();
  q.limit = c.per_page();
  auto r = app::get_flagged_posts(c.app, c.s(), *user, q);
  if (!r) return c.fail(r.error());
  return json_text_response(model::to_json_text(*r));
}

}  // namespace

Result<std::vector<std::string>> post_id_array(Context& c) {
  return id_array(c);
}

void register_post_routes(Router& r) {
  r.add("POST", "/api/v4/posts", create_post);
  r.add("POST", "/api/v4/posts/ids", posts_by_ids);
  r.add("GET", "/api/v4/posts/{post_id}", get_post);
  r.add("PUT", "/api/v4/posts/{post_id}", update_post);
  r.add("DELETE", "/api/v4/posts/{post_id}", delete_post);
  r.add("PUT", "/api/v4/posts/{post_id}/patch", patch_post);
  r.add("GET", "/api/v4/posts/{post_id}/thread", get_thread);
  r.add("POST", "/api/v4/posts/{post_id}/pin", [](Context& c) { return pin(c, true); });
  r.add("POST", "/api/v4/posts/{post_id}/unpin", [](Context& c) { return pin(c, false); });
  r.add("GET", "/api/v4/channels/{channel_id}/posts", channel_posts);
  r.add("GET", "/api/v4/channels/{channel_id}/pinned", pinned_posts);
  r.add("GET", "/api/v4/users/{user_id}/channels/{channel_id}/posts/unread", unread_posts);
  r.add("GET", "/api/v4/users/{user_id}/posts/flagged", flagged_posts);
}

}  // namespace parley::api
