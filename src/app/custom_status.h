// Custom statuses with Mattermost's rules: gated by TeamSettings.EnableCustomUserStatuses (501
// when off), stored as a JSON string in the user's props (user_updated follows each change),
// and remembered in the recent list preference (preferences_changed). The server keeps expired
// ones as they are, like Mattermost: clients hide a status whose expires_at has passed.
#pragma once

#include "app/app.h"
#include "model/custom_status.h"
#include "model/session.h"
#include "util/app_error.h"

#include <string>

namespace parley::app {

// 501 api.custom_status.disabled when custom statuses are off.
Status check_custom_statuses_enabled(App& app);
// PUT /users/{id}/status/custom: `cs` already decoded and validated by the caller.
Status set_custom_status(App& app, const model::Session& actor, const std::string& user_id,
                         model::CustomStatus cs);
// DELETE /users/{id}/status/custom.
Status remove_custom_status(App& app, const model::Session& actor, const std::string& user_id);
// POST /users/{id}/status/custom/recent/delete (and DELETE .../recent).
Status remove_recent_custom_status(App& app, const model::Session& actor,
                                   const std::string& user_id, const model::CustomStatus& cs);

}  // namespace parley::app
