// User preferences with Mattermost's rules: self or edit_other_users, per-preference
// validation, favorite_channel preferences mirrored into the Favorites sidebar category, and
// preferences_changed / preferences_deleted events to the user.
#pragma once

#include "app/app.h"
#include "model/preference.h"
#include "model/session.h"
#include "util/app_error.h"

#include <string>
#include <vector>

namespace parley::app {

// At most this many preferences per save or delete request.
inline constexpr std::size_t kMaxPreferencesPerRequest = 100;

Result<std::vector<model::Preference>> get_preferences(App& app, const model::Session& actor,
                                                       const std::string& user_id);
// 404 when the user has none in the category.
Result<std::vector<model::Preference>> get_preferences_by_category(App& app,
                                                                   const model::Session& actor,
                                                                   const std::string& user_id,
                                                                   const std::string& category);
// 400 app.preference.get.app_error when absent (as Mattermost answers).
Result<model::Preference> get_preference(App& app, const model::Session& actor,
                                         const std::string& user_id, const std::string& category,
                                         const std::string& name);
Status update_preferences(App& app, const model::Session& actor, const std::string& user_id,
                          std::vector<model::Preference> prefs);
Status delete_preferences(App& app, const model::Session& actor, const std::string& user_id,
                          const std::vector<model::Preference>& prefs);

}  // namespace parley::app
