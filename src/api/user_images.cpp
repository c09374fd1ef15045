// /api/v4/users/{user_id}/image: the user's picture (uploaded or generated), cached by the client
// for a day with last_picture_update as its ETag; upload (multipart "image") and reset to the
// default (DELETE). /image/default: the generated default picture.
#include "api/context.h"
#include "api/multipart.h"
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
  Response r = png_response(app::profile_image(c.app, *u));
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

Response upload_image(Context& c) {
  auto id = c.id_param("user_id");
  if (!id) return c.fail(id.error());
  auto max = c.app.config()->file.max_file_size;
  if (max > 0 && static_cast<int64_t>(c.req.body.size()) > max)
    return c.fail(AppError::make("api.user.upload_profile_user.too_large.app_error",
                                 "Unable to upload profile image. File is too large.", 413));
  auto type = parse_multipart_content_type(c.req.header("content-type"));
  std::optional<std::vector<MultipartPart>> parts;
  if (type.type == MultipartType::ok) parts = parse_multipart(c.req.body, type.boundary);
  if (!parts)
    return c.fail(AppError::make("api.user.upload_profile_user.parse.app_error",
                                 "Could not parse multipart form.", 400));
  std::vector<const MultipartPart*> images;
  for (const auto& p : *parts)
    if (p.name == "image" && p.filename) images.push_back(&p);
  if (images.empty())
    return c.fail(AppError::make("api.user.upload_profile_user.no_file.app_error",
                                 "No file under 'image' in request.", 400));
  if (images.size() > 1)
    return c.fail(AppError::make("api.user.upload_profile_user.too_many.app_error",
                                 "Too many files under 'image' in request.", 400));
  if (auto s = app::set_profile_image(c.app, c.s(), *id, images[0]->data); !s)
    return c.fail(s.error());
  return status_ok();
}

Response reset_image(Context& c) {
  auto id = c.id_param("user_id");
  if (!id) return c.fail(id.error());
  if (auto s = app::set_default_profile_image(c.app, c.s(), *id); !s) return c.fail(s.error());
  return status_ok();
}

}  // namespace

void register_user_image_routes(Router& r) {
  RouteOptions trusted{.trust_requester = true};
  r.add("GET", "/api/v4/users/{user_id}/image", get_image, trusted);
  r.add("GET", "/api/v4/users/{user_id}/image/default", get_default_image, trusted);
  r.add("POST", "/api/v4/users/{user_id}/image", upload_image);
  r.add("DELETE", "/api/v4/users/{user_id}/image", reset_image);
}

}  // namespace parley::api
