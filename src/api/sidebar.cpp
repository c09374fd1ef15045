// /api/v4/users/{user_id}/teams/{team_id}/channels/categories routes.
#include "app/sidebar.h"
#include "api/context.h"
#include "api/respond.h"
#include "api/routes.h"
#include "util/json.h"

namespace parley::api {
namespace {

namespace bj = boost::json;

struct Target {
  std::string user_id;
  std::string team_id;
};

Result<Target> target(Context& c) {
  auto user = c.id_param("user_id");
  if (!user) return std::move(user).error();
  auto team = c.id_param("team_id");
  if (!team) return std::move(team).error();
  return Target{std::move(*user), std::move(*team)};
}

Result<std::string> category_param(Context& c) {
  std::string id = c.param("category_id");
  if (!model::is_valid_category_id(id)) return errors::invalid_url_param("category_id");
  return id;
}

Result<model::SidebarCategory> body_category(Context& c) {
  auto v = c.body_json("category");
  if (!v) return std::move(v).error();
  auto cat = model::sidebar_category_from_json(*v);
  if (!cat) return errors::invalid_param("category");
  return std::move(*cat);
}

Response get_categories(Context& c) {
  auto t = target(c);
  if (!t) return c.fail(t.error());
  auto r = app::get_sidebar_categories(c.app, c.s(), t->user_id, t->team_id);
  if (!r) return c.fail(r.error());
  bj::array cats;
  for (const auto& cat : r->categories) cats.push_back(model::to_json(cat));
  return json_response(bj::object{{"categories", std::move(cats)},
                                  {"order", bj::array(r->order.begin(), r->order.end())}});
}

Response create_category(Context& c) {
  auto t = target(c);
  if (!t) return c.fail(t.error());
  auto cat = body_category(c);
  if (!cat) return c.fail(cat.error());
  auto r = app::create_sidebar_category(c.app, c.s(), t->user_id, t->team_id, std::move(*cat));
  if (!r) return c.fail(r.error());
  return json_response(model::to_json(*r));
}

Response update_categories(Context& c) {
  auto t = target(c);
  if (!t) return c.fail(t.error());
  auto v = c.body_json("category");
  if (!v) return c.fail(v.error());
  if (!v->is_array()) return c.fail(errors::invalid_param("category"));
  std::vector<model::SidebarCategory> input;
  for (const auto& e : v->get_array()) {
    auto cat = model::sidebar_category_from_json(e);
    if (!cat) return c.fail(errors::invalid_param("category"));
    input.push_back(std::move(*cat));
  }
  auto r = app::update_sidebar_categories(c.app, c.s(), t->user_id, t->team_id, std::move(input));
  if (!r) return c.fail(r.error());
  bj::array out;
  for (const auto& cat : *r) out.push_back(model::to_json(cat));
  return json_response(out);
}

Response get_order(Context& c) {
  auto t = target(c);
  if (!t) return c.fail(t.error());
  auto r = app::get_sidebar_category_order(c.app, c.s(), t->user_id, t->team_id);
  if (!r) return c.fail(r.error());
  return json_response(bj::array(r->begin(), r->end()));
}

Response update_order(Context& c) {
  auto t = target(c);
  if (!t) return c.fail(t.error());
  auto order = c.body_string_array("category_order");
  if (!order) return c.fail(order.error());
  auto r =
      app::update_sidebar_category_order(c.app, c.s(), t->user_id, t->team_id, std::move(*order));
  if (!r) return c.fail(r.error());
  return json_response(bj::array(r->begin(), r->end()));
}

Response get_category(Context& c) {
  auto t = target(c);
  if (!t) return c.fail(t.error());
  auto id = category_param(c);
  if (!id) return c.fail(id.error());
  auto r = app::get_sidebar_category(c.app, c.s(), t->user_id, t->team_id, *id);
  if (!r) return c.fail(r.error());
  return json_response(model::to_json(*r));
}

Response update_category(Context& c) {
  auto t = target(c);
  if (!t) return c.fail(t.error());
  auto id = category_param(c);
  if (!id) return c.fail(id.error());
  auto cat = body_category(c);
  if (!cat) return c.fail(cat.error());
  auto r = app::update_sidebar_category(c.app, c.s(), t->user_id, t->team_id, *id, std::move(*cat));
  if (!r) return c.fail(r.error());
  return json_response(model::to_json(*r));
}

Response delete_category(Context& c) {
  auto t = target(c);
  if (!t) return c.fail(t.error());
  auto id = category_param(c);
  if (!id) return c.fail(id.error());
  if (auto s = app::delete_sidebar_category(c.app, c.s(), t->user_id, t->team_id, *id); !s)
    return c.fail(s.error());
  return status_ok();
}

}  // namespace

void register_sidebar_routes(Router& r) {
  const std::string base = "/api/v4/users/{user_id}/teams/{team_id}/channels/categories";
  r.add("GET", base, get_categories);
  r.add("POST", base, create_category);
  r.add("PUT", base, update_categories);
  r.add("GET", base + "/order", get_order);
  r.add("PUT", base + "/order", update_order);
  r.add("GET", base + "/{category_id}", get_category);
  r.add("PUT", base + "/{category_id}", update_category);
  r.add("DELETE", base + "/{category_id}", delete_category);
}

}  // namespace parley::api
