// Marking channels viewed, unread counts, channel stats and member counts.
#include "app/authorization.h"
#include "app/channel_members.h"
#include "app/crt.h"
#include "store/channel_store.h"
#include "store/thread_store.h"
#include "util/ids.h"

namespace parley::app {

Result<std::map<std::string, int64_t>> view_channel(App& app, const model::Session& actor,
                                                    const std::string& user_id,
                                                    const std::string& channel_id,
                                                    const std::string& prev_channel_id,
                                                    bool collapsed_threads_supported) {
  if (!can_manage_user(app, actor, user_id))
    return errors::permission("edit_other_users", actor.user_id);
  std::vector<std::string> ids;
  if (!channel_id.empty()) ids.push_back(channel_id);
  if (!prev_channel_id.empty() && prev_channel_id != channel_id) ids.push_back(prev_channel_id);
  if (ids.empty()) return std::map<std::string, int64_t>{};
  auto result = app.store().channels().mark_viewed(user_id, ids);
  // Without collapsed threads, viewing a channel reads its threads too.
  if (!result.viewed.empty() && app.config()->service.thread_auto_follow &&
      (!collapsed_threads_supported || !crt_enabled(app, user_id))) {
    int64_t now = now_ms();
    for (const auto& id : result.viewed) app.store().threads().mark_channel_read(user_id, id, now);
  }
  if (!result.viewed.empty() && app.config()->service.enable_channel_viewed_messages) {
    boost::json::object times;
    for (const auto& [id, t] : result.times) times[id] = t;
    app.publish_to_user("multiple_channels_viewed", {{"channel_times", std::move(times)}}, user_id);
  }
  return std::move(result.times);
}

Result<model::ChannelUnread> channel_unread(App& app, const model::Session& actor,
                                            const std::string& user_id,
                                            const std::string& channel_id) {
  if (!can_manage_user(app, actor, user_id))
    return errors::permission("edit_other_users", actor.user_id);
  if (!has_channel_permission(app, actor, channel_id, "read_channel"))
    return errors::permission("read_channel", actor.user_id);
  auto u = app.store().channels().unread(channel_id, user_id);
  if (!u)
    return AppError::make("app.channel.get_unread.app_error",
                          "Unable to get the channel unread messages.", 404);
  auto it = u->notify_props.find("mark_unread");
  if (it != u->notify_props.end() && it->value().is_string() &&
      it->value().get_string() == "mention") {
    u->msg_count = 0;
    u->msg_count_root = 0;
  }
  return std::move(*u);
}

Result<ChannelStats> channel_stats(App& app, const model::Session& actor,
                                   const std::string& channel_id, bool exclude_files_count) {
  if (!has_channel_permission(app, actor, channel_id, "read_channel"))
    return errors::permission("read_channel", actor.user_id);
  auto& channels = app.store().channels();
  ChannelStats st;
  st.channel_id = channel_id;
  st.member_count = channels.member_count(channel_id);
  st.guest_count = channels.guest_count(channel_id);
  st.pinnedpost_count = channels.pinned_post_count(channel_id);
  if (!exclude_files_count) st.files_count = channels.file_count(channel_id);
  return st;
}

Result<std::map<std::string, int64_t>> channels_member_count(App& app, const model::Session& actor,
                                                             const std::vector<std::string>& ids) {
  auto channels = app.store().channels().get_many(ids);
  if (channels.empty() && !ids.empty())
    return AppError::make("app.channel.get.existing.app_error",
                          "Unable to find the existing channel.", 404);
  std::vector<std::string> found;
  for (const auto& c : channels) {
    bool allowed = c.is_open() ? has_team_permission(app, actor, c.team_id, "list_team_channels") ||
                                     has_channel_permission(app, actor, c, "read_channel")
                               : has_channel_permission(app, actor, c, "read_channel");
    if (!allowed) return errors::permission("list_team_channels", actor.user_id);
    found.push_back(c.id);
  }
  auto counts = app.store().channels().member_counts(found);
  for (const auto& id : found) counts.try_emplace(id, 0);
  return counts;
}

}  // namespace parley::app
