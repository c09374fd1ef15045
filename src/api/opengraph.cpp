// POST /api/v4/opengraph: OpenGraph metadata of a URL for link previews
// (Client4.getOpenGraphMetadata).
#include "api/context.h"
#include "api/respond.h"
#include "api/routes.h"
#include "app/link_previews.h"

namespace parley::api {
namespace {

Response get_opengraph(Context& c) {
  // Mattermost reads the body leniently: anything but {"url": "<non-empty string>"} is a bad url.
  std::string url;
  if (auto body = c.body_object("url"))
    if (auto it = body->find("url"); it != body->end() && it->value().is_string())
      url = std::string(it->value().as_string());
  auto og = app::get_opengraph(c.app, url);
  if (!og) return c.fail(og.error());
  return json_response(*og);
}

}  // namespace

void register_opengraph_routes(Router& r) {
  r.add("POST", "/api/v4/opengraph", get_opengraph);
}

}  // namespace parley::api
