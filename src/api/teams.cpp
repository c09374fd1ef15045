// /api/v4/teams routes: create, get (by id or name), list, patch/update, archive/restore,
// invite info, stats and the user's teams.
#include "app/teams.h"
#include "api/params.h"
#include "api/respond.h"
#include "api/routes.h"
#include "app/team_members.h"
#include "util/json.h"

namespace parley::api {
namespace {

namespace bj = boost::json;

// The fields a client may send for a new team; nullopt on wrong-typed fields.
std::optional<model::Team> team_from_body(const bj::object& o) {
  model::Team t;
  t.type = "";
  bool wrong = false;
  auto str = [&](std::string_view k, std::string& f) {
    if (auto v = json::opt_string(o, k, &wrong)) f = *v;
  };
  str("id", t.id);
  str("name", t.name);
  str("display_name", t.display_name);
  str("description", t.description);
  str("type", t.type);
  str("company_name", t.company_name);
  str("allowed_domains", t.allowed_domains);
  str("scheme_id", t.scheme_id);
  std::string ignored;
  for (auto k : {"email", "invite_id", "policy_id"}) str(k, ignored);
  if (auto v = json::opt_bool(o, "allow_open_invite", &wrong)) t.allow_open_invite = *v;
  if (auto v = json::opt_bool(o, "group_constrained", &wrong)) t.group_constrained = *v;
  for (auto k : {"create_at", "update_at", "delete_at", "last_team_icon_update"})
    json::opt_int(o, k, &wrong);
  if (wrong) return std::nullopt;
  return t;
}

Response create_team(Context& c) {
  auto body = c.body_object("team");
  if (!body) return c.fail(body.error());
  auto t = team_from_body(*body);
  if (!t) return c.fail(errors::invalid_param("team"));
  auto r = app::create_team(c.app, c.s(), std::move(*t));
  if (!r) return c.fail(r.error());
  return json_response(model::to_json(*r), 201);
}

Response get_team(Context& c) {
  auto id = path_id(c, "team_id");
  if (!id) return c.fail(id.error());
  auto t = app::read_team(c.app, c.s(), *id);
  if (!t) return c.fail(t.error());
  return json_response(app::team_json(c.app, c.s(), *t));
}

Response get_team_by_name(Context& c) {
  auto name = team_name_param(c);
  if (!name) return c.fail(name.error());
  auto t = app::read_team_by_name(c.app, c.s(), *name);
  if (!t) return c.fail(t.error());
  return json_response(app::team_json(c.app, c.s(), *t));
}

Response team_exists(Context& c) {
  auto name = team_name_param(c);
  if (!name) return c.fail(name.error());
  return json_response(bj::object{{"exists", app::team_exists(c.app, c.s(), *name)}});
}

Response list_teams(Context& c) {
  bool with_total = c.query_bool("include_total_count");
  auto r = app::list_teams(c.app, c.s(), c.page(), c.per_page(), with_total);
  if (!r) return c.fail(r.error());
  bj::array teams;
  for (const auto& t : r->teams) teams.push_back(app::team_json(c.app, c.s(), t));
  if (with_total)
    return json_response(bj::object{{"teams", teams}, {"total_count", r->total_count}});
  return json_response(teams);
}

Response teams_for_user(Context& c) {
  auto id = c.id_param("user_id");
  if (!id) return c.fail(id.error());
  auto r = app::teams_for_user(c.app, c.s(), *id);
  if (!r) return c.fail(r.error());
  bj::array a;
  for (auto& o : *r) a.push_back(std::move(o));
  return json_response(a);
}

Response patch_team(Context& c) {
  auto id = path_id(c, "team_id");
  if (!id) return c.fail(id.error());
  auto body = c.body_object("team");
  if (!body) return c.fail(body.error());
  auto r = app::patch_team(c.app, c.s(), *id, *body);
  if (!r) return c.fail(r.error());
  return json_response(app::team_json(c.app, c.s(), *r));
}

Response update_team(Context& c) {
  auto id = path_id(c, "team_id");
  if (!id) return c.fail(id.error());
  auto body = c.body_object("team");
  if (!body) return c.fail(body.error());
  auto r = app::update_team(c.app, c.s(), *id, *body);
  if (!r) return c.fail(r.error());
  return json_response(app::team_json(c.app, c.s(), *r));
}

Response delete_team(Context& c) {
  auto id = path_id(c, "team_id");
  if (!id) return c.fail(id.error());
  if (auto s = app::archive_team(c.app, c.s(), *id, c.query_bool("permanent")); !s)
    return c.fail(s.error());
  return status_ok();
}

Response restore_team(Context& c) {
  auto id = path_id(c, "team_id");
  if (!id) return c.fail(id.error());
  auto r = app::restore_team(c.app, c.s(), *id);
  if (!r) return c.fail(r.error());
  return json_response(app::team_json(c.app, c.s(), *r));
}

Response regenerate_invite_id(Context& c) {
  auto id = path_id(c, "team_id");
  if (!id) return c.fail(id.error());
  auto r = app::regenerate_invite_id(c.app, c.s(), *id);
  if (!r) return c.fail(r.error());
  return json_response(app::team_json(c.app, c.s(), *r));
}

Response team_stats(Context& c) {
  auto id = path_id(c, "team_id");
  if (!id) return c.fail(id.error());
  auto r = app::team_stats(c.app, c.s(), *id);
  if (!r) return c.fail(r.error());
  return json_response(model::to_json(*r));
}

Response invite_info(Context& c) {
  std::string invite = c.param("invite_id");
  if (invite.empty()) return c.fail(errors::invalid_url_param("invite_id"));
  auto r = app::team_for_invite(c.app, invite);
  if (!r) return c.fail(r.error());
  return json_response(bj::object{{"display_name", r->display_name},
                                  {"description", r->description},
                                  {"name", r->name},
                                  {"id", r->id}});
}

}  // namespace

void register_team_routes(Router& r) {
  r.add("POST", "/api/v4/teams", create_team);
  r.add("GET", "/api/v4/teams", list_teams);
  r.add("GET", "/api/v4/teams/{team_id}", get_team);
  r.add("PUT", "/api/v4/teams/{team_id}", update_team);
  r.add("DELETE", "/api/v4/teams/{team_id}", delete_team);
  r.add("PUT", "/api/v4/teams/{team_id}/patch", patch_team);
  r.add("POST", "/api/v4/teams/{team_id}/restore", restore_team);
  r.add("POST", "/api/v4/teams/{team_id}/regenerate_invite_id", regenerate_invite_id);
  r.add("GET", "/api/v4/teams/{team_id}/stats", team_stats);
  r.add("GET", "/api/v4/teams/name/{team_name}", get_team_by_name);
  r.add("GET", "/api/v4/teams/name/{team_name}/exists", team_exists);
  r.add("GET", "/api/v4/teams/invite/{invite_id}", invite_info, {.require_session = false});
  r.add("GET", "/api/v4/users/{user_id}/teams", teams_for_user);
}

}  // namespace parley::api
