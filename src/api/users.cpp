// /api/v4/users routes: sign-up, login/logout, profiles, lists and search, roles, activation,
// passwords and sessions.
#include "app/users.h"
#include "api/auth_cookies.h"
#include "api/context.h"
#include "api/respond.h"
#include "api/routes.h"
#include "app/authorization.h"
#include "app/direct_channels.h"
#include "store/channel_store.h"
#include "store/user_store.h"
#include "util/ids.h"
#include "util/json.h"

namespace parley::api {
namespace {

namespace bj = boost::json;

bj::array users_json(Context& c, const std::vector<model::User>& users) {
  bj::array a;
  a.reserve(users.size());
  for (const auto& u : users) a.push_back(app::user_json(c.app, c.s(), u));
  return a;
}

// Reads the fields a client may set on a new user; nullopt on wrong-typed fields.
std::optional<model::User> user_from_body(const bj::object& o) {
  model::User u;
  bool wrong = false;
  auto str = [&](std::string_view k, std::string& f) {
    if (auto v = json::opt_string(o, k, &wrong)) f = *v;
  };
  str("username", u.username);
  str("email", u.email);
  str("nickname", u.nickname);
  str("first_name", u.first_name);
  str("last_name", u.last_name);
  str("position", u.position);
  str("locale", u.locale);
  if (auto v = json::opt_bool(o, "allow_marketing", &wrong)) u.allow_marketing = *v;
  for (auto [key, field] :
       {std::pair{"props", &u.props}, std::pair{"notify_props", &u.notify_props},
        std::pair{"timezone", &u.timezone}}) {
    auto it = o.find(key);
    if (it == o.end() || it->value().is_null()) continue;
    if (!it->value().is_object()) return std::nullopt;
    *field = json::string_map(it->value().get_object());
  }
  if (wrong) return std::nullopt;
  return u;
}

Response create_user(Context& c) {
  auto body = c.body_object("user");
  if (!body) return c.fail(body.error());
  auto u = user_from_body(*body);
  if (!u) return c.fail(errors::invalid_param("user"));
  bool wrong = false;
  auto password = json::opt_string(*body, "password", &wrong);
  if (wrong) return c.fail(errors::invalid_param("user"));
  auto r = app::create_user(c.app, std::move(*u), password.value_or(""),
                            c.session ? &*c.session : nullptr);
  if (!r) return c.fail(r.error());
  model::UserView view{true, true, true};
  return json_response(model::to_json(*r, view), 201);
}

Response login(Context& c) {
  auto body = c.body_object("login");
  if (!body) return c.fail(body.error());
  app::LoginRequest req;
  bool wrong = false;
  req.login_id = json::opt_string(*body, "login_id", &wrong).value_or("");
  if (req.login_id.empty()) req.login_id = json::opt_string(*body, "id", &wrong).value_or("");
  req.password = json::opt_string(*body, "password", &wrong).value_or("");
  req.device_id = json::opt_string(*body, "device_id", &wrong).value_or("");
  if (wrong) return c.fail(errors::invalid_param("login"));
  req.user_agent = std::string(c.req.header("user-agent"));
  auto r = app::login(c.app, req);
  if (!r) return c.fail(r.error());
  model::UserView view{true, true, true};
  Response resp = json_response(model::to_json(r->user, view));
  resp.set_header("Token", r->session.token);
  if (c.req.header("x-requested-with") == "XMLHttpRequest") {
    int64_t max_age = (r->session.expires_at - r->session.create_at) / 1000;
    attach_session_cookies(resp, c.req, r->session, max_age);
  }
  return resp;
}

Response logout(Context& c) {
  if (c.session) app::logout(c.app, *c.session);
  Response r = status_ok();
  clear_session_cookies(r, c.req);
  return r;
}

Response get_user(Context& c) {
  auto id = c.id_param("user_id");
  if (!id) return c.fail(id.error());
  auto u = app::get_user(c.app, *id);
  if (!u) return c.fail(u.error());
  return json_text_response(app::user_json_text(c.app, c.s(), *u));
}

Response get_user_by_username(Context& c) {
  auto u = c.app.store().users().get_by_username(c.param("username"));
  if (!u)
    return c.fail(
        AppError::make("app.user.get_by_username.app_error",
                       "Unable to find an existing account matching your username for this team. "
                       "This team may require an invite from the team owner to join.",
                       404));
  return json_text_response(app::user_json_text(c.app, c.s(), *u));
}

Response get_user_by_email(Context& c) {
  auto cfg = c.app.config();
  if (!cfg->privacy.show_email_address && !app::has_permission(c.s(), "manage_system"))
    return c.fail(errors::permission("sysconsole_read_user_management_users", c.s().user_id));
  auto u = c.app.store().users().get_by_email(c.param("email"));
  if (!u)
    return c.fail(
        AppError::make("app.user.missing_account.const", "Unable to find the user.", 404));
  return json_text_response(app::user_json_text(c.app, c.s(), *u));
}

Response users_by_ids(Context& c) {
  auto ids = c.body_string_array("user_ids");
  if (!ids) return c.fail(ids.error());
  if (ids->empty()) return c.fail(errors::invalid_param("user_ids"));
  for (const auto& id : *ids)
    if (!is_valid_id(id)) return c.fail(errors::invalid_param("user_ids"));
  auto users = c.app.store().users().get_many(*ids);
  int64_t since = c.query_int("since", 0);
  if (since > 0) std::erase_if(users, [&](const model::User& u) { return u.update_at <= since; });
  return json_response(users_json(c, users));
}

Response users_in_group_channels(Context& c) {
  auto ids = c.body_string_array("channel_ids");
  if (!ids || ids->empty()) return c.fail(errors::invalid_param("channel_ids"));
  bj::object out;
  for (const auto& [channel_id, users] : app::group_channel_members(c.app, c.s(), *ids))
    out[channel_id] = users_json(c, users);
  return json_response(out);
}

Response users_by_usernames(Context& c) {
  auto names = c.body_string_array("usernames");
  if (!names) return c.fail(names.error());
  if (names->empty()) return c.fail(errors::invalid_param("usernames"));
  return json_response(users_json(c, c.app.store().users().get_by_usernames(*names)));
}

Response list_users(Context& c) {
  store::UserQuery q;
  q.in_team = c.req.query_param("in_team");
  q.not_in_team = c.req.query_param("not_in_team");
  q.in_channel = c.req.query_param("in_channel");
  q.not_in_channel = c.req.query_param("not_in_channel");
  q.without_team = c.query_bool("without_team");
  q.active_only = c.query_bool("active");
  q.inactive_only = c.query_bool("inactive");
  q.role = c.req.query_param("role");
  q.sort = c.req.query_param("sort");
  q.limit = c.per_page();
  q.offset = c.page() * q.limit;
  for (const auto* id : {&q.in_team, &q.not_in_team, &q.in_channel, &q.not_in_channel})
    if (!id->empty() && !is_valid_id(*id))
      return c.fail(errors::invalid_param("team_id or channel_id"));
  if (!q.in_channel.empty()) {
    auto ch = c.app.store().channels().get(q.in_channel);
    if (!ch || !app::can_read_channel(c.app, c.s(), *ch))
      return c.fail(errors::permission("read_channel", c.s().user_id));
  }
  if (!q.in_team.empty() && !app::has_team_permission(c.app, c.s(), q.in_team, "view_team"))
    return c.fail(errors::permission("view_team", c.s().user_id));
  if (q.in_team.empty() && q.in_channel.empty() && !app::has_permission(c.s(), "view_members") &&
      !app::has_permission(c.s(), "manage_system"))
    return c.fail(errors::permission("view_members", c.s().user_id));
  return json_response(users_json(c, c.app.store().users().query(q)));
}

// Mattermost's AllowEmails / AllowFullNames for user search: everything for manage_system,
// otherwise as PrivacySettings.ShowEmailAddress / ShowFullName say.
void set_search_privacy(Context& c, store::UserQuery& q) {
  bool admin = app::has_permission(c.s(), "manage_system");
  auto cfg = c.app.config();
  q.allow_emails = admin || cfg->privacy.show_email_address;
  q.allow_full_names = admin || cfg->privacy.show_full_name;
}

Response search_users(Context& c) {
  auto body = c.body_object("search");
  if (!body) return c.fail(body.error());
  store::UserQuery q;
  bool wrong = false;
  q.term = json::opt_string(*body, "term", &wrong).value_or("");
  q.in_team = json::opt_string(*body, "team_id", &wrong).value_or("");
  q.not_in_team = json::opt_string(*body, "not_in_team_id", &wrong).value_or("");
  q.in_channel = json::opt_string(*body, "in_channel_id", &wrong).value_or("");
  q.not_in_channel = json::opt_string(*body, "not_in_channel_id", &wrong).value_or("");
  q.without_team = json::opt_bool(*body, "without_team", &wrong).value_or(false);
  bool allow_inactive = json::opt_bool(*body, "allow_inactive", &wrong).value_or(false);
  q.active_only = !allow_inactive;
  q.limit = static_cast<int>(
      std::clamp<int64_t>(json::opt_int(*body, "limit", &wrong).value_or(100), 1, 1000));
  if (wrong) return c.fail(errors::invalid_param("search"));
  if (q.term.empty()) return c.fail(errors::invalid_param("term"));
  set_search_privacy(c, q);
  if (!q.in_team.empty() && !app::has_team_permission(c.app, c.s(), q.in_team, "view_team"))
    return c.fail(errors::permission("view_team", c.s().user_id));
  return json_response(users_json(c, c.app.store().users().query(q)));
}

Response autocomplete_users(Context& c) {
  store::UserQuery q;
  q.term = c.req.query_param("name");
  set_search_privacy(c, q);
  q.allow_emails = false;  // Mattermost never autocompletes on e-mail addresses
  q.in_team = c.req.query_param("in_team");
  q.active_only = true;
  q.limit = static_cast<int>(std::clamp<int64_t>(c.query_int("limit", 100), 1, 200));
  std::string channel = std::string(c.req.query_param("in_channel"));
  if (!q.in_team.empty() && !app::has_team_permission(c.app, c.s(), q.in_team, "view_team"))
    return c.fail(errors::permission("view_team", c.s().user_id));
  bj::object out;
  if (!channel.empty()) {
    auto ch = c.app.store().channels().get(channel);
    if (!ch || !app::can_read_channel(c.app, c.s(), *ch))
      return c.fail(errors::permission("read_channel", c.s().user_id));
    auto in = q;
    in.in_channel = channel;
    in.in_team.clear();
    auto out_q = q;
    out_q.not_in_channel = channel;
    out["users"] = users_json(c, c.app.store().users().query(in));
    out["out_of_channel"] = users_json(c, c.app.store().users().query(out_q));
  } else {
    out["users"] = users_json(c, c.app.store().users().query(q));
  }
  return json_response(out);
}

Response patch_user(Context& c) {
  auto id = c.id_param("user_id");
  if (!id) return c.fail(id.error());
  auto body = c.body_object("user");
  if (!body) return c.fail(body.error());
  auto r = app::patch_user(c.app, c.s(), *id, *body);
  if (!r) return c.fail(r.error());
  return json_response(app::user_json(c.app, c.s(), *r));
}

// PUT /users/{id} replaces the profile: the body is a whole User whose id matches the URL, and a
// profile field it leaves out is cleared (Mattermost's updateUser); maps left out are kept.
Response update_user(Context& c) {
  auto id = c.id_param("user_id");
  if (!id) return c.fail(id.error());
  auto body = c.body_object("user");
  if (!body) return c.fail(body.error());
  if (json::get_string(*body, "id") != *id) return c.fail(errors::invalid_param("user_id"));
  boost::json::object full = *body;
  for (const char* field : {"username", "email", "nickname", "first_name", "last_name", "position"})
    if (!full.contains(field) || full.at(field).is_null()) full[field] = "";
  auto r = app::patch_user(c.app, c.s(), *id, full);
  if (!r) return c.fail(r.error());
  return json_response(app::user_json(c.app, c.s(), *r));
}

Response update_roles(Context& c) {
  auto id = c.id_param("user_id");
  if (!id) return c.fail(id.error());
  auto body = c.body_object("roles");
  if (!body) return c.fail(body.error());
  bool wrong = false;
  auto roles = json::opt_string(*body, "roles", &wrong);
  if (!roles || wrong) return c.fail(errors::invalid_param("roles"));
  if (auto s = app::update_user_roles(c.app, c.s(), *id, *roles); !s) return c.fail(s.error());
  return status_ok();
}

Response update_active(Context& c) {
  auto id = c.id_param("user_id");
  if (!id) return c.fail(id.error());
  auto body = c.body_object("active");
  if (!body) return c.fail(body.error());
  bool wrong = false;
  auto active = json::opt_bool(*body, "active", &wrong);
  if (!active || wrong) return c.fail(errors::invalid_param("active"));
  if (auto s = app::update_user_active(c.app, c.s(), *id, *active); !s) return c.fail(s.error());
  return status_ok();
}

Response update_password(Context& c) {
  auto id = c.id_param("user_id");
  if (!id) return c.fail(id.error());
  auto body = c.body_object("password");
  if (!body) return c.fail(body.error());
  bool wrong = false;
  auto current = json::opt_string(*body, "current_password", &wrong).value_or("");
  auto next = json::opt_string(*body, "new_password", &wrong);
  if (!next || wrong) return c.fail(errors::invalid_param("new_password"));
  if (auto s = app::update_password(c.app, c.s(), *id, current, *next); !s)
    return c.fail(s.error());
  return status_ok();
}

Response get_sessions(Context& c) {
  auto id = c.id_param("user_id");
  if (!id) return c.fail(id.error());
  auto r = app::user_sessions(c.app, c.s(), *id);
  if (!r) return c.fail(r.error());
  bj::array a;
  for (const auto& s : *r) a.push_back(model::to_json(s, true));
  return json_response(a);
}

Response revoke_session(Context& c) {
  auto id = c.id_param("user_id");
  if (!id) return c.fail(id.error());
  auto body = c.body_object("session_id");
  if (!body) return c.fail(body.error());
  auto sid = json::get_string(*body, "session_id");
  if (!is_valid_id(sid)) return c.fail(errors::invalid_param("session_id"));
  if (auto s = app::revoke_session(c.app, c.s(), *id, sid); !s) return c.fail(s.error());
  return status_ok();
}

Response revoke_all(Context& c) {
  auto id = c.id_param("user_id");
  if (!id) return c.fail(id.error());
  if (auto s = app::revoke_all_sessions(c.app, c.s(), *id); !s) return c.fail(s.error());
  return status_ok();
}

Response user_stats(Context& c) {
  return json_response(bj::object{{"total_users_count", c.app.store().users().count(false)}});
}

}  // namespace

void register_user_routes(Router& r) {
  RouteOptions anon{.require_session = false};
  RouteOptions anon_password{.require_session = false, .hashes_password = true};
  r.add("POST", "/api/v4/users", create_user, anon_password);
  r.add("POST", "/api/v4/users/login", login, anon_password);
  r.add("POST", "/api/v4/users/logout", logout, anon);
  r.add("GET", "/api/v4/users", list_users);
  r.add("POST", "/api/v4/users/ids", users_by_ids);
  r.add("POST", "/api/v4/users/usernames", users_by_usernames);
  r.add("POST", "/api/v4/users/group_channels", users_in_group_channels);
  r.add("POST", "/api/v4/users/search", search_users);
  r.add("GET", "/api/v4/users/autocomplete", autocomplete_users);
  r.add("GET", "/api/v4/users/stats", user_stats);
  r.add("GET", "/api/v4/users/{user_id}", get_user);
  r.add("GET", "/api/v4/users/username/{username}", get_user_by_username);
  r.add("GET", "/api/v4/users/email/{email}", get_user_by_email);
  r.add("PUT", "/api/v4/users/{user_id}/patch", patch_user);
  r.add("PUT", "/api/v4/users/{user_id}", update_user);
  r.add("PUT", "/api/v4/users/{user_id}/roles", update_roles);
  r.add("PUT", "/api/v4/users/{user_id}/active", update_active);
  r.add("PUT", "/api/v4/users/{user_id}/password", update_password, {.hashes_password = true});
  r.add("GET", "/api/v4/users/{user_id}/sessions", get_sessions);
  r.add("POST", "/api/v4/users/{user_id}/sessions/revoke", revoke_session);
  r.add("POST", "/api/v4/users/{user_id}/sessions/revoke/all", revoke_all);
}

}  // namespace parley::api
