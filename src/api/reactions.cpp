// /api/v4/reactions routes: add, list, remove and bulk-list emoji reactions.
#include "app/reactions.h"
#include "api/context.h"
#include "api/respond.h"
#include "api/routes.h"
#include "util/json.h"

namespace parley::api {

Result<std::vector<std::string>> post_id_array(Context& c);  // api/posts.cpp

namespace {

namespace bj = boost::json;

bj::array reactions_json(const std::vector<model::Reaction>& list) {
  bj::array a;
  for (const auto& r : list) a.push_back(model::to_json(r));
  return a;
}

Response save_reaction(Context& c) {
  auto body = c.body_object("reaction");
  if (!body) return c.fail(body.error());
  model::Reaction r;
  bool wrong = false;
  r.user_id = json::opt_string(*body, "user_id", &wrong).value_or("");
  r.post_id = json::opt_string(*body, "post_id", &wrong).value_or("");
  r.emoji_name = json::opt_string(*body, "emoji_name", &wrong).value_or("");
  json::opt_int(*body, "create_at", &wrong);
  if (wrong) return c.fail(errors::invalid_param("reaction"));
  auto saved = app::save_reaction(c.app, c.s(), std::move(r));
  if (!saved) return c.fail(saved.error());
  return json_response(model::to_json(*saved));
}

Response get_reactions(Context& c) {
  auto id = c.id_param("post_id");
  if (!id) return c.fail(id.error());
  auto r = app::get_reactions(c.app, c.s(), *id);
  if (!r) return c.fail(r.error());
  return json_response(reactions_json(*r));
}

Response delete_reaction(Context& c) {
  auto user = c.id_param("user_id");
  if (!user) return c.fail(user.error());
  auto post = c.id_param("post_id");
  if (!post) return c.fail(post.error());
  std::string emoji = c.param("emoji_name");
  if (!app::valid_emoji_name(emoji)) return c.fail(errors::invalid_url_param("emoji_name"));
  model::Reaction r;
  r.user_id = *user;
  r.post_id = *post;
  r.emoji_name = emoji;
  if (auto s = app::delete_reaction(c.app, c.s(), r); !s) return c.fail(s.error());
  return status_ok();
}

Response bulk_reactions(Context& c) {
  auto ids = post_id_array(c);
  if (!ids) return c.fail(ids.error());
  auto r = app::get_bulk_reactions(c.app, c.s(), *ids);
  if (!r) return c.fail(r.error());
  bj::object out;
  for (const auto& [id, list] : *r) out[id] = reactions_json(list);
  return json_response(out);
}

}  // namespace

void register_reaction_routes(Router& r) {
  r.add("POST", "/api/v4/reactions", save_reaction);
  r.add("GET", "/api/v4/posts/{post_id}/reactions", get_reactions);
  r.add("DELETE", "/api/v4/users/{user_id}/posts/{post_id}/reactions/{emoji_name}",
        delete_reaction);
  r.add("POST", "/api/v4/posts/ids/reactions", bulk_reactions);
}

}  // namespace parley::api
