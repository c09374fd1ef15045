// Channel lists: a user's channels, a team's public/private/archived channels, lookups by ids
// and the autocomplete and search endpoints.
#include "app/authorization.h"
#include "app/channels.h"
#include "store/channel_store.h"
#include "store/team_store.h"

namespace parley::app {

Result<std::vector<model::Channel>> channels_for_user(App& app, const model::Session& actor,
                                                      const std::string& user_id,
                                                      const store::UserChannelQuery& q) {
  if (!can_manage_user(app, actor, user_id))
    return errors::permission("edit_other_users", actor.user_id);
  if (!q.team_id.empty() && !has_team_permission(app, actor, q.team_id, "view_team"))
    return errors::permission("view_team", actor.user_id);
  if (q.last_delete_at < 0) return errors::invalid_url_param("last_delete_at");
  auto list = app.store().channels().for_user(user_id, q);
  if (list.empty() && !q.team_id.empty())
    return AppError::make("app.channel.get_channels.not_found.app_error", "No channels were found.",
                          404);
  return list;
}

Result<std::vector<model::Channel>> team_channels(App& app, const model::Session& actor,
                                                  store::TeamChannelQuery q) {
  if (q.type == "P" && !q.deleted) {
    if (!has_permission(actor, "manage_system"))
      return errors::permission("manage_system", actor.user_id);
  } else if (!has_team_permission(app, actor, q.team_id, "list_team_channels")) {
    return errors::permission("list_team_channels", actor.user_id);
  }
  // Archived lists show public channels and, without manage_system, only the private ones the
  // actor belongs to.
  if (q.deleted && !has_permission(actor, "manage_system")) q.member_id = actor.user_id;
  return app.store().channels().for_team(q);
}

Result<std::vector<model::Channel>> public_channels_by_ids(App& app, const model::Session& actor,
                                                           const std::string& team_id,
                                                           const std::vector<std::string>& ids) {
  if (!has_team_permission(app, actor, team_id, "view_team"))
    return errors::permission("view_team", actor.user_id);
  auto list = app.store().channels().public_by_ids(team_id, ids);
  if (list.empty())
    return AppError::make("app.channel.get_channels_by_ids.not_found.app_error",
                          "No channel found.", 404);
  return list;
}

Result<std::vector<model::Channel>> search_team_channels(App& app, const model::Session& actor,
                                                         const std::string& team_id,
                                                         const std::string& term,
                                                         ChannelSearchKind kind) {
  store::ChannelSearch q;
  q.team_id = team_id;
  q.term = term;
  q.include_deleted = app.config()->team.experimental_view_archived_channels;
  bool list_channels = has_team_permission(app, actor, team_id, "list_team_channels");
  switch (kind) {
    case ChannelSearchKind::autocomplete:
      if (!list_channels) return errors::permission("list_team_channels", actor.user_id);
      q.user_id = actor.user_id;
      break;
    case ChannelSearchKind::for_search:
      q.user_id = actor.user_id;
      q.member_only = true;
      break;
    case ChannelSearchKind::search:
      if (list_channels) {
        q.public_only = true;
      } else {
        auto m = app.store().teams().get_member(team_id, actor.user_id);
        if (!m)
          return AppError::make("app.team.get_member.missing.app_error",
                                "No team member found for that user ID and team ID.", 404);
        q.user_id = actor.user_id;
        q.member_only = true;
      }
      break;
  }
  return app.store().channels().search(q);
}

}  // namespace parley::app
