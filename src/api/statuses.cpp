// /api/v4/users/{user_id}/status and /api/v4/users/status/ids routes.
#include "app/statuses.h"
#include "api/context.h"
#include "api/respond.h"
#include "api/routes.h"
#include "util/json.h"

namespace parley::api {
namespace {

namespace bj = boost::json;

// The user's status as GET answers it (404 when statuses are disabled).
Response status_of(Context& c, const std::string& user_id) {
  auto statuses = app::statuses_by_ids(c.app, {user_id});
  if (statuses.empty())
    return c.fail(
        AppError::make("api.status.user_not_found.app_error", "Could not find user.", 404));
  return json_response(model::to_json(statuses.front()));
}

Response get_status(Context& c) {
  auto id = c.id_param("user_id");
  if (!id) return c.fail(id.error());
  return status_of(c, *id);
}

Response statuses_by_ids(Context& c) {
  auto ids = c.body_string_array("user_ids");
  if (!ids) return c.fail(ids.error());
  if (ids->empty()) return c.fail(errors::invalid_param("user_ids"));
  for (const auto& id : *ids)
    if (id.size() != 26) return c.fail(errors::invalid_param("user_ids"));
  bj::array out;
  for (const auto& s : app::statuses_by_ids(c.app, *ids)) out.push_back(model::to_json(s));
  return json_response(out);
}

Response update_status(Context& c) {
  auto id = c.id_param("user_id");
  if (!id) return c.fail(id.error());
  auto body = c.body_object("status");
  if (!body) return c.fail(body.error());
  bool wrong = false;
  auto user_id = json::opt_string(*body, "user_id", &wrong).value_or("");
  auto status = json::opt_string(*body, "status", &wrong).value_or("");
  auto dnd_end_time = json::opt_int(*body, "dnd_end_time", &wrong).value_or(0);
  json::opt_bool(*body, "manual", &wrong);
  json::opt_int(*body, "last_activity_at", &wrong);
  if (wrong) return c.fail(errors::invalid_param("status"));
  if (user_id != *id) return c.fail(errors::invalid_param("user_id"));
  if (auto s = app::update_status(c.app, c.s(), *id, status, dnd_end_time); !s)
    return c.fail(s.error());
  return status_of(c, *id);
}

}  // namespace

void register_status_routes(Router& r) {
  r.add("GET", "/api/v4/users/{user_id}/status", get_status);
  r.add("PUT", "/api/v4/users/{user_id}/status", update_status);
  r.add("POST", "/api/v4/users/status/ids", statuses_by_ids);
}

}  // namespace parley::api
