// Mattermost's WebSocket origin check (App.OriginChecker): which Origin headers may open a
// WebSocket, from ServiceSettings.AllowCorsFrom and SiteURL.
#pragma once

#include "config/config.h"

#include <string_view>

namespace parley::api {

// `origin` is the Origin header ("" when absent), `host` the Host header.
bool websocket_origin_allowed(const config::Config& cfg, std::string_view origin,
                              std::string_view host);

}  // namespace parley::api
