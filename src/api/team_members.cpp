// /api/v4/teams/{team_id}/members routes, invites by id, the user's team memberships and
// team unread totals.
#include "app/team_members.h"
#include "api/params.h"
#include "api/respond.h"
#include "api/routes.h"
#include "util/json.h"

namespace parley::api {
namespace {

namespace bj = boost::json;

AppError invalid_member_body() {
  return AppError::make("api.team.add_team_member.invalid_body.app_error",
                        "Unable to parse team member from request body.", 400);
}

Response add_member(Context& c) {
  auto team_id = path_id(c, "team_id");
  if (!team_id) return c.fail(team_id.error());
  auto body = c.body_object("member");
  if (!body) return c.fail(invalid_member_body());
  bool wrong = false;
  auto member_team = json::opt_string(*body, "team_id", &wrong).value_or("");
  auto user_id = json::opt_string(*body, "user_id", &wrong).value_or("");
  for (auto k : {"roles", "explicit_roles"}) json::opt_string(*body, k, &wrong);
  for (auto k : {"scheme_user", "scheme_admin", "scheme_guest"}) json::opt_bool(*body, k, &wrong);
  json::opt_int(*body, "delete_at", &wrong);
  if (wrong) return c.fail(invalid_member_body());
  if (member_team != *team_id) return c.fail(errors::invalid_param("team_id"));
  if (!is_valid_id(user_id)) return c.fail(errors::invalid_param("user_id"));
  auto r = app::add_team_member(c.app, c.s(), *team_id, user_id);
  if (!r) return c.fail(r.error());
  return json_response(model::to_json(*r), 201);
}

Response add_members(Context& c) {
  auto team_id = path_id(c, "team_id");
  if (!team_id) return c.fail(team_id.error());
  auto body = c.body_json("members");
  if (!body) return c.fail(body.error());
  if (!body->is_array()) return c.fail(errors::invalid_param("members"));
  const auto& items = body->get_array();
  if (items.size() > 256) return c.fail(errors::invalid_param("too many members in batch"));
  if (items.empty()) return c.fail(errors::invalid_param("no members in batch"));
  std::vector<std::string> user_ids;
  for (const auto& item : items) {
    if (!item.is_object()) return c.fail(errors::invalid_param("members"));
    bool wrong = false;
    auto member_team = json::opt_string(item.get_object(), "team_id", &wrong).value_or("");
    auto user_id = json::opt_string(item.get_object(), "user_id", &wrong).value_or("");
    if (wrong) return c.fail(errors::invalid_param("members"));
    if (member_team != *team_id)
      return c.fail(errors::invalid_param("team_id for member with user_id=" + user_id));
    if (!is_valid_id(user_id)) return c.fail(errors::invalid_param("user_id"));
    user_ids.push_back(user_id);
  }
  bool graceful = !c.req.query_param("graceful").empty();
  auto r = app::add_team_members(c.app, c.s(), *team_id, user_ids, graceful);
  if (!r) return c.fail(r.error());
  bj::array out;
  for (const auto& m : *r) {
    if (!graceful) {
      out.push_back(model::to_json(*m.member));
      continue;
    }
    bj::object o{{"user_id", m.user_id}, {"member", nullptr}, {"error", nullptr}};
    if (m.member) o["member"] = model::to_json(*m.member);
    if (m.error)
      o["error"] = bj::object{{"id", m.error->id},
                              {"message", m.error->message},
                              {"detailed_error", ""},
                              {"request_id", c.request_id},
                              {"status_code", m.error->status_code}};
    out.push_back(std::move(o));
  }
  return json_response(out, 201);
}

Response join_by_invite(Context& c) {
  if (c.req.has_query("token") && !c.req.query_param("token").empty())
    return c.fail(AppError::make("api.user.create_user.signup_link_invalid.app_error",
                                 "The signup link does not appear to be valid.", 400));
  std::string invite = std::string(c.req.query_param("invite_id"));
  if (invite.empty())
    return c.fail(AppError::make("api.team.add_user_to_team.missing_parameter.app_error",
                                 "Parameter required to add user to team.", 400));
  auto r = app::join_team_by_invite(c.app, c.s(), invite);
  if (!r) return c.fail(r.error());
  return json_response(model::to_json(*r), 201);
}

Response get_members(Context& c) {
  auto team_id = path_id(c, "team_id");
  if (!team_id) return c.fail(team_id.error());
  store::TeamMemberQuery q;
  q.sort_by_username = c.req.query_param("sort") == "Username";
  q.exclude_deleted_users = c.query_bool("exclude_deleted_users");
  q.limit = c.per_page();
  q.offset = c.page() * q.limit;
  auto r = app::team_members(c.app, c.s(), *team_id, q);
  if (!r) return c.fail(r.error());
  return json_response(json_array(*r));
}

Response members_by_ids(Context& c) {
  auto team_id = path_id(c, "team_id");
  if (!team_id) return c.fail(team_id.error());
  auto ids = c.body_string_array("user_ids");
  if (!ids) return c.fail(ids.error());
  if (ids->empty()) return c.fail(errors::invalid_param("user_ids"));
  auto r = app::team_members_by_ids(c.app, c.s(), *team_id, *ids);
  if (!r) return c.fail(r.error());
  return json_response(json_array(*r));
}

Response get_member(Context& c) {
  auto team_id = path_id(c, "team_id");
  if (!team_id) return c.fail(team_id.error());
  auto user_id = c.id_param("user_id");
  if (!user_id) return c.fail(user_id.error());
  auto r = app::team_member(c.app, c.s(), *team_id, *user_id);
  if (!r) return c.fail(r.error());
  return json_response(model::to_json(*r));
}

Response remove_member(Context& c) {
  auto team_id = path_id(c, "team_id");
  if (!team_id) return c.fail(team_id.error());
  auto user_id = c.id_param("user_id");
  if (!user_id) return c.fail(user_id.error());
  if (auto s = app::remove_team_member(c.app, c.s(), *team_id, *user_id); !s)
    return c.fail(s.error());
  return status_ok();
}

Response update_roles(Context& c) {
  auto team_id = path_id(c, "team_id");
  if (!team_id) return c.fail(team_id.error());
  auto user_id = c.id_param("user_id");
  if (!user_id) return c.fail(user_id.error());
  auto body = c.body_object("team_member_roles");
  if (!body) return c.fail(errors::invalid_param("team_member_roles"));
  bool wrong = false;
  auto roles = json::opt_string(*body, "roles", &wrong);
  if (wrong) return c.fail(errors::invalid_param("team_member_roles"));
  if (auto s = app::update_team_member_roles(c.app, c.s(), *team_id, *user_id, roles.value_or(""));
      !s)
    return c.fail(s.error());
  return status_ok();
}

Response members_for_user(Context& c) {
  auto user_id = c.id_param("user_id");
  if (!user_id) return c.fail(user_id.error());
  auto r = app::team_members_for_user(c.app, c.s(), *user_id);
  if (!r) return c.fail(r.error());
  return json_response(json_array(*r));
}

Response teams_unread(Context& c) {
  auto user_id = c.id_param("user_id");
  if (!user_id) return c.fail(user_id.error());
  auto r = app::teams_unread(c.app, c.s(), *user_id, std::string(c.req.query_param("exclude_team")),
                             c.query_bool("include_collapsed_threads"));
  if (!r) return c.fail(r.error());
  return json_response(json_array(*r));
}

Response team_unread(Context& c) {
  auto user_id = c.id_param("user_id");
  if (!user_id) return c.fail(user_id.error());
  auto team_id = path_id(c, "team_id");
  if (!team_id) return c.fail(team_id.error());
  auto r = app::team_unread(c.app, c.s(), *team_id, *user_id);
  if (!r) return c.fail(r.error());
  return json_response(model::to_json(*r));
}

}  // namespace

void register_team_member_routes(Router& r) {
  r.add("GET", "/api/v4/teams/{team_id}/members", get_members);
  r.add("POST", "/api/v4/teams/{team_id}/members", add_member);
  r.add("POST", "/api/v4/teams/{team_id}/members/ids", members_by_ids);
  r.add("POST", "/api/v4/teams/{team_id}/members/batch", add_members);
  r.add("POST", "/api/v4/teams/members/invite", join_by_invite);
  r.add("GET", "/api/v4/teams/{team_id}/members/{user_id}", get_member);
  r.add("DELETE", "/api/v4/teams/{team_id}/members/{user_id}", remove_member);
  r.add("PUT", "/api/v4/teams/{team_id}/members/{user_id}/roles", update_roles);
  r.add("GET", "/api/v4/users/{user_id}/teams/members", members_for_user);
  r.add("GET", "/api/v4/users/{user_id}/teams/unread", teams_unread);
  r.add("GET", "/api/v4/users/{user_id}/teams/{team_id}/unread", team_unread);
}

}  // namespace parley::api
