// Search routes: POST /teams/{team_id}/posts/search and the cross-team POST /posts/search
// (Client4.searchPostsWithParams), answering a PostList plus `matches`; the same for files
// (/teams/{team_id}/files/search, /files/search, Client4.searchFilesWithParams) answering a
// FileInfoList. Body {terms, is_or_search, time_zone_offset, include_deleted_channels, page,
// per_page}.
#include "app/search.h"
#include "api/context.h"
#include "api/respond.h"
#include "api/routes.h"
#include "app/authorization.h"
#include "model/file_info.h"
#include "util/json.h"

#include <boost/json/array.hpp>

namespace parley::api {
namespace {

namespace bj = boost::json;

// The SearchParameter body; an error for malformed JSON, wrong types or missing terms.
Result<app::PostSearchRequest> search_request(Context& c, std::string_view error_id) {
  auto invalid_body = [&] {
    return AppError::make(std::string(error_id), "Unable to parse the search request body.", 400);
  };
  auto v = json::parse(c.req.body);
  if (!v || !v->is_object()) return invalid_body();
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
  if (wrong) return invalid_body();
  if (r.terms.empty()) return errors::invalid_body_param("terms");
  return r;
}

Response no_cache(Response resp) {
  resp.set_header("Cache-Control", "no-cache, no-store, must-revalidate");
  return resp;
}

Response search_posts(Context& c, const std::string& team_id) {
  auto r = search_request(c, "api.post.search_posts.invalid_body.app_error");
  if (!r) return c.fail(r.error());
  auto results = app::search_posts(c.app, c.s(), team_id, *r);
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
  return no_cache(json_response(out));
}

// FileInfoList.
Response search_files(Context& c, const std::string& team_id) {
  auto r = search_request(c, "api.post.search_files.invalid_body.app_error");
  if (!r) return c.fail(r.error());
  auto files = app::search_files(c.app, c.s(), team_id, *r);
  if (!files) return c.fail(files.error());
  bj::array order;
  bj::object infos;
  for (auto& f : *files) {
    order.emplace_back(f.id);
    infos[f.id] = model::to_json(f);
  }
  bj::object out{{"order", std::move(order)},
                 {"file_infos", std::move(infos)},
                 {"next_file_info_id", ""},
                 {"prev_file_info_id", ""},
                 {"first_inaccessible_file_time", 0}};
  return no_cache(json_response(out));
}

// The team routes check view_team before reading the body, as Mattermost does.
template <Response (*Search)(Context&, const std::string&)>
Response in_team(Context& c) {
  auto team_id = c.id_param("team_id");
  if (!team_id) return c.fail(team_id.error());
  if (!app::has_team_permission(c.app, c.s(), *team_id, "view_team"))
    return c.fail(errors::permission("view_team", c.s().user_id));
  return Search(c, *team_id);
}

}  // namespace

void register_search_routes(Router& r) {
  r.add("POST", "/api/v4/teams/{team_id}/posts/search", in_team<search_posts>);
  r.add("POST", "/api/v4/posts/search", [](Context& c) { return search_posts(c, ""); });
  r.add("POST", "/api/v4/teams/{team_id}/files/search", in_team<search_files>);
  r.add("POST", "/api/v4/files/search", [](Context& c) { return search_files(c, ""); });
}

}  // namespace parley::api
