// User statuses with Mattermost's rules: statuses set by hand win over automatic ones (connect,
// disconnect, inactivity), "online" is never manual, timed DND returns to the previous status,
// and every change is sent as status_change to that user only. All of it is a no-op when
// ServiceSettings.EnableUserStatuses is off.
#pragma once

#include "app/app.h"
#include "model/session.h"
#include "model/status.h"
#include "util/app_error.h"

#include <optional>
#include <string>
#include <vector>

namespace parley::app {

// One status per id, in the order given; users without a row (or unknown) are "offline".
// Empty when statuses are disabled.
std::vector<model::Status> statuses_by_ids(App& app, const std::vector<std::string>& user_ids);
// Every known status that is not offline (the get_statuses WebSocket action).
std::vector<model::Status> active_statuses(App& app);

// PUT /users/{id}/status: `status` is online|offline|away|dnd (dnd_end_time in seconds).
Status update_status(App& app, const model::Session& actor, const std::string& user_id,
                     const std::string& status, int64_t dnd_end_time);

void set_status_online(App& app, const std::string& user_id, bool manual);
void set_status_offline(App& app, const std::string& user_id, bool manual);
// Away when set by hand, or when automatic and idle for TeamSettings.UserStatusAwayTimeout.
void set_status_away_if_needed(App& app, const std::string& user_id, bool manual);
// The user's remaining connections were last active at `at`: the status takes that activity time,
// then becomes away if needed (Mattermost's SetStatusLastActivityAt).
void set_status_last_activity_at(App& app, const std::string& user_id, int64_t at);
// DND until `end_seconds` (truncated to the minute; 0 = until changed).
void set_status_dnd(App& app, const std::string& user_id, int64_t end_seconds);
// Ends timed DND statuses that are due and announces them.
void expire_dnd_statuses(App& app, int64_t now_seconds);
// Server start: statuses not set by hand are offline until sockets connect.
void reset_statuses(App& app);

}  // namespace parley::app
