// /api/v4/users/{user_id}/image and /image/default: the generated default picture, cached by
// the client for a day, with last_picture_update as its ETag.
#include "api/context.h"
#include "api/respond.h"
#include "api/routes.h"
#include "app/profile_image.h"

namespace parley::api {
namespace {

Response png_response(std::string png) {
  Response r;
  r.content_type = "image/png";
  r.body = std::move(png);
  r.set_header("Cache-Control", "max-age=86400, private");
  return r;
}

Response get_image(Context& c) {
  auto id = c.id_param("user_id");
  if (!id) return c.fail(id.error());
  auto u = app::profile_image_user(c.app, c.s(), *id);
  if (!u) return c.fail(u.error());
  std::string etag = std::to_string(u->last_picture_update);
  if (c.req.header("if-none-match") == etag) {
    Response r;
    r.status = 304;
    r.set_header("ETag", etag);
    return r;
  }
  Response r = png_response(app::default_profile_image(*u));
  r.set_header("ETag", etag);
  return r;
}

Response get_default_image(Context& c) {
  auto id = c.id_param("user_id");
  if (!id) return c.fail(id.error());
  auto u = app::profile_image_user(c.app, c.s(), *id);
  if (!u) return c.fail(u.error());
  return png_response(app::default_profile_image(*u));
}

}  // namespace

void register_user_image_routes(Router& r) {
  RouteOptions trusted{.trust_requester = true};
  r.add("GET", "/api/v4/users/{user_id}/image", get_image, trusted);
  r.add("GET", "/api/v4/users/{user_id}/image/default", get_default_image, trusted);
}

}  // namespace parley::api
