// System-level routes: ping/health, client config and license, server limits, webapp plugins,
// and roles.
#include "app/system.h"
#include "api/context.h"
#include "api/respond.h"
#include "api/routes.h"
#include "app/roles.h"
#include "model/role.h"

namespace parley::api {
namespace {

Response ping(Context& c) {
  bool with_status = c.query_bool("get_server_status");
  auto health = app::health(c.app, with_status);
  boost::json::object o{{"status", health.healthy ? "OK" : "UNHEALTHY"},
                        {"AndroidLatestVersion", ""},
                        {"AndroidMinVersion", ""},
                        {"IosLatestVersion", ""},
                        {"IosMinVersion", ""},
                        {"ActiveSearchBackend", "database"}};
  Response r;
  if (with_status) {
    o["database_status"] = health.database_ok ? "OK" : "UNHEALTHY";
    o["filestore_status"] = health.filestore_ok ? "OK" : "UNHEALTHY";
  }
  int status = health.healthy || c.query_bool("use_rest_semantics") ? 200 : 500;
  r = json_response(o, status);
  if (with_status) {
    r.set_header("database_status", health.database_ok ? "OK" : "UNHEALTHY");
    r.set_header("filestore_status", health.filestore_ok ? "OK" : "UNHEALTHY");
  }
  return r;
}

Response client_config(Context& c) {
  return json_response(app::client_config(c.app, c.session.has_value()));
}

Response client_license(Context& c) {
  auto format = c.req.query_param("format");
  if (format.empty())
    return c.fail(AppError::make("api.license.client.old_format.app_error",
                                 "New format for the client license is not supported yet. Please "
                                 "specify format=old in the query string.",
                                 400));
  if (format != "old") return c.fail(errors::invalid_param("format"));
  return json_response(boost::json::object{{"IsLicensed", "false"}});
}

Response server_limits(Context& c) {
  return json_response(app::server_limits(c.app));
}

Response webapp_plugins(Context&) {
  return json_response(boost::json::array());
}

Response roles_by_names(Context& c) {
  auto names = c.body_string_array("rolenames");
  if (!names) return c.fail(names.error());
  if (names->empty()) return c.fail(errors::invalid_param("rolenames"));
  boost::json::array out;
  for (const auto& n : *names)
    if (auto r = app::find_role(n)) out.push_back(model::to_json(*r));
  return json_response(out);
}

Response role_by_name(Context& c) {
  auto r = app::find_role(c.param("role_name"));
  if (!r) return c.fail(errors::not_found("app.role.get_by_name.app_error", "role"));
  return json_response(model::to_json(*r));
}

Response role_by_id(Context& c) {
  auto id = c.param("role_id");
  for (const auto& r : app::default_roles())
    if (r.id == id) return json_response(model::to_json(r));
  return c.fail(errors::not_found("app.role.get.app_error", "role"));
}

// The http layer hands real upgrades to the WebSocket session before routing; a plain GET
// fails as Mattermost's upgrader does.
Response websocket_without_upgrade(Context& c) {
  return c.fail(AppError::make("api.web_socket.connect.upgrade.app_error",
                               "Failed to upgrade websocket connection.", 400,
                               "the client is not using the websocket protocol"));
}

}  // namespace

void register_system_routes(Router& r) {
  RouteOptions anon{.require_session = false};
  r.add("GET", "/api/v4/system/ping", ping, anon);
  r.add("GET", "/api/v4/config/client", client_config, anon);
  r.add("GET", "/api/v4/license/client", client_license, anon);
  r.add("GET", "/api/v4/limits/server", server_limits);
  r.add("GET", "/api/v4/plugins/webapp", webapp_plugins, anon);
  r.add("POST", "/api/v4/roles/names", roles_by_names, {.trust_requester = true});
  r.add("GET", "/api/v4/roles/name/{role_name}", role_by_name);
  r.add("GET", "/api/v4/roles/{role_id}", role_by_id);
  r.add("GET", "/api/v4/websocket", websocket_without_upgrade, anon);
}

}  // namespace parley::api
