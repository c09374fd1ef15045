// Post search routes: POST /teams/{team_id}/posts/search and the cross-team POST /posts/search
// (Client4.searchPostsWithParams / searchPosts). Body {terms, is_or_search, time_zone_offset,
// include_deleted_channels, page, per_page}; answer a PostList plus `matches`.
#include "app/search.h"
#include "api/context.h"
#include "api/respond.h"
#include "api/routes.h"
#include "app/authorization.h"
#include "util/json.h"

#include <boost/json/array.hpp>

namespace parley::api {
namespace {

namespace bj = boost::json;

AppError invalid_body() {
  return AppError::make("api.post.search_posts.invalid_body.app_error",
                        "Unable to parse the search request body.", 400);
}

Response search_posts(Context& c, const std::string& team_id) {
  auto v = json::parse(c.req.body);
  if (!v || !v->is_object()) return c.fail(invalid_body());
  const auto& body = v->get_object();
  bool wrong = false;
  app::PostSearchRequest r;
  r.terms = json::opt_string(body, "terms", &wrong).value_or("");
  r.is_or_search = json::opt_bool(body, "is_or_search", &wrong).value_or(false);
  r.time_zone_offset =
      static_cast<int>(json::opt_int(body, "time_zone_offset", &wrong).value_or(0));
  r.include_deleted_channels =
      json::opt_bool(body, "include_deleted_channels", &wrong).value_or(false);
  r.page = static_cast<int>(json::opt_int(body, "page", &wrong).value_or(0));
  r.per_page = static_cast<int>(json::opt_int(body, "per_page", &wrong).value_or(60));
  if (wrong) return c.fail(invalid_body());
  if (r.terms.empty()) return c.fail(errors::invalid_body_param("terms"));

  auto results = app::search_posts(c.app, c.s(), team_id, r);
  if (!results) return c.fail(results.error());
  bj::object out = model::to_json(results->list);
  if (results->matches.empty()) {
    out["matches"] = nullptr;
  } else {
    bj::object matches;
    for (auto& [id, words] : results->matches) {
      bj::array a;
      for (auto& w : words) a.emplace_back(w);
      matches[id] = std::move(a);
    }
    out["matches"] = std::move(matches);
  }
  Response resp = json_response(out);
  resp.set_header("Cache-Control", "no-cache, no-store, must-revalidate");
  return resp;
}

Response search_team_posts(Context& c) {
  auto team_id = c.id_param("team_id");
  if (!team_id) return c.fail(team_id.error());
  if (!app::has_team_permission(c.app, c.s(), *team_id, "view_team"))
    return c.fail(errors::permission("view_team", c.s().user_id));
  return search_posts(c, *team_id);
}

}  // namespace

void register_search_routes(Router& r) {
  r.add("POST", "/api/v4/teams/{team_id}/posts/search", search_team_posts);
  r.add("POST", "/api/v4/posts/search", [](Context& c) { return search_posts(c, ""); });
}

}  // namespace parley::api
