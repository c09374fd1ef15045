// /api/v4/channels/{channel_id}/members routes, viewing channels, unread counts and the
// user's channel memberships (NDJSON stream with page=-1).
#include "app/channel_members.h"
#include "api/params.h"
#include "api/respond.h"
#include "api/routes.h"
#include "app/channel_unread.h"
#include "util/json.h"

namespace parley::api {
namespace {

namespace bj = boost::json;

Response add_members(Context& c) {
  auto channel_id = path_id(c, "channel_id");
  if (!channel_id) return c.fail(channel_id.error());
  auto v = json::parse(c.req.body);
  bj::object body = v && v->is_object() ? v->get_object() : bj::object{};
  std::vector<std::string> ids;
  bool single = false;
  if (auto it = body.find("user_ids"); it != body.end() && it->value().is_array()) {
    const auto& arr = it->value().get_array();
    if (arr.size() > 1000) return c.fail(errors::invalid_param("user_ids"));
    for (const auto& id : arr) {
      if (!id.is_string() || !is_valid_id(id.get_string()))
        return c.fail(errors::invalid_param("user_id in user_ids"));
      ids.emplace_back(id.get_string());
    }
  } else {
    auto it_user = body.find("user_id");
    if (it_user == body.end() || !it_user->value().is_string() ||
        !is_valid_id(it_user->value().get_string()))
      return c.fail(errors::invalid_param("user_id or user_ids"));
    ids.emplace_back(it_user->value().get_string());
    single = true;
  }
  std::string root;
  if (auto it = body.find("post_root_id"); it != body.end() && it->value().is_string()) {
    root = std::string(it->value().get_string());
    if (!root.empty() && !is_valid_id(root)) return c.fail(errors::invalid_param("post_root_id"));
  }
  auto r = app::add_channel_members(c.app, c.s(), *channel_id, ids, root);
  if (!r) return c.fail(r.error());
  if (single && r->size() == 1 && (*r)[0].user_id == ids[0])
    return json_response(model::to_json((*r)[0], (*r)[0].user_id == c.s().user_id), 201);
  return json_response(members_json(*r, c.s().user_id), 201);
}

Response get_members(Context& c) {
  auto channel_id = path_id(c, "channel_id");
  if (!channel_id) return c.fail(channel_id.error());
  auto r = app::channel_members(c.app, c.s(), *channel_id, c.page(), c.per_page());
  if (!r) return c.fail(r.error());
  return json_response(members_json(*r, c.s().user_id));
}

Response members_by_ids(Context& c) {
  auto channel_id = path_id(c, "channel_id");
  if (!channel_id) return c.fail(channel_id.error());
  auto v = json::parse(c.req.body);
  auto ids = v ? json::string_array(*v) : std::nullopt;
  if (!ids)
    return c.fail(
        AppError::make("api.payload.parse.error", "Unable to parse the request payload.", 400));
  if (ids->empty()) return c.fail(errors::invalid_param("user_ids"));
  auto r = app::channel_members_by_ids(c.app, c.s(), *channel_id, *ids);
  if (!r) return c.fail(r.error());
  return json_response(members_json(*r, c.s().user_id));
}

Response get_member(Context& c) {
  auto channel_id = path_id(c, "channel_id");
  if (!channel_id) return c.fail(channel_id.error());
  auto user_id = c.id_param("user_id");
  if (!user_id) return c.fail(user_id.error());
  auto r = app::channel_member(c.app, c.s(), *channel_id, *user_id);
  if (!r) return c.fail(r.error());
  return json_response(model::to_json(*r, r->user_id == c.s().user_id));
}

Response remove_member(Context& c) {
  auto channel_id = path_id(c, "channel_id");
  if (!channel_id) return c.fail(channel_id.error());
  auto user_id = c.id_param("user_id");
  if (!user_id) return c.fail(user_id.error());
  if (auto s = app::remove_channel_member(c.app, c.s(), *channel_id, *user_id); !s)
    return c.fail(s.error());
  return status_ok();
}

Response update_roles(Context& c) {
  auto channel_id = path_id(c, "channel_id");
  if (!channel_id) return c.fail(channel_id.error());
  auto user_id = c.id_param("user_id");
  if (!user_id) return c.fail(user_id.error());
  auto body = c.body_object("roles");
  if (!body) return c.fail(errors::invalid_param("roles"));
  bool wrong = false;
  auto roles = json::opt_string(*body, "roles", &wrong);
  if (wrong) return c.fail(errors::invalid_param("roles"));
  if (auto s =
          app::update_channel_member_roles(c.app, c.s(), *channel_id, *user_id, roles.value_or(""));
      !s)
    return c.fail(s.error());
  return status_ok();
}

Response update_notify_props(Context& c) {
  auto channel_id = path_id(c, "channel_id");
  if (!channel_id) return c.fail(channel_id.error());
  auto user_id = c.id_param("user_id");
  if (!user_id) return c.fail(user_id.error());
  auto body = c.body_object("notify_props");
  if (!body) return c.fail(errors::invalid_param("notify_props"));
  if (auto s = app::update_channel_member_notify_props(c.app, c.s(), *channel_id, *user_id, *body);
      !s)
    return c.fail(s.error());
  return status_ok();
}

Response view_channel(Context& c) {
  auto user_id = c.id_param("user_id");
  if (!user_id) return c.fail(user_id.error());
  auto body = c.body_object("channel_view");
  if (!body) return c.fail(body.error());
  bool wrong = false;
  auto channel_id = json::opt_string(*body, "channel_id", &wrong).value_or("");
  auto prev = json::opt_string(*body, "prev_channel_id", &wrong).value_or("");
  bool crt = json::opt_bool(*body, "collapsed_threads_supported", &wrong).value_or(false);
  if (wrong) return c.fail(errors::invalid_param("channel_view"));
  if (!channel_id.empty() && !is_valid_id(channel_id))
    return c.fail(errors::invalid_param("channel_view.channel_id"));
  if (!prev.empty() && !is_valid_id(prev))
    return c.fail(errors::invalid_param("channel_view.prev_channel_id"));
  auto r = app::view_channel(c.app, c.s(), *user_id, channel_id, prev, crt);
  if (!r) return c.fail(r.error());
  c.app.user_activity(c.s().user_id, c.s().id, now_ms());
  bj::object times;
  for (const auto& [id, t] : *r) times[id] = t;
  return json_response(bj::object{{"status", "OK"}, {"last_viewed_at_times", std::move(times)}});
}

Response channel_unread(Context& c) {
  auto user_id = c.id_param("user_id");
  if (!user_id) return c.fail(user_id.error());
  auto channel_id = path_id(c, "channel_id");
  if (!channel_id) return c.fail(channel_id.error());
  auto r = app::channel_unread(c.app, c.s(), *user_id, *channel_id);
  if (!r) return c.fail(r.error());
  return json_response(model::to_json(*r));
}

// The body is optional ({"collapsed_threads_supported": bool}); like Mattermost's
// MapBoolFromJSON, anything else reads as false.
Response set_post_unread(Context& c) {
  auto user_id = c.id_param("user_id");
  if (!user_id) return c.fail(user_id.error());
  auto post_id = path_id(c, "post_id");
  if (!post_id) return c.fail(post_id.error());
  auto v = json::parse(c.req.body);
  bool crt =
      v && v->is_object() && json::get_bool(v->get_object(), "collapsed_threads_supported", false);
  auto r = app::mark_post_unread(c.app, c.s(), *user_id, *post_id, crt);
  if (!r) return c.fail(r.error());
  return json_response(model::to_json(*r));
}

Response members_for_user_in_team(Context& c) {
  auto user_id = c.id_param("user_id");
  if (!user_id) return c.fail(user_id.error());
  auto team_id = path_id(c, "team_id");
  if (!team_id) return c.fail(team_id.error());
  auto r = app::channel_members_for_user_in_team(c.app, c.s(), *user_id, *team_id);
  if (!r) return c.fail(r.error());
  return json_response(members_json(*r, c.s().user_id));
}

bj::object member_with_team_json(const store::ChannelMemberWithTeam& m, const std::string& viewer) {
  auto o = model::to_json(m.member, m.member.user_id == viewer);
  o["team_display_name"] = m.team_display_name;
  o["team_name"] = m.team_name;
  o["team_update_at"] = m.team_update_at;
  return o;
}

// page=-1: every membership as application/x-ndjson, one object per line.
Response members_for_user(Context& c) {
  auto user_id = c.id_param("user_id");
  if (!user_id) return c.fail(user_id.error());
  bool all = c.req.query_param("page") == "-1";
  int limit = all ? -1 : c.per_page();
  int offset = all ? 0 : c.page() * limit;
  auto r = app::channel_members_for_user(c.app, c.s(), *user_id, offset, limit);
  if (!r) return c.fail(r.error());
  if (!all) {
    bj::array a;
    for (const auto& m : *r) a.push_back(member_with_team_json(m, c.s().user_id));
    return json_response(a);
  }
  Response resp;
  resp.content_type = "application/x-ndjson";
  for (const auto& m : *r) {
    resp.body += bj::serialize(member_with_team_json(m, c.s().user_id));
    resp.body += '\n';
  }
  return resp;
}

}  // namespace

void register_channel_member_routes(Router& r) {
  r.add("GET", "/api/v4/channels/{channel_id}/members", get_members);
  r.add("POST", "/api/v4/channels/{channel_id}/members", add_members);
  r.add("POST", "/api/v4/channels/{channel_id}/members/ids", members_by_ids);
  r.add("GET", "/api/v4/channels/{channel_id}/members/{user_id}", get_member);
  r.add("DELETE", "/api/v4/channels/{channel_id}/members/{user_id}", remove_member);
  r.add("PUT", "/api/v4/channels/{channel_id}/members/{user_id}/roles", update_roles);
  r.add("PUT", "/api/v4/channels/{channel_id}/members/{user_id}/notify_props", update_notify_props);
  r.add("POST", "/api/v4/channels/members/{user_id}/view", view_channel);
  r.add("GET", "/api/v4/users/{user_id}/teams/{team_id}/channels/members",
        members_for_user_in_team);
  r.add("GET", "/api/v4/users/{user_id}/channel_members", members_for_user);
  r.add("GET", "/api/v4/users/{user_id}/channels/{channel_id}/unread", channel_unread);
  r.add("POST", "/api/v4/users/{user_id}/posts/{post_id}/set_unread", set_post_unread);
}

}  // namespace parley::api
