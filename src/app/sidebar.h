// Sidebar categories with Mattermost's behaviour: favorites / channels / direct_messages are
// created on first use with ids "<type>_<user>_<team>"; the Channels and Direct Messages
// categories also hold every channel the user belongs to that no other category holds; custom
// categories can be created, renamed, reordered, muted (muting their channels) and deleted.
// Access: the user themself or edit_other_users, and the user must be on the team.
#pragma once

#include "app/app.h"
#include "model/session.h"
#include "model/sidebar.h"
#include "util/app_error.h"

#include <string>
#include <vector>

namespace parley::app {

struct OrderedCategories {
  std::vector<model::SidebarCategory> categories;
  std::vector<std::string> order;
};

Result<OrderedCategories> get_sidebar_categories(App& app, const model::Session& actor,
                                                 const std::string& user_id,
                                                 const std::string& team_id);
Result<std::vector<std::string>> get_sidebar_category_order(App& app, const model::Session& actor,
                                                            const std::string& user_id,
                                                            const std::string& team_id);
Result<model::SidebarCategory> get_sidebar_category(App& app, const model::Session& actor,
                                                    const std::string& user_id,
                                                    const std::string& team_id,
                                                    const std::string& category_id);
// `input` must name the same user and team; channels the user cannot place are dropped.
Result<model::SidebarCategory> create_sidebar_category(App& app, const model::Session& actor,
                                                       const std::string& user_id,
                                                       const std::string& team_id,
                                                       model::SidebarCategory input);
Result<std::vector<model::SidebarCategory>> update_sidebar_categories(
    App& app, const model::Session& actor, const std::string& user_id, const std::string& team_id,
    std::vector<model::SidebarCategory> input);
// One category through PUT .../categories/{category_id}; `input` must name the same user/team.
Result<model::SidebarCategory> update_sidebar_category(App& app, const model::Session& actor,
                                                       const std::string& user_id,
                                                       const std::string& team_id,
                                                       const std::string& category_id,
                                                       model::SidebarCategory input);
Result<std::vector<std::string>> update_sidebar_category_order(App& app,
                                                               const model::Session& actor,
                                                               const std::string& user_id,
                                                               const std::string& team_id,
                                                               std::vector<std::string> order);
// Membership hooks, as Mattermost does: joining a team creates the default categories, leaving
// it removes the user's categories there, leaving a channel takes it out of every category.
void register_sidebar_hooks(App& app);

// Only custom categories; their channels fall back to Channels / Direct Messages.
Status delete_sidebar_category(App& app, const model::Session& actor, const std::string& user_id,
                               const std::string& team_id, const std::string& category_id);

}  // namespace parley::app
