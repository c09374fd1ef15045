// Request dispatch and the common handler wrapper.
#include "api/api.h"

#include "api/auth_cookies.h"
#include "api/context.h"
#include "api/respond.h"
#include "api/routes.h"
#include "api/webapp.h"
#include "app/users.h"
#include "store/acting_user.h"
#include "store/store.h"
#include "util/ids.h"
#include "util/log.h"

namespace parley::api {

Api::Api(app::App& app) : app_(app) {
  register_system_routes(router_);
  register_user_routes(router_);
  register_team_routes(router_);
  register_team_member_routes(router_);
  register_channel_routes(router_);
  register_channel_member_routes(router_);
  register_post_routes(router_);
  register_reaction_routes(router_);
  register_preference_routes(router_);
  register_status_routes(router_);
  register_sidebar_routes(router_);
  register_user_image_routes(router_);
  register_thread_routes(router_);
  register_draft_routes(router_);
  register_opengraph_routes(router_);
  register_emoji_routes(router_);
  register_search_routes(router_);
  register_file_routes(router_);
}

Api::RouteTraits Api::route_traits(std::string_view method, std::string_view path) const {
  auto cfg = app_.config();
  RouteTraits t{.body_limit = static_cast<std::size_t>(cfg->service.maximum_payload_size_bytes)};
  if (!path.starts_with("/api/v4/")) return t;
  auto m = router_.match(method, path);
  if (!m.route) return t;
  if (m.route->options.file_api)
    t.body_limit =
        std::max(t.body_limit, static_cast<std::size_t>(cfg->file.max_file_size) + 64 * 1024);
  t.hashes_password = m.route->options.hashes_password;
  return t;
}

AppError Api::body_too_large(std::string_view method, std::string_view path) const {
  if (path.starts_with("/api/v4/")) {
    auto m = router_.match(method, path);
    if (m.route && m.route->options.file_api)
      return AppError::make("api.file.upload_file.too_large_detailed.app_error",
                            "Unable to upload file(s). The request exceeds the maximum allowed "
                            "file size of " +
                                std::to_string(app_.config()->file.max_file_size) + " bytes.",
                            413);
  }
  return AppError::make("api.context.request_body_too_large.app_error",
                        "The request body is too large.", 413);
}

Response Api::reject(const AppError& e) const {
  auto id = new_id();
  auto r = error_response(e, id, app_.config()->service.enable_developer);
  r.set_header("X-Request-ID", id);
  r.set_header("X-Version-Id", app_.version_header());
  return r;
}

void Api::add_common_headers(Response& r, const Request& req, const std::string& request_id) const {
  r.set_header("X-Request-ID", request_id);
  r.set_header("X-Version-Id", app_.version_header());
  r.set_header("X-Content-Type-Options", "nosniff");
  r.set_header("Referrer-Policy", "no-referrer");
  if (req.method == "GET") r.set_header("Expires", "0");
}

Response Api::handle(const Request& req) {
  std::string request_id = new_id();
  Response r;
  try {
    // Public file links (/files/{id}/public) live outside /api/v4, as in Mattermost.
    if (req.path == "/api/v4" || req.path.starts_with("/api/v4/") ||
        (req.path.starts_with("/files/") && req.path.ends_with("/public"))) {
      r = handle_api(req, request_id);
    } else if (req.path.starts_with("/api/")) {
      r = error_response(errors::not_found("api.context.404.app_error", "page"), request_id, false);
      r.body = boost::json::serialize(
          boost::json::object{{"id", "api.context.404.app_error"},
                              {"message", "Sorry, we could not find the page."},
                              {"detailed_error", ""},
                              {"request_id", request_id},
                              {"status_code", 404}});
    } else {
      return serve_webapp(app_, req);
    }
  } catch (const std::exception& e) {
    log::error("request failed", {{"path", req.path},
                                  {"method", req.method},
                                  {"request_id", request_id},
                                  {"error", e.what()}});
    r = error_response(errors::internal("api.context.internal_error.app_error", e.what()),
                       request_id, app_.config()->service.enable_developer);
  }
  add_common_headers(r, req, request_id);
  return r;
}

Response Api::handle_api(const Request& req, const std::string& request_id) {
  auto cfg = app_.config();
  bool developer = cfg->service.enable_developer;
  auto fail = [&](const AppError& e) { return error_response(e, request_id, developer); };

  auto match = router_.match(req.method, req.path);
  if (!match.route) {
    if (match.method_not_allowed)
      return fail(AppError::make("api.context.405.app_error", "Method not allowed.", 405));
    return fail(
        AppError::make("api.context.404.app_error", "Sorry, we could not find the page.", 404,
                       "There doesn't appear to be an api call for the url='" + req.path + "'."));
  }
  const Route& route = *match.route;
  Context ctx(app_, req, std::move(match.params), request_id);

  auto tok = token_from_request(req);
  if (!tok.token.empty()) {
    auto s = app::session_from_token(app_, tok.token);
    if (s) {
      ctx.session = std::move(s).value();
      ctx.token_from_cookie = tok.from_cookie;
    } else if (route.options.require_session) {
      auto resp = fail(s.error());
      if (tok.from_cookie) clear_session_cookies(resp, req);
      return resp;
    }
  }
  if (route.options.require_session && !ctx.session) return fail(errors::session_expired());

  if (ctx.session && ctx.token_from_cookie && req.method != "GET" &&
      !route.options.trust_requester) {
    auto header = req.header("x-csrf-token");
    bool csrf_ok = !header.empty() && header == ctx.session->csrf_token();
    if (!csrf_ok) {
      bool xhr = req.header("x-requested-with") == "XMLHttpRequest";
      if (!xhr || cfg->service.experimental_strict_csrf_enforcement) {
        auto e = errors::session_expired();
        e.detailed_error = "Appears to be a CSRF attempt";
        return fail(e);
      }
      log::warn("CSRF header missing or wrong on an XMLHttpRequest; allowed as Mattermost does",
                {{"path", req.path}, {"user_id", ctx.session->user_id}});
    }
  }

  // Read-after-write with read replicas: the store keeps this request's reads on the primary
  // once it has written, and this user's reads for a short while after (store/acting_user.h).
  store::ActingUser acting(ctx.session ? ctx.session->user_id : std::string());
  Response r = route.handler(ctx);
  return r;
}

}  // namespace parley::api
