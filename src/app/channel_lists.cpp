// Channel lists: a user's channels, a team's public/private/archived channels, lookups by ids
// and the autocomplete and search endpoints.
#include "app/authorization.h"
#include "app/channels.h"
#include "store/channel_store.h"
#include "store/team_store.h"
#include "store/user_store.h"

#include <algorithm>
#include <cctype>

namespace parley::app {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Whether some word of `text` (split on spaces and commas) starts with `term`, ignoring case.
bool word_prefix(std::string_view text, const std::string& term) {
  std::string t = lower(text);
  std::size_t i = 0;
  while (i < t.size()) {
    while (i < t.size() && (t[i] == ' ' || t[i] == ',')) ++i;
    if (t.compare(i, term.size(), term) == 0) return true;
    while (i < t.size() && t[i] != ' ' && t[i] != ',') ++i;
  }
  return term.empty();
}

// Mattermost's AutocompleteInTeamForSearch adds the searcher's group messages (by name or
// member usernames) and direct messages (by the other user's username, which becomes the
// display name) to their team channels; sorted by display name.
void add_direct_and_group(App& app, const model::Session& actor, const std::string& term,
                          std::vector<model::Channel>& out) {
  std::string t = lower(term);
  while (!t.empty() && (t.front() == '@' || t.front() == '~')) t.erase(0, 1);
  store::UserChannelQuery uq;
  uq.include_deleted = true;
  auto mine = app.store().channels().for_user(actor.user_id, uq);
  std::vector<model::Channel> directs;
  std::vector<std::string> others;
  for (auto& c : mine) {
    if (c.is_group() && (word_prefix(c.display_name, t) || lower(c.name).starts_with(t))) {
      out.push_back(c);
    } else if (c.is_direct()) {
      auto sep = c.name.find("__");
      if (sep == std::string::npos) continue;
      std::string a = c.name.substr(0, sep);
      std::string b = c.name.substr(sep + 2);
      others.push_back(a == actor.user_id ? b : a);
      directs.push_back(c);
    }
  }
  auto users = app.store().users().get_many(others);
  for (std::size_t i = 0; i < directs.size(); ++i) {
    auto u = std::find_if(users.begin(), users.end(),
                          [&](const model::User& x) { return x.id == others[i]; });
    if (u == users.end() || !lower(u->username).starts_with(t)) continue;
    directs[i].display_name = u->username;
    out.push_back(std::move(directs[i]));
  }
  std::stable_sort(out.begin(), out.end(), [](const model::Channel& a, const model::Channel& b) {
    return lower(a.display_name) < lower(b.display_name);
  });
}

}  // namespace

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
    case ChannelSearchKind::for_search: {
      q.user_id = actor.user_id;
      q.member_only = true;
      q.include_deleted = true;
      auto list = app.store().channels().search(q);
      add_direct_and_group(app, actor, term, list);
      if (list.size() > 50) list.resize(50);
      return list;
    }
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
