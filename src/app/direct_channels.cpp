// Direct and group message channels.
#include "app/direct_channels.h"

#include "app/authorization.h"
#include "app/channels.h"
#include "app/membership.h"
#include "store/channel_store.h"
#include "store/team_store.h"
#include "store/user_store.h"
#include "util/ids.h"

#include <algorithm>

namespace parley::app {
namespace {

model::ChannelMember member_for(const model::Channel& c, const model::User& u) {
  model::ChannelMember m;
  m.channel_id = c.id;
  m.user_id = u.id;
  m.scheme_guest = u.has_role("system_guest");
  m.scheme_user = !m.scheme_guest;
  m.notify_props = model::default_channel_notify_props();
  m.last_update_at = now_ms();
  return m;
}

AppError invalid_dm_user() {
  return AppError::make("api.channel.create_direct_channel.invalid_user.app_error",
                        "Invalid user ID for direct channel creation.", 400);
}

void sort_unique(std::vector<std::string>& ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
}

}  // namespace

Result<model::Channel> get_or_create_direct_channel(App& app, const std::string& user_id,
                                                    const std::string& other_user_id) {
  auto& channels = app.store().channels();
  std::string name = model::direct_channel_name(user_id, other_user_id);
  if (auto existing = channels.get_by_name("", name, true)) return std::move(*existing);
  auto users = app.store().users().get_many({user_id, other_user_id});
  std::size_t expected = user_id == other_user_id ? 1 : 2;
  if (users.size() != expected) return invalid_dm_user();
  const model::User& user = users[0].id == user_id ? users[0] : users[1];
  model::Channel c;
  c.id = new_id();
  c.create_at = c.update_at = now_ms();
  c.type = "D";
  c.name = name;
  c.creator_id = user.id;
  bool created = false;
  app.store().transaction([&] {
    if (auto existing = channels.get_by_name("", name, true)) {
      c = std::move(*existing);
      return;
    }
    channels.insert(c);
    for (const auto& u : users) channels.save_member(member_for(c, u));
    created = true;
  });
  if (created) {
    app.publish_to_channel("direct_added",
                           {{"creator_id", user_id}, {"teammate_id", other_user_id}}, c.id);
    for (const auto& u : users) after_user_joined_channel(app, c, u.id);
  }
  return c;
}

Result<model::Channel> create_direct_channel(App& app, const model::Session& actor,
                                             std::vector<std::string> user_ids) {
  // Duplicates are dropped, keeping the order of first appearance.
  std::vector<std::string> ids;
  for (auto& id : user_ids)
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(std::move(id));
  if (ids.size() == 1 && ids[0] == actor.user_id) ids.push_back(ids[0]);
  if (ids.size() != 2) return errors::invalid_param("user_ids");
  bool allowed = false;
  for (const auto& id : ids) {
    if (!is_valid_id(id)) return errors::invalid_param("user_id");
    if (id == actor.user_id) allowed = true;
  }
  if (!has_permission(actor, "create_direct_channel"))
    return errors::permission("create_direct_channel", actor.user_id);
  if (!allowed && !has_permission(actor, "manage_system"))
    return errors::permission("manage_system", actor.user_id);
  std::string name = model::direct_channel_name(ids[0], ids[1]);
  if (auto existing = app.store().channels().get_by_name("", name, true)) return *existing;
  if (app.config()->team.restrict_direct_message == "team" &&
      !has_permission(actor, "manage_system") && ids[0] != ids[1] &&
      app.store().teams().common_team_ids(ids[0], ids[1]).empty())
    return AppError::make("api.channel.create_channel.direct_channel.team_restricted_error",
                          "A direct channel can only be created between members of the same "
                          "team.",
                          403);
  return get_or_create_direct_channel(app, ids[0], ids[1]);
}

Result<model::Channel> create_group_channel(App& app, const model::Session& actor,
                                            std::vector<std::string> user_ids) {
  sort_unique(user_ids);
  if (user_ids.empty()) return errors::invalid_param("user_ids");
  for (const auto& id : user_ids)
    if (!is_valid_id(id)) return errors::invalid_param("user_id");
  if (std::find(user_ids.begin(), user_ids.end(), actor.user_id) == user_ids.end()) {
    user_ids.push_back(actor.user_id);
    sort_unique(user_ids);
  }
  if (!has_permission(actor, "create_group_channel"))
    return errors::permission("create_group_channel", actor.user_id);
  if (user_ids.size() < model::kGroupChannelMinUsers ||
      user_ids.size() > model::kGroupChannelMaxUsers)
    return AppError::make("api.channel.create_group.bad_size.app_error",
                          "Group message channels must contain at least 3 and no more than 8 "
                          "users.",
                          400);
  auto users = app.store().users().get_many(user_ids);
  if (users.size() != user_ids.size())
    return AppError::make("api.channel.create_group.bad_user.app_error",
                          "One of the provided users does not exist.", 400);
  auto& channels = app.store().channels();
  std::string name = model::group_channel_name(user_ids);
  if (auto existing = channels.get_by_name("", name, true)) return std::move(*existing);
  std::vector<std::string> usernames;
  for (const auto& u : users) usernames.push_back(u.username);
  model::Channel c;
  c.type = "G";
  c.name = name;
  c.display_name = model::group_channel_display_name(usernames);
  std::optional<Result<model::Channel>> saved;
  bool created = false;
  app.store().transaction([&] {
    if (auto existing = channels.get_by_name("", name, true)) {
      saved = std::move(*existing);
      return;
    }
    saved = save_channel(app, std::move(c));
    if (!*saved) return;
    for (const auto& u : users) channels.save_member(member_for(**saved, u));
    created = true;
  });
  if (!*saved || !created) return std::move(*saved);
  const model::Channel& ch = **saved;
  std::string teammates =
      boost::json::serialize(boost::json::array(user_ids.begin(), user_ids.end()));
  for (const auto& u : users) {
    Event e{"group_added", {{"teammate_ids", teammates}}, {}, std::nullopt, {}, {}};
    e.broadcast.channel_id = ch.id;
    e.broadcast.user_id = u.id;
    app.publish(std::move(e));
    after_user_joined_channel(app, ch, u.id);
  }
  return std::move(*saved);
}

std::map<std::string, std::vector<model::User>> group_channel_members(
    App& app, const model::Session& actor, const std::vector<std::string>& channel_ids) {
  auto& channels = app.store().channels();
  std::map<std::string, std::vector<model::User>> out;
  for (const auto& c : channels.get_many(channel_ids)) {
    if (c.type != "G" || !channels.get_member(c.id, actor.user_id)) continue;
    out[c.id] = app.store().users().get_many(channels.member_user_ids(c.id));
  }
  return out;
}

}  // namespace parley::app
