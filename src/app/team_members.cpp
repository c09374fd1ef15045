// Team memberships: join/add/invite, listing, removal, roles, stats and unread totals.
#include "app/team_members.h"

#include "app/authorization.h"
#include "app/channel_members.h"
#include "app/membership.h"
#include "app/publish.h"
#include "app/roles.h"
#include "app/teams.h"
#include "app/users.h"
#include "store/channel_store.h"
#include "store/thread_store.h"
#include "store/user_store.h"
#include "util/ids.h"

#include <algorithm>
#include <cctype>
#include <map>

namespace parley::app {
namespace {

bool allowed_by(const std::string& email, const std::string& restriction) {
  auto domains = normalize_domains(restriction);
  if (domains.empty()) return true;
  return std::any_of(domains.begin(), domains.end(),
                     [&](const std::string& d) { return email.ends_with("@" + d); });
}

bool valid_role_names(const std::string& roles) {
  std::vector<std::string> names;
  std::string cur;
  for (char c : roles + " ") {
    if (c == ' ') {
      if (!cur.empty()) names.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  for (const auto& n : names) {
    if (n.size() > 64) return false;
    for (unsigned char c : n)
      if (!std::islower(c) && !std::isdigit(c) && c != '_') return false;
  }
  return !(names.size() == 1 && names[0] == "system_admin");
}

AppError missing_member() {
  return AppError::make("app.team.get_member.missing.app_error",
                        "No team member found for that user ID and team ID.", 404);
}

Status check_view_team(App& app, const model::Session& actor, const std::string& team_id) {
  if (!has_team_permission(app, actor, team_id, "view_team"))
    return errors::permission("view_team", actor.user_id);
  return {};
}

}  // namespace

std::vector<std::string> normalize_domains(const std::string& domains) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : domains + " ") {
    if (c == ' ' || c == ',' || c == '@' || c == '\t' || c == '\n') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
  }
  return out;
}

bool is_guest(const model::User& user) {
  return user.has_role("system_guest");
}

bool team_email_allowed(App& app, const model::User& user, const model::Team& team) {
  if (user.is_bot) return true;
  std::string email = user.email;
  std::transform(email.begin(), email.end(), email.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  auto cfg = app.config();
  if (is_guest(user)) return allowed_by(email, cfg->guest_accounts.restrict_creation_to_domains);
  return allowed_by(email, team.allowed_domains) &&
         allowed_by(email, cfg->team.restrict_creation_to_domains);
}

Result<model::TeamMember> join_user_to_team(App& app, const model::Team& team,
                                            const model::User& user,
                                            const std::string& requestor_id) {
  if (!team_email_allowed(app, user, team))
    return AppError::make("api.team.join_user_to_team.allowed_domains.app_error",
                          "Email must be from a specific domain (e.g. @example.com). Please ask "
                          "your System Administrator for details.",
                          400);
  bool guest = is_guest(user);
  model::TeamMember tm;
  tm.team_id = team.id;
  tm.user_id = user.id;
  tm.scheme_guest = guest;
  tm.scheme_user = !guest;
  tm.scheme_admin = !team.email.empty() && team.email == user.email;
  tm.create_at = now_ms();
  auto& teams = app.store().teams();
  int64_t max_users = app.config()->team.max_users_per_team;
  std::optional<AppError> failed;
  bool already = false;
  std::vector<model::Channel> joined;
  app.store().transaction([&] {
    auto existing = teams.get_member(team.id, user.id);
    if (existing && existing->delete_at == 0) {
      tm = *existing;
      already = true;
      return;
    }
    if (max_users >= 0 && teams.member_count(team.id, true) >= max_users) {
      failed = existing ? AppError::make("app.team.join_user_to_team.max_accounts.app_error",
                                         "This team has reached the maximum number of allowed "
                                         "accounts. Contact your System Administrator to set a "
                                         "higher limit.",
                                         400, "teamId=" + team.id)
                        : AppError::make(
                              "app.team.join_user_to_team.save_member.max_accounts."
                              "app_error",
                              "This team has reached the maximum number of allowed "
                              "accounts. Contact your System Administrator to set a "
                              "higher limit.",
                              400);
      return;
    }
    teams.save_member(tm);
    if (!guest) joined = join_default_channels(app, team.id, user, tm.scheme_admin);
  });
  if (failed) return std::move(*failed);
  if (already) return tm;
  for (const auto& c : joined) after_user_joined_channel(app, c, user.id);
  after_user_joined_team(app, team, user.id);
  return tm;
}

Result<model::TeamMember> add_team_member(App& app, const model::Session& actor,
                                          const std::string& team_id, const std::string& user_id) {
  if (user_id == actor.user_id) {
    auto t = get_team(app, team_id);
    if (!t) return std::move(t).error();
    if (t->allow_open_invite && !has_permission(actor, "join_public_teams"))
      return errors::permission("join_public_teams", actor.user_id);
    if (!t->allow_open_invite && !has_permission(actor, "join_private_teams"))
      return errors::permission("join_private_teams", actor.user_id);
  } else if (!has_team_permission(app, actor, team_id, "add_user_to_team")) {
    return errors::permission("add_user_to_team", actor.user_id);
  }
  auto team = get_team(app, team_id);
  if (!team) return std::move(team).error();
  auto user = get_user(app, user_id);
  if (!user) return std::move(user).error();
  return join_user_to_team(app, *team, *user, actor.user_id == user_id ? "" : actor.user_id);
}

Result<std::vector<TeamMemberResult>> add_team_members(App& app, const model::Session& actor,
                                                       const std::string& team_id,
                                                       const std::vector<std::string>& user_ids,
                                                       bool graceful) {
  auto team = get_team(app, team_id);
  if (!team) return std::move(team).error();
  if (!has_team_permission(app, actor, team_id, "add_user_to_team"))
    return errors::permission("add_user_to_team", actor.user_id);
  std::vector<TeamMemberResult> out;
  for (const auto& id : user_ids) {
    TeamMemberResult r{id, std::nullopt, std::nullopt};
    auto user = get_user(app, id);
    auto member = user ? join_user_to_team(app, *team, *user, actor.user_id)
                       : Result<model::TeamMember>(std::move(user).error());
    if (!member) {
      if (!graceful) return std::move(member).error();
      r.error = std::move(member).error();
    } else {
      r.member = std::move(member).value();
    }
    out.push_back(std::move(r));
  }
  return out;
}

Result<model::TeamMember> join_team_by_invite(App& app, const model::Session& actor,
                                              const std::string& invite_id) {
  auto guest_prop = actor.props.find("is_guest");
  if (guest_prop != actor.props.end() && guest_prop->value().is_string() &&
      guest_prop->value().get_string() == "true")
    return AppError::make("api.team.add_user_to_team_from_invite.guest.app_error",
                          "Guests are restricted from joining a team via an invite link. Please "
                          "request a guest email invitation to the team.",
                          403);
  auto team = app.store().teams().get_by_invite_id(invite_id);
  if (!team)
    return AppError::make("app.team.get_by_invite_id.finding.app_error",
                          "Unable to find the existing team.", 404);
  auto user = get_user(app, actor.user_id);
  if (!user) return std::move(user).error();
  return join_user_to_team(app, *team, *user, "");
}

Result<std::vector<model::TeamMember>> team_members(App& app, const model::Session& actor,
                                                    const std::string& team_id,
                                                    const store::TeamMemberQuery& q) {
  if (auto s = check_view_team(app, actor, team_id); !s) return std::move(s).error();
  return app.store().teams().members(team_id, q);
}

Result<std::vector<model::TeamMember>> team_members_by_ids(App& app, const model::Session& actor,
                                                           const std::string& team_id,
                                                           const std::vector<std::string>& ids) {
  if (auto s = check_view_team(app, actor, team_id); !s) return std::move(s).error();
  return app.store().teams().members_by_ids(team_id, ids);
}

Result<model::TeamMember> team_member(App& app, const model::Session& actor,
                                      const std::string& team_id, const std::string& user_id) {
  if (auto s = check_view_team(app, actor, team_id); !s) return std::move(s).error();
  auto m = app.store().teams().get_member(team_id, user_id);
  if (!m) return missing_member();
  return std::move(*m);
}

Result<std::vector<model::TeamMember>> team_members_for_user(App& app, const model::Session& actor,
                                                             const std::string& user_id) {
  if (!can_manage_user(app, actor, user_id) && !has_permission(actor, "read_other_users_teams"))
    return errors::permission("read_other_users_teams", actor.user_id);
  return app.store().teams().members_for_user(user_id, true);
}

Status remove_team_member(App& app, const model::Session& actor, const std::string& team_id,
                          const std::string& user_id) {
  if (actor.user_id != user_id &&
      !has_team_permission(app, actor, team_id, "remove_user_from_team"))
    return errors::permission("remove_user_from_team", actor.user_id);
  auto team = get_team(app, team_id);
  if (!team) return std::move(team).error();
  auto user = get_user(app, user_id);
  if (!user) return std::move(user).error();
  auto member = app.store().teams().get_member(team_id, user_id);
  if (!member)
    return AppError::make("api.team.remove_user_from_team.missing.app_error",
                          "The user does not appear to be part of this team.", 400);
  // Sent before the removal so that the user still receives the team broadcast's twin.
  boost::json::object data{{"user_id", user_id}, {"team_id", team_id}};
  publish_to_team_except(app, "leave_team", data, team_id, user_id);
  publish_to_user_about(app, "leave_team", data, user_id, {});
  app.store().transaction([&] {
    app.store().channels().remove_team_memberships(team_id, user_id);
    model::TeamMember m = *member;
    m.explicit_roles.clear();
    m.delete_at = now_ms();
    app.store().teams().save_member(m);
  });
  after_user_left_team(app, *team, user_id);
  return {};
}

Status update_team_member_roles(App& app, const model::Session& actor, const std::string& team_id,
                                const std::string& user_id, const std::string& roles) {
  if (!valid_role_names(roles)) return errors::invalid_param("team_member_roles");
  if (!has_team_permission(app, actor, team_id, "manage_team_roles"))
    return errors::permission("manage_team_roles", actor.user_id);
  auto found = app.store().teams().get_member(team_id, user_id);
  if (!found) return missing_member();
  model::TeamMember m = *found;
  bool was_guest = m.scheme_guest;
  m.scheme_guest = m.scheme_user = m.scheme_admin = false;
  std::string explicit_roles;
  std::string cur;
  for (char c : roles + " ") {
    if (c != ' ') {
      cur.push_back(c);
      continue;
    }
    if (cur.empty()) continue;
    const model::Role* role = find_role(cur);
    if (!role)
      return AppError::make("app.role.get_by_name.app_error", "Unable to get role.", 400,
                            "name=" + cur);
    if (!role->scheme_managed) {
      explicit_roles += (explicit_roles.empty() ? "" : " ") + cur;
    } else if (cur == "team_admin") {
      m.scheme_admin = true;
    } else if (cur == "team_user") {
      m.scheme_user = true;
    } else if (cur == "team_guest") {
      m.scheme_guest = true;
    } else {
      return AppError::make("api.channel.update_team_member_roles.scheme_role.app_error",
                            "The provided role is managed by a Scheme and therefore cannot be "
                            "applied directly to a Team Member.",
                            400, "role_name=" + cur);
    }
    cur.clear();
  }
  if (m.scheme_guest && m.scheme_user)
    return AppError::make("api.team.update_team_member_roles.guest_and_user.app_error",
                          "Invalid team member update: A user must be a guest or a user but not "
                          "both.",
                          400);
  if (was_guest != m.scheme_guest)
    return AppError::make("api.channel.update_team_member_roles.changing_guest_role.app_error",
                          "Invalid team member update: You can't add or remove the guest role "
                          "manually.",
                          400);
  m.explicit_roles = explicit_roles;
  app.store().teams().save_member(m);
  app.publish_to_user("memberrole_updated", {{"member", boost::json::serialize(model::to_json(m))}},
                      user_id);
  return {};
}

Result<model::TeamStats> team_stats(App& app, const model::Session& actor,
                                    const std::string& team_id) {
  if (auto s = check_view_team(app, actor, team_id); !s) return std::move(s).error();
  model::TeamStats st;
  st.team_id = team_id;
  st.total_member_count = app.store().teams().member_count(team_id, false);
  st.active_member_count = app.store().teams().member_count(team_id, true);
  return st;
}

namespace {
void add_unread(model::TeamUnread& t, const model::ChannelUnread& c) {
  t.mention_count += c.mention_count;
  t.mention_count_root += c.mention_count_root;
  auto it = c.notify_props.find("mark_unread");
  bool mention_only = it != c.notify_props.end() && it->value().is_string() &&
                      it->value().get_string() == "mention";
  if (!mention_only) {
    t.msg_count += c.msg_count;
    t.msg_count_root += c.msg_count_root;
  }
}
}  // namespace

Result<std::vector<model::TeamUnread>> teams_unread(App& app, const model::Session& actor,
                                                    const std::string& user_id,
                                                    const std::string& exclude_team_id,
                                                    bool include_collapsed_threads) {
  if (actor.user_id != user_id && !has_permission(actor, "manage_system"))
    return errors::permission("manage_system", actor.user_id);
  std::map<std::string, model::TeamUnread> by_team;
  for (const auto& c : app.store().channels().unreads_for_user(user_id)) {
    if (c.team_id == exclude_team_id) continue;
    auto& t = by_team[c.team_id];
    t.team_id = c.team_id;
    add_unread(t, c);
  }
  std::vector<model::TeamUnread> out;
  for (auto& [id, t] : by_team) {
    if (include_collapsed_threads) {
      auto totals = app.store().threads().totals(user_id, id, true);
      t.thread_count = totals.unread_threads;
      t.thread_mention_count = totals.unread_mentions;
      if (app.config()->service.post_priority)
        t.thread_urgent_mention_count = totals.unread_urgent_mentions;
    }
    out.push_back(std::move(t));
  }
  return out;
}

Result<model::TeamUnread> team_unread(App& app, const model::Session& actor,
                                      const std::string& team_id, const std::string& user_id) {
  if (!can_manage_user(app, actor, user_id))
    return errors::permission("edit_other_users", actor.user_id);
  if (auto s = check_view_team(app, actor, team_id); !s) return std::move(s).error();
  model::TeamUnread t;
  t.team_id = team_id;
  for (const auto& c : app.store().channels().unreads_for_user(user_id))
    if (c.team_id == team_id) add_unread(t, c);
  return t;
}

}  // namespace parley::app
