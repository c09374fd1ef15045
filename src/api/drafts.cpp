// /api/v4/drafts and the per-user draft routes: upsert, list for a team, delete (channel box or
// thread reply box).
#include "app/drafts.h"
#include "api/params.h"
#include "api/respond.h"
#include "api/routes.h"

namespace parley::api {
namespace {

std::string connection_id(const Context& c) {
  return std::string(c.req.header("connection-id"));
}

Response upsert(Context& c) {
  if (auto s = app::check_drafts_enabled(c.app); !s) return c.fail(s.error());
  auto body = c.body_object("draft");
  if (!body) return c.fail(body.error());
  auto draft = model::draft_from_json(*body);
  if (!draft) return c.fail(errors::invalid_param("draft"));
  auto r = app::upsert_draft(c.app, c.s(), std::move(*draft), connection_id(c));
  if (!r) return c.fail(r.error());
  if (!*r) return json_response(nullptr, 201);
  return json_response(model::to_json(**r), 201);
}

Response list(Context& c) {
  if (auto s = app::check_drafts_enabled(c.app); !s) return c.fail(s.error());
  auto user_id = c.id_param("user_id");
  if (!user_id) return c.fail(user_id.error());
  auto team_id = path_id(c, "team_id");
  if (!team_id) return c.fail(team_id.error());
  auto r = app::get_drafts(c.app, c.s(), *user_id, *team_id);
  if (!r) return c.fail(r.error());
  boost::json::array out;
  for (const auto& d : *r) out.push_back(model::to_json(d));
  return json_response(out);
}

Response remove(Context& c, bool with_thread) {
  if (auto s = app::check_drafts_enabled(c.app); !s) return c.fail(s.error());
  auto user_id = c.id_param("user_id");
  if (!user_id) return c.fail(user_id.error());
  auto channel_id = path_id(c, "channel_id");
  if (!channel_id) return c.fail(channel_id.error());
  std::string root_id = with_thread ? c.param("thread_id") : std::string();
  if (auto s = app::delete_draft(c.app, c.s(), *user_id, *channel_id, root_id, connection_id(c));
      !s)
    return c.fail(s.error());
  return status_ok();
}

}  // namespace

void register_draft_routes(Router& r) {
  r.add("POST", "/api/v4/drafts", upsert);
  r.add("GET", "/api/v4/users/{user_id}/teams/{team_id}/drafts", list);
  r.add("DELETE", "/api/v4/users/{user_id}/channels/{channel_id}/drafts",
        [](Context& c) { return remove(c, false); });
  r.add("DELETE", "/api/v4/users/{user_id}/channels/{channel_id}/drafts/{thread_id}",
        [](Context& c) { return remove(c, true); });
}

}  // namespace parley::api
