// Per-request context handed to handlers: the app, the request, route parameters, the
// session (when authenticated) and helpers for parameters and JSON bodies.
#pragma once

#include "api/request.h"
#include "api/router.h"
#include "app/app.h"
#include "model/session.h"
#include "util/app_error.h"

#include <boost/json/value.hpp>

#include <optional>
#include <string>

namespace parley::api {

class Context {
 public:
  Context(app::App& app, const Request& req, Params params, std::string request_id)
      : app(app), req(req), params(std::move(params)), request_id(std::move(request_id)) {}

  app::App& app;
  const Request& req;
  Params params;
  std::string request_id;
  std::optional<model::Session> session;
  bool token_from_cookie = false;

  const model::Session& s() const { return *session; }
  // Route parameter by name ("" when absent).
  std::string param(std::string_view name) const;
  // A route id parameter; "me" becomes the session's user id. Error when not a valid id.
  Result<std::string> id_param(std::string_view name) const;
  // Query integer with default; invalid text yields the default.
  int64_t query_int(std::string_view name, int64_t fallback) const;
  bool query_bool(std::string_view name, bool fallback = false) const;
  // page/per_page with Mattermost's defaults (0, 60) and clamp (200).
  int page() const;
  int per_page() const;

  // The body as JSON; `what` names it in the error (api.context.invalid_param.app_error).
  Result<boost::json::value> body_json(std::string_view what) const;
  Result<boost::json::object> body_object(std::string_view what) const;
  Result<std::vector<std::string>> body_string_array(std::string_view what) const;

  // An AppError response for this request (detailed_error only in developer mode).
  Response fail(const AppError& e) const;
};

}  // namespace parley::api
