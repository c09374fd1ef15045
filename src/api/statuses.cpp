// /api/v4/users/{user_id}/status, its custom status and /api/v4/users/status/ids routes.
#include "app/statuses.h"
#include "api/context.h"
#include "api/respond.h"
#include "api/routes.h"
#include "app/custom_status.h"
#include "util/ids.h"
#include "util/json.h"
#include "util/json_writer.h"

namespace parley::api {
namespace {

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
  auto statuses = app::statuses_by_ids(c.app, *ids);
  std::string out;
  out.reserve(16 + statuses.size() * 128);
  json::append_array(out, statuses,
                     [&](const model::Status& s) { model::append_json_text(out, s); });
  return json_text_response(std::move(out));
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

// The custom status in the body; 400 (invalid `what`) when it is not one.
Result<model::CustomStatus> body_custom_status(Context& c, const char* what) {
  auto v = json::parse(c.req.body);
  std::optional<model::CustomStatus> cs;
  if (v) cs = model::custom_status_from_json(*v);
  if (!cs) return errors::invalid_param(what);
  return std::move(*cs);
}

Response update_custom_status(Context& c) {
  auto id = c.id_param("user_id");
  if (!id) return c.fail(id.error());
  if (auto s = app::check_custom_statuses_enabled(c.app); !s) return c.fail(s.error());
  auto cs = body_custom_status(c, "custom_status");
  if (!cs) return c.fail(cs.error());
  if (cs->empty() || !cs->valid_duration_and_expiry(now_ms()))
    return c.fail(errors::invalid_param("custom_status"));
  if (auto s = app::set_custom_status(c.app, c.s(), *id, std::move(*cs)); !s)
    return c.fail(s.error());
  return status_ok();
}

Response remove_custom_status(Context& c) {
  auto id = c.id_param("user_id");
  if (!id) return c.fail(id.error());
  if (auto s = app::check_custom_statuses_enabled(c.app); !s) return c.fail(s.error());
  if (auto s = app::remove_custom_status(c.app, c.s(), *id); !s) return c.fail(s.error());
  return status_ok();
}

Response remove_recent_custom_status(Context& c) {
  auto id = c.id_param("user_id");
  if (!id) return c.fail(id.error());
  if (auto s = app::check_custom_statuses_enabled(c.app); !s) return c.fail(s.error());
  auto cs = body_custom_status(c, "recent_custom_status");
  if (!cs) return c.fail(cs.error());
  if (auto s = app::remove_recent_custom_status(c.app, c.s(), *id, *cs); !s)
    return c.fail(s.error());
  return status_ok();
}

}  // namespace

void register_status_routes(Router& r) {
  r.add("GET", "/api/v4/users/{user_id}/status", get_status);
  r.add("PUT", "/api/v4/users/{user_id}/status", update_status);
  r.add("POST", "/api/v4/users/status/ids", statuses_by_ids);
  r.add("PUT", "/api/v4/users/{user_id}/status/custom", update_custom_status);
  r.add("DELETE", "/api/v4/users/{user_id}/status/custom", remove_custom_status);
  // DELETE with a body is not sent by every client, hence the POST twin (as Mattermost has).
  r.add("DELETE", "/api/v4/users/{user_id}/status/custom/recent", remove_recent_custom_status);
  r.add("POST", "/api/v4/users/{user_id}/status/custom/recent/delete", remove_recent_custom_status);
}

}  // namespace parley::api
