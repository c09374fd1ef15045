// /api/v4/users/{user_id}/preferences routes.
#include "app/preferences.h"
#include "api/context.h"
#include "api/respond.h"
#include "api/routes.h"

#include <cctype>

namespace parley::api {
namespace {

// Category and name segments are [A-Za-z0-9_]+ in Mattermost's router; anything else is no route.
bool valid_segment(const std::string& s) {
  if (s.empty()) return false;
  for (unsigned char c : s)
    if (!std::isalnum(c) && c != '_') return false;
  return true;
}

Response no_route(Context& c) {
  return c.fail(
      AppError::make("api.context.404.app_error", "Sorry, we could not find the page.", 404,
                     "There doesn't appear to be an api call for the url='" + c.req.path + "'."));
}

Result<std::vector<model::Preference>> body_preferences(Context& c) {
  auto v = c.body_json("preferences");
  if (!v) return std::move(v).error();
  auto prefs = model::preferences_from_json(*v);
  if (!prefs) return errors::invalid_param("preferences");
  return std::move(*prefs);
}

Response get_preferences(Context& c) {
  auto id = c.id_param("user_id");
  if (!id) return c.fail(id.error());
  auto r = app::get_preferences(c.app, c.s(), *id);
  if (!r) return c.fail(r.error());
  return json_response(model::to_json(*r));
}

Response get_by_category(Context& c) {
  auto id = c.id_param("user_id");
  if (!id) return c.fail(id.error());
  std::string category = c.param("category");
  if (!valid_segment(category)) return no_route(c);
  auto r = app::get_preferences_by_category(c.app, c.s(), *id, category);
  if (!r) return c.fail(r.error());
  return json_response(model::to_json(*r));
}

Response get_by_name(Context& c) {
  auto id = c.id_param("user_id");
  if (!id) return c.fail(id.error());
  std::string category = c.param("category"), name = c.param("preference_name");
  if (!valid_segment(category) || !valid_segment(name)) return no_route(c);
  auto r = app::get_preference(c.app, c.s(), *id, category, name);
  if (!r) return c.fail(r.error());
  return json_response(model::to_json(*r));
}

Response update_preferences(Context& c) {
  auto id = c.id_param("user_id");
  if (!id) return c.fail(id.error());
  auto prefs = body_preferences(c);
  if (!prefs) return c.fail(prefs.error());
  if (auto s = app::update_preferences(c.app, c.s(), *id, std::move(*prefs)); !s)
    return c.fail(s.error());
  return status_ok();
}

Response delete_preferences(Context& c) {
  auto id = c.id_param("user_id");
  if (!id) return c.fail(id.error());
  auto prefs = body_preferences(c);
  if (!prefs) return c.fail(prefs.error());
  if (auto s = app::delete_preferences(c.app, c.s(), *id, *prefs); !s) return c.fail(s.error());
  return status_ok();
}

}  // namespace

void register_preference_routes(Router& r) {
  r.add("GET", "/api/v4/users/{user_id}/preferences", get_preferences);
  r.add("PUT", "/api/v4/users/{user_id}/preferences", update_preferences);
  r.add("POST", "/api/v4/users/{user_id}/preferences/delete", delete_preferences);
  r.add("GET", "/api/v4/users/{user_id}/preferences/{category}", get_by_category);
  r.add("GET", "/api/v4/users/{user_id}/preferences/{category}/name/{preference_name}",
        get_by_name);
}

}  // namespace parley::api
