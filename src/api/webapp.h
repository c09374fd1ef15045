// Serves a web client the way Mattermost does: /static/* from its folder, every other non-API path
// its root.html. The folder is ParleySettings.ClientDirectory when it holds a Mattermost web app
// build (root.html), else ParleySettings.WebClientDirectory (Parley's own client, webapp/dist).
// An asset with a precompressed sibling (name.gz) is sent gzipped to clients that accept it.
#pragma once

#include <filesystem>

#include "api/request.h"
#include "app/app.h"

namespace parley::api {

Response serve_webapp(app::App& app, const Request& req);
// The folder whose root.html and assets are served.
std::filesystem::path web_client_folder(const config::ParleySettings& settings);
// Whether an Accept-Encoding header value accepts gzip (or *) with a non-zero weight.
bool accepts_gzip(std::string_view accept_encoding);
// Content type for a file name, by extension.
std::string content_type_for(std::string_view filename);

}  // namespace parley::api
