// Channel creation, lookups with read permissions, patch/update and archive/restore.
#include "app/channels.h"

#include "app/authorization.h"
#include "app/files.h"
#include "app/membership.h"
#include "app/teams.h"
#include "app/users.h"
#include "store/channel_store.h"
#include "store/file_info_store.h"
#include "store/team_store.h"
#include "util/ids.h"
#include "util/json.h"

namespace parley::app {
namespace {

AppError channel_invalid(const std::string& field, const std::string& message,
                         const std::string& id) {
  return AppError::make("model.channel.is_valid." + field + ".app_error", message, 400,
                        id.empty() ? "" : "id=" + id);
}

std::string trim(std::string s) {
  auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

AppError channel_name_taken() {
  return AppError::make("store.sql_channel.save_channel.exists.app_error",
                        "A channel with that name already exists on the same team.", 400);
}

AppError missing_by_name() {
  return AppError::make("app.channel.get_by_name.missing.app_error", "Channel does not exist.",
                        404);
}

// Saves changed channel fields (PreUpdate + IsValid) and sends channel_updated.
Result<model::Channel> store_update(App& app, model::Channel c) {
  if (c.delete_at != 0)
    return AppError::make("app.channel.update.bad_id", "Unable to update the channel.", 400);
  c.update_at = now_ms();
  if (auto v = validate_channel(c); !v) return std::move(v).error();
  try {
    app.store().channels().update(c);
  } catch (const store::StoreError& e) {
    if (!e.constraint) throw;
    return channel_name_taken();
  }
  app.publish_to_channel("channel_updated",
                         {{"channel", boost::json::serialize(model::to_json(c))}}, c.id);
  return c;
}

// Permission to change a channel's properties (name, header, purpose...).
Status check_properties_permission(App& app, const model::Session& actor, const model::Channel& c) {
  if (c.is_open() && !has_channel_permission(app, actor, c, "manage_public_channel_properties"))
    return errors::permission("manage_public_channel_properties", actor.user_id);
  if (c.is_private() && !has_channel_permission(app, actor, c, "manage_private_channel_properties"))
    return errors::permission("manage_private_channel_properties", actor.user_id);
  if (c.is_group_or_direct() && !app.store().channels().get_member(c.id, actor.user_id))
    return AppError::make("api.channel.patch_update_channel.forbidden.app_error",
                          "Failed to patch the channel.", 403);
  return {};
}

AppError dm_change_not_allowed(bool patch) {
  return AppError::make(patch ? "api.channel.patch_update_channel.update_direct_or_group_messages_"
                                "not_allowed.app_error"
                              : "api.channel.update_channel.update_direct_or_group_messages_not_"
                                "allowed.app_error",
                        "You are not allowed to change the name, display name or purpose of "
                        "direct or group messages.",
                        400);
}

AppError default_channel_rename() {
  return AppError::make("api.channel.update_channel.tried.app_error",
                        "Tried to perform an invalid update of the default channel town-square",
                        400);
}

}  // namespace

Status validate_channel(const model::Channel& c) {
  if (!is_valid_id(c.id)) return channel_invalid("id", "Invalid Id.", "");
  if (c.create_at == 0)
    return channel_invalid("create_at", "Create at must be a valid time.", c.id);
  if (c.update_at == 0)
    return channel_invalid("update_at", "Update at must be a valid time.", c.id);
  if (model::rune_count(c.display_name) > model::kChannelDisplayNameMaxRunes)
    return channel_invalid("display_name", "Invalid display name.", c.id);
  if (!model::is_valid_channel_name(c.name))
    return channel_invalid("1_or_more", "Name must be 1 or more lowercase alphanumeric characters.",
                           c.id);
  if (c.type != "O" && c.type != "P" && c.type != "D" && c.type != "G")
    return channel_invalid("type", "Invalid type.", c.id);
  if (model::rune_count(c.header) > model::kChannelHeaderMaxRunes)
    return channel_invalid("header", "Invalid header.", c.id);
  if (model::rune_count(c.purpose) > model::kChannelPurposeMaxRunes)
    return channel_invalid("purpose", "Invalid purpose.", c.id);
  if (c.creator_id.size() > 26) return channel_invalid("creator_id", "Invalid creator id.", "");
  if (!c.is_group_or_direct() && model::looks_like_dm_or_group_name(c.name))
    return channel_invalid("name",
                           "Invalid channel name. User ids are not permitted in channel name for "
                           "non-direct message channel.",
                           "");
  return {};
}

Result<model::Channel> save_channel(App& app, model::Channel c) {
  if (c.delete_at != 0)
    return AppError::make("store.sql_channel.save.archived_channel.app_error",
                          "You can not modify an archived channel.", 400);
  if (c.is_direct())
    return AppError::make("store.sql_channel.save.direct_channel.app_error",
                          "Use SaveDirectChannel to create a direct channel.", 400);
  if (!c.id.empty())
    return AppError::make("store.sql_channel.save_channel.existing.app_error",
                          "Must call update for existing channel.", 400, "id=" + c.id);
  c.id = new_id();
  c.create_at = c.update_at = now_ms();
  c.extra_update_at = 0;
  if (auto v = validate_channel(c); !v) return std::move(v).error();
  try {
    app.store().channels().insert(c);
  } catch (const store::StoreError& e) {
    if (!e.constraint) throw;
    return channel_name_taken();
  }
  return c;
}

std::vector<std::string> default_channel_names(App& app) {
  std::vector<std::string> names{"town-square"};
  const auto& extra = app.config()->team.experimental_default_channels;
  if (extra.empty()) {
    names.push_back("off-topic");
  } else {
    for (const auto& n : extra)
      if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
  }
  return names;
}

Result<model::Channel> get_channel(App& app, const std::string& channel_id) {
  auto c = app.store().channels().get(channel_id);
  if (!c)
    return AppError::make("app.channel.get.existing.app_error",
                          "Unable to find the existing channel.", 404);
  return std::move(*c);
}

Result<model::Channel> create_channel(App& app, const model::Session& actor, model::Channel c) {
  if (c.team_id.empty()) return errors::invalid_param("team_id");
  if (c.display_name.empty()) return errors::invalid_param("display_name");
  if (c.is_open() && !has_team_permission(app, actor, c.team_id, "create_public_channel"))
    return errors::permission("create_public_channel", actor.user_id);
  if (c.is_private() && !has_team_permission(app, actor, c.team_id, "create_private_channel"))
    return errors::permission("create_private_channel", actor.user_id);
  if (c.is_group_or_direct())
    return AppError::make("api.channel.create_channel.direct_channel.app_error",
                          "Must use createDirectChannel API service for direct message channel "
                          "creation.",
                          400);
  auto user = get_user(app, actor.user_id);
  if (!user) return std::move(user).error();
  int64_t count = app.store().channels().count_in_team(c.team_id);
  if (count == 0)
    return AppError::make("app.channel.get_channels.not_found.app_error", "No channels were found.",
                          404);
  int64_t max = app.config()->team.max_channels_per_team;
  if (count + 1 > max)
    return AppError::make(
        "api.channel.create_channel.max_channel_limit.app_error",
        "Unable to create more than " + std::to_string(max) + " channels for current team.", 400);
  c.creator_id = actor.user_id;
  c.display_name = trim(c.display_name);
  std::optional<Result<model::Channel>> saved;
  app.store().transaction([&] {
    saved = save_channel(app, std::move(c));
    if (!*saved) return;
    model::ChannelMember m;
    m.channel_id = (*saved)->id;
    m.user_id = user->id;
    m.scheme_guest = user->has_role("system_guest");
    m.scheme_user = !m.scheme_guest;
    m.scheme_admin = true;
    m.notify_props = model::default_channel_notify_props();
    m.last_update_at = now_ms();
    app.store().channels().save_member(m);
  });
  if (!*saved) return std::move(*saved);
  const model::Channel& ch = **saved;
  app.publish_to_user("channel_created", {{"channel_id", ch.id}, {"team_id", ch.team_id}},
                      actor.user_id);
  after_user_joined_channel(app, ch, actor.user_id, false);
  return std::move(*saved);
}

Result<model::Channel> read_channel(App& app, const model::Session& actor,
                                    const std::string& channel_id) {
  auto c = get_channel(app, channel_id);
  if (!c) return c;
  if (c->is_open() && has_team_permission(app, actor, c->team_id, "read_public_channel")) return c;
  if (!has_channel_permission(app, actor, *c, "read_channel"))
    return errors::permission("read_channel", actor.user_id);
  return c;
}

Result<model::Channel> read_channel_by_name(App& app, const model::Session& actor,
                                            const std::string& team_id,
                                            const std::string& team_name, const std::string& name,
                                            bool include_deleted) {
  std::string tid = team_id;
  if (!team_name.empty()) {
    auto t = get_team_by_name(app, team_name);
    if (!t) return std::move(t).error();
    tid = t->id;
  }
  auto c = app.store().channels().get_by_name(tid, name, include_deleted);
  if (!c) return missing_by_name();
  bool channel_ok = has_channel_permission(app, actor, *c, "read_channel");
  if (c->is_open()) {
    if (!channel_ok && !has_team_permission(app, actor, c->team_id, "read_public_channel"))
      return errors::permission("read_public_channel", actor.user_id);
  } else if (!channel_ok && !has_team_permission(app, actor, c->team_id, "manage_team")) {
    auto e = missing_by_name();
    e.detailed_error = "teamId=" + c->team_id + ", name=" + c->name;
    return e;
  }
  return std::move(*c);
}

Result<model::Channel> patch_channel(App& app, const model::Session& actor,
                                     const std::string& channel_id,
                                     const boost::json::object& patch) {
  bool wrong = false;
  auto display_name = json::opt_string(patch, "display_name", &wrong);
  auto name = json::opt_string(patch, "name", &wrong);
  auto header = json::opt_string(patch, "header", &wrong);
  auto purpose = json::opt_string(patch, "purpose", &wrong);
  auto group_constrained = json::opt_bool(patch, "group_constrained", &wrong);
  if (wrong) return errors::invalid_param("channel");
  auto r = get_channel(app, channel_id);
  if (!r) return r;
  model::Channel c = std::move(r).value();
  if (auto s = check_properties_permission(app, actor, c); !s) return std::move(s).error();
  if (c.is_group_or_direct() &&
      ((name && *name != c.name) || (display_name && *display_name != c.display_name) ||
       (purpose && *purpose != c.purpose)))
    return dm_change_not_allowed(true);
  if (c.name == model::kDefaultChannelName && name && *name != c.name)
    return default_channel_rename();
  if (display_name) c.display_name = trim(*display_name);
  if (name) c.name = *name;
  if (header) c.header = *header;
  if (purpose) c.purpose = *purpose;
  if (group_constrained && !c.is_group_or_direct()) c.group_constrained = *group_constrained;
  return store_update(app, std::move(c));
}

Result<model::Channel> update_channel(App& app, const model::Session& actor,
                                      const std::string& channel_id,
                                      const boost::json::object& body) {
  bool wrong = false;
  auto id = json::opt_string(body, "id", &wrong);
  auto display_name = json::opt_string(body, "display_name", &wrong);
  auto name = json::opt_string(body, "name", &wrong);
  auto header = json::opt_string(body, "header", &wrong);
  auto purpose = json::opt_string(body, "purpose", &wrong);
  auto type = json::opt_string(body, "type", &wrong);
  auto group_constrained = json::opt_bool(body, "group_constrained", &wrong);
  json::opt_string(body, "team_id", &wrong);
  if (wrong) return errors::invalid_param("channel");
  if (id.value_or("") != channel_id) return errors::invalid_param("channel_id");
  auto r = get_channel(app, channel_id);
  if (!r) return r;
  model::Channel c = std::move(r).value();
  if (auto s = check_properties_permission(app, actor, c); !s) return std::move(s).error();
  if (c.is_group_or_direct() &&
      ((!name.value_or("").empty() && *name != c.name) ||
       (!display_name.value_or("").empty() && *display_name != c.display_name) ||
       purpose.value_or("") != c.purpose))
    return dm_change_not_allowed(false);
  if (c.delete_at > 0)
    return AppError::make("api.channel.update_channel.deleted.app_error",
                          "The channel has been archived or deleted", 400);
  if (!type.value_or("").empty() && *type != c.type)
    return AppError::make("api.channel.update_channel.typechange.app_error",
                          "Channel type cannot be updated", 400);
  if (c.name == model::kDefaultChannelName && !name.value_or("").empty() && *name != c.name)
    return default_channel_rename();
  c.header = header.value_or("");
  c.purpose = purpose.value_or("");
  if (!display_name.value_or("").empty()) c.display_name = *display_name;
  if (!name.value_or("").empty()) c.name = *name;
  if (group_constrained) c.group_constrained = *group_constrained;
  return store_update(app, std::move(c));
}

Status archive_channel(App& app, const model::Session& actor, const std::string& channel_id,
                       bool permanent) {
  auto r = get_channel(app, channel_id);
  if (!r) return std::move(r).error();
  model::Channel c = std::move(r).value();
  if (c.is_group_or_direct())
    return AppError::make("api.channel.delete_channel.type.invalid",
                          "Unable to delete direct or group message channels", 400);
  const char* perm = c.is_open() ? "delete_public_channel" : "delete_private_channel";
  if (!has_channel_permission(app, actor, c, perm)) return errors::permission(perm, actor.user_id);
  if (permanent && app.config()->service.enable_api_channel_deletion) {
    // Tell the members first: once deleted, nobody is left to resolve them from.
    boost::json::object data{{"channel_id", c.id}, {"delete_at", now_ms()}};
    if (c.is_open())
      app.publish_to_team("channel_deleted", data, c.team_id);
    else
      app.publish_to_channel("channel_deleted", data, c.id);
    std::vector<model::FileInfo> files;
    app.store().transaction([&] {
      files = app.store().file_infos().permanent_delete_for_channel(c.id);
      app.store().channels().permanent_delete(c.id);
    });
    remove_stored_files(app, files);
    return {};
  }
  if (permanent) {
    bool admin = has_permission(actor, "manage_system");
    return AppError::make(admin ? "api.user.delete_channel.not_enabled.for_admin.app_error"
                                : "api.user.delete_channel.not_enabled.app_error",
                          "Permanent channel deletion feature is not enabled. Please contact your "
                          "System Administrator.",
                          401, "channelId=" + channel_id);
  }
  if (c.delete_at > 0)
    return AppError::make("api.channel.delete_channel.deleted.app_error",
                          "The channel has been archived or deleted.", 400);
  if (c.name == model::kDefaultChannelName)
    return AppError::make("api.channel.delete_channel.cannot.app_error",
                          "Unable to delete the default channel town-square.", 400);
  int64_t now = now_ms();
  c.delete_at = now;
  c.update_at = now;
  app.store().channels().update(c);
  boost::json::object data{{"channel_id", c.id}, {"delete_at", now}};
  if (c.is_open())
    app.publish_to_team("channel_deleted", data, c.team_id);
  else
    app.publish_to_channel("channel_deleted", data, c.id);
  return {};
}

Result<model::Channel> restore_channel(App& app, const model::Session& actor,
                                       const std::string& channel_id) {
  auto r = get_channel(app, channel_id);
  if (!r) return r;
  model::Channel c = std::move(r).value();
  if (!has_team_permission(app, actor, c.team_id, "manage_team") &&
      !has_permission(actor, "sysconsole_write_user_management_channels"))
    return errors::permission("manage_team", actor.user_id);
  if (c.delete_at == 0)
    return AppError::make("api.channel.restore_channel.restored.app_error",
                          "Unable to unarchive channel. The channel is not archived.", 400);
  c.delete_at = 0;
  c.update_at = now_ms();
  app.store().channels().update(c);
  boost::json::object data{{"channel_id", c.id}};
  if (c.is_open())
    app.publish_to_team("channel_restored", data, c.team_id);
  else
    app.publish_to_channel("channel_restored", data, c.id);
  return c;
}

}  // namespace parley::app
