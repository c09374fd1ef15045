// Collapsed reply threads per user, as Mattermost's IsCRTEnabledForUser: the server setting
// (ServiceSettings.CollapsedThreads) and, when it leaves the choice to users, their
// display_settings/collapsed_reply_threads preference.
#pragma once

#include "app/app.h"

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace parley::app {

// The decision for one user: "disabled" off, "always_on" on; otherwise the preference
// ("on" only) when saved, else whether the mode is "default_on".
bool crt_decision(std::string_view mode, std::optional<std::string_view> preference);
// Collapsed threads exist at all on this server (CollapsedThreads is not "disabled").
bool crt_allowed(App& app);
bool crt_enabled(App& app, std::string_view user_id);
// The users of `user_ids` with collapsed threads on (one preference query).
std::set<std::string> crt_enabled_users(App& app, const std::vector<std::string>& user_ids);

}  // namespace parley::app
