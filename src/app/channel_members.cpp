// Channel memberships: default channels, adding members, member lists, removal, roles and
// notify props.
#include "app/channel_members.h"

#include "app/authorization.h"
#include "app/channels.h"
#include "app/membership.h"
#include "app/roles.h"
#include "app/threads.h"
#include "app/users.h"
#include "store/channel_store.h"
#include "store/team_store.h"
#include "util/ids.h"

#include <cctype>

namespace parley::app {
namespace {

model::ChannelMember new_member(const model::Channel& c, const model::User& u, bool admin) {
  model::ChannelMember m;
  m.channel_id = c.id;
  m.user_id = u.id;
  m.scheme_guest = u.has_role("system_guest");
  m.scheme_user = !m.scheme_guest;
  m.scheme_admin = admin && !m.scheme_guest;
  m.notify_props = model::default_channel_notify_props();
  m.last_update_at = now_ms();
  return m;
}

AppError missing_member() {
  return AppError::make("app.channel.get_member.missing.app_error",
                        "No channel member found for that user ID and channel ID.", 404);
}

std::vector<std::string> split_roles(const std::string& roles) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : roles + " ") {
    if (c == ' ' || c == '\t' || c == '\n') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  return out;
}

Status check_read_channel(App& app, const model::Session& actor, const std::string& channel_id) {
  if (!has_channel_permission(app, actor, channel_id, "read_channel"))
    return errors::permission("read_channel", actor.user_id);
  return {};
}

}  // namespace

std::vector<model::Channel> join_default_channels(App& app, const std::string& team_id,
                                                  const model::User& user, bool as_admin) {
  std::vector<model::Channel> joined;
  auto& channels = app.store().channels();
  for (const auto& name : default_channel_names(app)) {
    auto c = channels.get_by_name(team_id, name, true);
    if (!c || !c->is_open() || c->team_id != team_id) continue;
    if (channels.get_member(c->id, user.id)) continue;
    channels.save_member(new_member(*c, user, as_admin));
    joined.push_back(std::move(*c));
  }
  return joined;
}

Result<model::ChannelMember> add_user_to_channel(App& app, const model::User& user,
                                                 const model::Channel& channel) {
  auto tm = app.store().teams().get_member(channel.team_id, user.id);
  if (!tm)
    return AppError::make("app.team.get_member.missing.app_error",
                          "No team member found for that user ID and team ID.", 404);
  if (tm->delete_at > 0)
    return AppError::make("api.channel.add_user.to.channel.failed.deleted.app_error",
                          "Failed to add user to channel because they have been removed from the "
                          "team.",
                          400);
  if (!channel.is_open() && !channel.is_private())
    return AppError::make("api.channel.add_user_to_channel.type.app_error",
                          "Can not add user to this channel type.", 400);
  if (channel.delete_at > 0)
    return AppError::make("api.channel.add_user_to_channel.deleted.app_error",
                          "The channel has been archived or deleted.", 400);
  if (auto existing = app.store().channels().get_member(channel.id, user.id)) return *existing;
  auto m = new_member(channel, user, false);
  try {
    app.store().channels().save_member(m);
  } catch (const store::StoreError& e) {
    if (!e.constraint) throw;
    if (auto existing = app.store().channels().get_member(channel.id, user.id)) return *existing;
    throw;
  }
  after_user_joined_channel(app, channel, user.id);
  return m;
}

Result<std::vector<model::ChannelMember>> add_channel_members(
    App& app, const model::Session& actor, const std::string& channel_id,
    const std::vector<std::string>& user_ids, const std::string& post_root_id) {
  if (!post_root_id.empty()) {
    auto post_channel = app.store().channels().post_channel_id(post_root_id);
    if (!post_channel)
      return AppError::make("app.post.get.app_error", "Unable to get the post.", 404);
    if (*post_channel != channel_id) return errors::invalid_param("post_root_id");
  }
  auto r = get_channel(app, channel_id);
  if (!r) return std::move(r).error();
  const model::Channel& channel = *r;
  if (channel.is_group_or_direct())
    return AppError::make("api.channel.add_user_to_channel.type.app_error",
                          "Can not add user to this channel type.", 400);
  bool can_add_self = false, can_add_others = false;
  if (channel.is_open()) {
    can_add_self = has_team_permission(app, actor, channel.team_id, "join_public_channels");
    can_add_others = has_channel_permission(app, actor, channel, "manage_public_channel_members");
  } else if (!has_channel_permission(app, actor, channel, "manage_private_channel_members")) {
    return errors::permission("manage_private_channel_members", actor.user_id);
  }
  std::vector<model::ChannelMember> added;
  std::vector<std::string> newly_added;  // by someone else
  std::optional<AppError> last_error;
  for (const auto& user_id : user_ids) {
    auto existing = app.store().channels().get_member(channel.id, user_id);
    if (channel.is_open()) {
      bool self = user_id == actor.user_id;
      if (self && existing) {
        added.push_back(*existing);
        continue;
      }
      if (self && !can_add_self) {
        last_error = errors::permission("join_public_channels", actor.user_id);
        continue;
      }
      if (!self && !can_add_others) {
        last_error = errors::permission("manage_public_channel_members", actor.user_id);
        continue;
      }
    }
    if (existing) {
      added.push_back(*existing);
      continue;
    }
    auto user = get_user(app, user_id);
    if (!user) {
      last_error = std::move(user).error();
      continue;
    }
    if (user->delete_at > 0) {
      last_error = AppError::make("app.channel.add_member.deleted_user.app_error",
                                  "Unable to add the user as a member of the channel.", 403);
      continue;
    }
    auto m = add_user_to_channel(app, *user, channel);
    if (!m) {
      last_error = std::move(m).error();
      continue;
    }
    if (user_id != actor.user_id) newly_added.push_back(user_id);
    added.push_back(std::move(m).value());
  }
  if (!post_root_id.empty()) follow_thread_on_add(app, post_root_id, newly_added, actor.user_id);
  if (last_error && added.empty()) return std::move(*last_error);
  return added;
}

Result<model::ChannelMember> channel_member(App& app, const model::Session& actor,
                                            const std::string& channel_id,
                                            const std::string& user_id) {
  if (auto s = check_read_channel(app, actor, channel_id); !s) return std::move(s).error();
  auto m = app.store().channels().get_member(channel_id, user_id);
  if (!m) return missing_member();
  return std::move(*m);
}

Result<std::vector<model::ChannelMember>> channel_members(App& app, const model::Session& actor,
                                                          const std::string& channel_id, int page,
                                                          int per_page) {
  if (auto s = check_read_channel(app, actor, channel_id); !s) return std::move(s).error();
  return app.store().channels().members(channel_id, page * per_page, per_page);
}

Result<std::vector<model::ChannelMember>> channel_members_by_ids(
    App& app, const model::Session& actor, const std::string& channel_id,
    const std::vector<std::string>& user_ids) {
  if (auto s = check_read_channel(app, actor, channel_id); !s) return std::move(s).error();
  return app.store().channels().members_by_ids(channel_id, user_ids);
}

Result<std::vector<model::ChannelMember>> channel_members_for_user_in_team(
    App& app, const model::Session& actor, const std::string& user_id, const std::string& team_id) {
  if (!has_team_permission(app, actor, team_id, "view_team"))
    return errors::permission("view_team", actor.user_id);
  if (actor.user_id != user_id && !has_team_permission(app, actor, team_id, "manage_system"))
    return errors::permission("manage_system", actor.user_id);
  return app.store().channels().members_for_user_in_team(user_id, team_id);
}

Result<std::vector<store::ChannelMemberWithTeam>> channel_members_for_user(
    App& app, const model::Session& actor, const std::string& user_id, int offset, int limit) {
  if (!can_manage_user(app, actor, user_id))
    return errors::permission("edit_other_users", actor.user_id);
  return app.store().channels().members_for_user(user_id, offset, limit);
}

Status remove_channel_member(App& app, const model::Session& actor, const std::string& channel_id,
                             const std::string& user_id) {
  auto c = get_channel(app, channel_id);
  if (!c) return std::move(c).error();
  auto user = get_user(app, user_id);
  if (!user) return std::move(user).error();
  if (!c->is_open() && !c->is_private())
    return AppError::make("api.channel.remove_channel_member.type.app_error",
                          "Unable to remove user from a channel.", 400);
  if (user_id != actor.user_id) {
    const char* perm =
        c->is_open() ? "manage_public_channel_members" : "manage_private_channel_members";
    if (!has_channel_permission(app, actor, *c, perm))
      return errors::permission(perm, actor.user_id);
  }
  if (c->name == model::kDefaultChannelName && !user->has_role("system_guest"))
    return AppError::make("api.channel.remove.default.app_error",
                          "Unable to remove user from the default channel town-square.", 400);
  if (!app.store().channels().get_member(c->id, user_id)) return missing_member();
  app.store().channels().remove_member(c->id, user_id);
  after_user_left_channel(app, *c, user_id, actor.user_id);
  return {};
}

Status update_channel_member_roles(App& app, const model::Session& actor,
                                   const std::string& channel_id, const std::string& user_id,
                                   const std::string& roles) {
  auto names = split_roles(roles);
  for (const auto& n : names) {
    bool ok = !n.empty() && n.size() <= 64;
    for (unsigned char ch : n) ok = ok && (std::islower(ch) || std::isdigit(ch) || ch == '_');
    if (!ok) return errors::invalid_param("roles");
  }
  if (!has_channel_permission(app, actor, channel_id, "manage_channel_roles"))
    return errors::permission("manage_channel_roles", actor.user_id);
  auto found = app.store().channels().get_member(channel_id, user_id);
  if (!found) return missing_member();
  model::ChannelMember m = *found;
  bool was_guest = m.scheme_guest;
  m.scheme_guest = m.scheme_user = m.scheme_admin = false;
  std::string explicit_roles;
  for (const auto& n : names) {
    const model::Role* role = find_role(n);
    if (!role)
      return AppError::make("app.role.get_by_name.app_error", "Unable to get role.", 400,
                            "name=" + n);
    if (!role->scheme_managed)
      explicit_roles += (explicit_roles.empty() ? "" : " ") + n;
    else if (n == "channel_admin")
      m.scheme_admin = true;
    else if (n == "channel_user")
      m.scheme_user = true;
    else if (n == "channel_guest")
      m.scheme_guest = true;
    else
      return AppError::make("api.channel.update_channel_member_roles.scheme_role.app_error",
                            "The provided role is managed by a Scheme and therefore cannot be "
                            "applied directly to a Channel Member.",
                            400, "role_name=" + n);
  }
  if (m.scheme_user && m.scheme_guest)
    return AppError::make("api.channel.update_channel_member_roles.guest_and_user.app_error",
                          "Invalid channel member update: A user must be a guest or a user but "
                          "not both.",
                          400);
  if (was_guest != m.scheme_guest)
    return AppError::make("api.channel.update_channel_member_roles.changing_guest_role.app_error",
                          "Invalid channel member update: You can't add or remove the guest role "
                          "manually.",
                          400);
  if (!m.scheme_user && !m.scheme_guest)
    return AppError::make("api.channel.update_channel_member_roles.unset_user_scheme.app_error",
                          "Invalid channel member update: A member must keep the channel user or "
                          "guest role.",
                          400);
  m.explicit_roles = explicit_roles;
  m.last_update_at = now_ms();
  app.store().channels().update_member(m);
  app.publish_to_user("channel_member_updated",
                      {{"channelMember", boost::json::serialize(model::to_json(m))}}, user_id);
  return {};
}

Status update_channel_member_notify_props(App& app, const model::Session& actor,
                                          const std::string& channel_id, const std::string& user_id,
                                          const boost::json::object& props) {
  static const char* kKeys[] = {"mark_unread",
                                "desktop",
                                "desktop_sound",
                                "desktop_notification_sound",
                                "desktop_threads",
                                "email",
                                "push",
                                "push_threads",
                                "ignore_channel_mentions",
                                "channel_auto_follow_threads"};
  for (const auto& kv : props)
    if (!kv.value().is_string()) return errors::invalid_param("notify_props");
  if (!can_manage_user(app, actor, user_id))
    return errors::permission("edit_other_users", actor.user_id);
  auto found = app.store().channels().get_member(channel_id, user_id);
  if (!found) return missing_member();
  model::ChannelMember m = *found;
  for (const char* key : kKeys)
    if (auto it = props.find(key); it != props.end()) m.notify_props[key] = it->value();
  m.last_update_at = now_ms();
  app.store().channels().update_member(m);
  app.publish_to_user("channel_member_updated",
                      {{"channelMember", boost::json::serialize(model::to_json(m))}}, user_id);
  return {};
}

}  // namespace parley::app
