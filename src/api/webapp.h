// Serves a Mattermost web client build from ParleySettings.ClientDirectory the way Mattermost
// does: /static/* from the folder, every other non-API path its root.html.
#pragma once

#include "api/request.h"
#include "app/app.h"

namespace parley::api {

Response serve_webapp(app::App& app, const Request& req);
// Content type for a file name, by extension.
std::string content_type_for(std::string_view filename);

}  // namespace parley::api
