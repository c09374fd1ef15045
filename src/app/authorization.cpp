// Permission checks over roles held in the session and in team/channel memberships.
#include "app/authorization.h"

#include "app/roles.h"
#include "store/channel_store.h"
#include "store/team_store.h"
#include "store/user_store.h"

namespace parley::app {

bool has_permission(const model::Session& s, std::string_view permission) {
  return roles_grant(s.roles, permission);
}

bool has_team_permission(App& app, const model::Session& s, std::string_view team_id,
                         std::string_view permission) {
  if (!team_id.empty()) {
    auto member = app.store().teams().get_member(team_id, s.user_id);
    if (member && member->delete_at == 0 && roles_grant(member->roles(), permission)) return true;
  }
  return has_permission(s, permission);
}

bool has_channel_permission(App& app, const model::Session& s, const model::Channel& channel,
                            std::string_view permission) {
  auto roles = app.store().channels().member_roles(channel.id, s.user_id);
  if (roles && roles_grant(*roles, permission)) return true;
  if (has_permission(s, "manage_system")) return true;
  if (!channel.team_id.empty()) return has_team_permission(app, s, channel.team_id, permission);
  return has_permission(s, permission);
}

bool has_channel_permission(App& app, const model::Session& s, std::string_view channel_id,
                            std::string_view permission) {
  auto channel = app.store().channels().get(channel_id);
  if (!channel) return has_permission(s, "manage_system");
  return has_channel_permission(app, s, *channel, permission);
}

bool can_read_channel(App& app, const model::Session& s, const model::Channel& channel) {
  if (has_channel_permission(app, s, channel, "read_channel_content")) return true;
  return channel.is_open() && has_team_permission(app, s, channel.team_id, "read_public_channel");
}

bool can_manage_user(App& app, const model::Session& s, std::string_view user_id) {
  if (s.user_id == user_id) return true;
  if (has_permission(s, "manage_system")) return true;
  if (!has_permission(s, "edit_other_users")) return false;
  auto target = app.store().users().get(user_id);
  return target && !target->is_system_admin();
}

}  // namespace parley::app
