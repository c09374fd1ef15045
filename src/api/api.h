// The API front door: routes every request, runs Mattermost's handler wrapper (request id,
// version header, token lookup, session/CSRF checks, AppError bodies) and serves the web client.
#pragma once

#include "api/request.h"
#include "api/router.h"
#include "app/app.h"

#include <cstddef>
#include <string_view>

namespace parley::api {

class Api {
 public:
  explicit Api(app::App& app);

  // Never throws: unexpected failures become 500 AppErrors.
  Response handle(const Request& req);
  // What the server needs to know of a request's route before reading its body.
  struct RouteTraits {
    std::size_t body_limit = 0;    // the largest body the route accepts
    bool hashes_password = false;  // its handler runs bcrypt (see RouteOptions)
  };
  RouteTraits route_traits(std::string_view method, std::string_view path) const;
  // The 413 for a body over body_limit: file uploads get Mattermost's
  // api.file.upload_file.too_large_detailed.app_error.
  AppError body_too_large(std::string_view method, std::string_view path) const;
  // The error body for a request rejected before routing (e.g. too large).
  Response reject(const AppError& e) const;
  const Router& router() const { return router_; }

 private:
  Response handle_api(const Request& req, const std::string& request_id);
  void add_common_headers(Response& r, const Request& req, const std::string& request_id) const;

  app::App& app_;
  Router router_;
};

}  // namespace parley::api
