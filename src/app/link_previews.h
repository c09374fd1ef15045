// Link previews as Mattermost makes them: POST /opengraph, and metadata.embeds / metadata.images
// of posts prepared for clients (the first autolink becomes an opengraph, image or link embed;
// Markdown images and OpenGraph images get their dimensions). Fetches go through links::fetch
// with the SSRF guard and are cached in App::link_metadata().
#pragma once

#include "app/app.h"
#include "model/post.h"
#include "util/app_error.h"

#include <boost/json/object.hpp>

#include <string>

namespace parley::app {

// POST /opengraph {url}: 501 when ServiceSettings.EnableLinkPreviews is off, 400 for an empty
// url; a URL that cannot
// be fetched (refused, restricted, failed) gives {"url": ""} like Mattermost.
Result<boost::json::object> get_opengraph(App& app, const std::string& url);

// Sets p.embeds and p.images (nothing for deleted posts or posts with props.unsafe_links);
// `cfg` is the request's app.config(), loaded once for a whole page.
void add_embeds_and_images(App& app, const config::Config& cfg, model::Post& p);

}  // namespace parley::app
