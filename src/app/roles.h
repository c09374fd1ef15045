// Mattermost's built-in roles with the permissions a fresh server holds for them (after all of
// its permission migrations), the list of every permission id, and a fast role -> permission
// check used on each request.
#pragma once

#include "model/role.h"

#include <string>
#include <string_view>
#include <vector>

namespace parley::app {

// Every current permission id (Mattermost's AllPermissions, sysconsole ones included); this is
// exactly what system_admin holds.
const std::vector<std::string>& all_permission_ids();
// Ids Mattermost still accepts in a role but no longer grants (manage_emojis, ...).
const std::vector<std::string>& deprecated_permission_ids();

// The built-in roles, built once. Ids are derived from the names, so they survive restarts.
const std::vector<model::Role>& default_roles();

// nullptr when no built-in role has that name / id.
const model::Role* find_role(std::string_view name);
const model::Role* find_role_by_id(std::string_view id);

// True iff one of the space separated role names grants the permission. Unknown names grant
// nothing.
bool roles_grant(std::string_view space_separated_roles, std::string_view permission);

}  // namespace parley::app
