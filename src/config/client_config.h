// The flat string map of GET /api/v4/config/client (format=old), built from
// the config like Mattermost's GenerateLimitedClientConfig/GenerateClientConfig.
#pragma once

#include <map>
#include <string>

#include "config/config.h"

namespace parley::config {

// `limited` = the map for clients that are not logged in. Booleans are
// "true"/"false", numbers decimal strings. Settings Mattermost only exposes
// with a license get the values an unlicensed Mattermost sends. Keys that are
// not settings (Version, BuildNumber, BuildDate, BuildHash, TelemetryId,
// DiagnosticId, ServiceEnvironment, NoAccounts, FeatureFlag*, ...) are left
// for the caller to add.
std::map<std::string, std::string> client_config(const Config& cfg, bool limited);

}  // namespace parley::config
