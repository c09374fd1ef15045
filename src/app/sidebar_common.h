// Helpers shared by the sidebar category files (not part of the app interface).
#pragma once

#include "app/app.h"
#include "model/session.h"
#include "model/sidebar.h"
#include "util/app_error.h"

#include <string>
#include <vector>

namespace parley::app::sidebar_detail {

AppError categories_error(int status, std::string detail = {});
// The actor manages the user, and the user is an active member of a live team (403 otherwise).
Status check_access(App& app, const model::Session& actor, const std::string& user_id,
                    const std::string& team_id);
// A category of this user on this team, stored channels only. A miss is 400 invalid "category"
// when `param_error`, else 403 (404 for those who may edit other users).
Result<model::SidebarCategory> load_category(App& app, const model::Session& actor,
                                             const std::string& user_id, const std::string& team_id,
                                             const std::string& category_id, bool param_error);
// The user's categories on the team, creating the defaults when there are none.
std::vector<model::SidebarCategory> ensure_categories(App& app, const std::string& user_id,
                                                      const std::string& team_id);
// Adds the channels that sit in no category to Channels / Direct Messages (first, by name).
void populate(App& app, model::SidebarCategory& c);
// Keeps the channels the user may place on this team's sidebar, first occurrence only.
std::vector<std::string> placeable(App& app, const std::string& user_id, const std::string& team_id,
                                   const std::vector<std::string>& channel_ids);
// A sidebar event for the user's connections, tagged with the team.
void publish(App& app, const char* name, boost::json::object data, const std::string& user_id,
             const std::string& team_id);

}  // namespace parley::app::sidebar_detail
