// /api/v4/channels routes: create (open/private, direct, group), get (by id or name),
// patch/update, archive/restore, stats, and the team and user channel lists.
#include "app/channels.h"
#include "api/params.h"
#include "api/respond.h"
#include "api/routes.h"
#include "app/channel_members.h"
#include "app/direct_channels.h"
#include "util/json.h"

namespace parley::api {
namespace {

namespace bj = boost::json;

AppError payload_parse_error() {
  return AppError::make("api.payload.parse.error", "Unable to parse the request payload.", 400);
}

// The fields a client may send for a new channel; nullopt on wrong-typed fields.
std::optional<model::Channel> channel_from_body(const bj::object& o) {
  model::Channel ch;
  bool wrong = false;
  auto str = [&](std::string_view k, std::string& f) {
    if (auto v = json::opt_string(o, k, &wrong)) f = *v;
  };
  str("id", ch.id);
  str("team_id", ch.team_id);
  str("type", ch.type);
  str("display_name", ch.display_name);
  str("name", ch.name);
  str("header", ch.header);
  str("purpose", ch.purpose);
  str("scheme_id", ch.scheme_id);
  std::string ignored;
  str("creator_id", ignored);
  if (auto v = json::opt_bool(o, "group_constrained", &wrong)) ch.group_constrained = *v;
  for (auto k : {"create_at", "update_at", "delete_at", "last_post_at", "total_msg_count"})
    json::opt_int(o, k, &wrong);
  if (auto it = o.find("props"); it != o.end() && !it->value().is_null()) {
    if (!it->value().is_object()) return std::nullopt;
    ch.props = it->value().get_object();
  }
  if (wrong) return std::nullopt;
  return ch;
}

Response create_channel(Context& c) {
  auto body = c.body_object("channel");
  if (!body) return c.fail(body.error());
  auto ch = channel_from_body(*body);
  if (!ch) return c.fail(errors::invalid_param("channel"));
  auto r = app::create_channel(c.app, c.s(), std::move(*ch));
  if (!r) return c.fail(r.error());
  return json_response(model::to_json(*r), 201);
}

Response create_direct(Context& c) {
  auto v = json::parse(c.req.body);
  auto ids = v ? json::string_array(*v) : std::nullopt;
  if (!ids) return c.fail(payload_parse_error());
  auto r = app::create_direct_channel(c.app, c.s(), std::move(*ids));
  if (!r) return c.fail(r.error());
  return json_response(model::to_json(*r), 201);
}

Response create_group(Context& c) {
  auto v = json::parse(c.req.body);
  auto ids = v ? json::string_array(*v) : std::nullopt;
  if (!ids) return c.fail(payload_parse_error());
  auto r = app::create_group_channel(c.app, c.s(), std::move(*ids));
  if (!r) return c.fail(r.error());
  return json_response(model::to_json(*r), 201);
}

Response get_channel(Context& c) {
  auto id = path_id(c, "channel_id");
  if (!id) return c.fail(id.error());
  auto r = app::read_channel(c.app, c.s(), *id);
  if (!r) return c.fail(r.error());
  return json_response(model::to_json(*r));
}

Response get_by_name(Context& c) {
  auto team_id = path_id(c, "team_id");
  if (!team_id) return c.fail(team_id.error());
  auto name = channel_name_param(c);
  if (!name) return c.fail(name.error());
  auto r =
      app::read_channel_by_name(c.app, c.s(), *team_id, "", *name, c.query_bool("include_deleted"));
  if (!r) return c.fail(r.error());
  return json_response(model::to_json(*r));
}

Response get_by_team_name(Context& c) {
  auto team = team_name_param(c);
  if (!team) return c.fail(team.error());
  auto name = channel_name_param(c);
  if (!name) return c.fail(name.error());
  auto r =
      app::read_channel_by_name(c.app, c.s(), "", *team, *name, c.query_bool("include_deleted"));
  if (!r) return c.fail(r.error());
  return json_response(model::to_json(*r));
}

Response patch_channel(Context& c) {
  auto id = path_id(c, "channel_id");
  if (!id) return c.fail(id.error());
  auto body = c.body_object("channel");
  if (!body) return c.fail(body.error());
  auto r = app::patch_channel(c.app, c.s(), *id, *body);
  if (!r) return c.fail(r.error());
  return json_response(model::to_json(*r));
}

Response update_channel(Context& c) {
  auto id = path_id(c, "channel_id");
  if (!id) return c.fail(id.error());
  auto body = c.body_object("channel");
  if (!body) return c.fail(body.error());
  auto r = app::update_channel(c.app, c.s(), *id, *body);
  if (!r) return c.fail(r.error());
  return json_response(model::to_json(*r));
}

Response delete_channel(Context& c) {
  auto id = path_id(c, "channel_id");
  if (!id) return c.fail(id.error());
  if (auto s = app::archive_channel(c.app, c.s(), *id, c.query_bool("permanent")); !s)
    return c.fail(s.error());
  return status_ok();
}

Response restore_channel(Context& c) {
  auto id = path_id(c, "channel_id");
  if (!id) return c.fail(id.error());
  auto r = app::restore_channel(c.app, c.s(), *id);
  if (!r) return c.fail(r.error());
  return json_response(model::to_json(*r));
}

Response channel_stats(Context& c) {
  auto id = path_id(c, "channel_id");
  if (!id) return c.fail(id.error());
  auto r = app::channel_stats(c.app, c.s(), *id, c.query_bool("exclude_files_count"));
  if (!r) return c.fail(r.error());
  return json_response(bj::object{{"channel_id", r->channel_id},
                                  {"member_count", r->member_count},
                                  {"guest_count", r->guest_count},
                                  {"pinnedpost_count", r->pinnedpost_count},
                                  {"files_count", r->files_count}});
}

Response member_counts(Context& c) {
  auto v = json::parse(c.req.body);
  auto ids = v ? json::string_array(*v) : std::nullopt;
  if (!ids) return c.fail(payload_parse_error());
  auto r = app::channels_member_count(c.app, c.s(), *ids);
  if (!r) return c.fail(r.error());
  bj::object out;
  for (const auto& [id, n] : *r) out[id] = n;
  return json_response(out);
}

Response user_team_channels(Context& c) {
  auto user_id = c.id_param("user_id");
  if (!user_id) return c.fail(user_id.error());
  auto team_id = path_id(c, "team_id");
  if (!team_id) return c.fail(team_id.error());
  store::UserChannelQuery q;
  q.team_id = *team_id;
  q.include_deleted = c.query_bool("include_deleted");
  q.last_delete_at = c.query_int("last_delete_at", 0);
  auto r = app::channels_for_user(c.app, c.s(), *user_id, q);
  if (!r) return c.fail(r.error());
  return json_response(json_array(*r));
}

Response user_channels(Context& c) {
  auto user_id = c.id_param("user_id");
  if (!user_id) return c.fail(user_id.error());
  store::UserChannelQuery q;
  q.include_deleted = c.query_bool("include_deleted");
  q.last_delete_at = c.query_int("last_delete_at", 0);
  auto r = app::channels_for_user(c.app, c.s(), *user_id, q);
  if (!r) return c.fail(r.error());
  return json_response(json_array(*r));
}

Response team_channel_list(Context& c, std::string type, bool deleted) {
  auto team_id = path_id(c, "team_id");
  if (!team_id) return c.fail(team_id.error());
  store::TeamChannelQuery q;
  q.team_id = *team_id;
  q.type = std::move(type);
  q.deleted = deleted;
  q.limit = c.per_page();
  q.offset = c.page() * q.limit;
  auto r = app::team_channels(c.app, c.s(), q);
  if (!r) return c.fail(r.error());
  return json_response(json_array(*r));
}

Response public_by_ids(Context& c) {
  auto team_id = path_id(c, "team_id");
  if (!team_id) return c.fail(team_id.error());
  auto v = json::parse(c.req.body);
  auto ids = v ? json::string_array(*v) : std::nullopt;
  if (!ids) return c.fail(payload_parse_error());
  if (ids->empty()) return c.fail(errors::invalid_param("channel_ids"));
  for (const auto& id : *ids)
    if (!is_valid_id(id)) return c.fail(errors::invalid_param("channel_id"));
  auto r = app::public_channels_by_ids(c.app, c.s(), *team_id, *ids);
  if (!r) return c.fail(r.error());
  return json_response(json_array(*r));
}

Response search_channels(Context& c, app::ChannelSearchKind kind) {
  auto team_id = path_id(c, "team_id");
  if (!team_id) return c.fail(team_id.error());
  std::string term;
  if (kind == app::ChannelSearchKind::search) {
    auto body = c.body_object("channel_search");
    if (!body) return c.fail(body.error());
    bool wrong = false;
    term = json::opt_string(*body, "term", &wrong).value_or("");
    if (wrong) return c.fail(errors::invalid_param("channel_search"));
  } else {
    term = c.req.query_param("name");
  }
  auto r = app::search_team_channels(c.app, c.s(), *team_id, term, kind);
  if (!r) return c.fail(r.error());
  return json_response(json_array(*r));
}

}  // namespace

void register_channel_routes(Router& r) {
  using Kind = app::ChannelSearchKind;
  r.add("POST", "/api/v4/channels", create_channel);
  r.add("POST", "/api/v4/channels/direct", create_direct);
  r.add("POST", "/api/v4/channels/group", create_group);
  r.add("POST", "/api/v4/channels/stats/member_count", member_counts);
  r.add("GET", "/api/v4/channels/{channel_id}", get_channel);
  r.add("PUT", "/api/v4/channels/{channel_id}", update_channel);
  r.add("DELETE", "/api/v4/channels/{channel_id}", delete_channel);
  r.add("PUT", "/api/v4/channels/{channel_id}/patch", patch_channel);
  r.add("POST", "/api/v4/channels/{channel_id}/restore", restore_channel);
  r.add("GET", "/api/v4/channels/{channel_id}/stats", channel_stats);
  r.add("GET", "/api/v4/teams/{team_id}/channels/name/{channel_name}", get_by_name);
  r.add("GET", "/api/v4/teams/name/{team_name}/channels/name/{channel_name}", get_by_team_name);
  r.add("GET", "/api/v4/teams/{team_id}/channels",
        [](Context& c) { return team_channel_list(c, "O", false); });
  r.add("GET", "/api/v4/teams/{team_id}/channels/private",
        [](Context& c) { return team_channel_list(c, "P", false); });
  r.add("GET", "/api/v4/teams/{team_id}/channels/deleted",
        [](Context& c) { return team_channel_list(c, "", true); });
  r.add("POST", "/api/v4/teams/{team_id}/channels/ids", public_by_ids);
  r.add("GET", "/api/v4/teams/{team_id}/channels/autocomplete",
        [](Context& c) { return search_channels(c, Kind::autocomplete); });
  r.add("GET", "/api/v4/teams/{team_id}/channels/search_autocomplete",
        [](Context& c) { return search_channels(c, Kind::for_search); });
  r.add("POST", "/api/v4/teams/{team_id}/channels/search",
        [](Context& c) { return search_channels(c, Kind::search); });
  r.add("GET", "/api/v4/users/{user_id}/teams/{team_id}/channels", user_team_channels);
  r.add("GET", "/api/v4/users/{user_id}/channels", user_channels);
}

}  // namespace parley::api
