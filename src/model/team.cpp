// Team JSON encoding, member role computation and team name rules.
#include "model/team.h"

#include <array>
#include <cctype>

namespace parley::model {

std::string TeamMember::roles() const {
  std::string r;
  auto add = [&](std::string_view s) {
    if (!r.empty()) r += ' ';
    r += s;
  };
  if (scheme_guest) add("team_guest");
  if (scheme_user) add("team_user");
  if (scheme_admin) add("team_admin");
  if (!explicit_roles.empty()) add(explicit_roles);
  return r;
}

boost::json::object to_json(const Team& t, TeamView view) {
  boost::json::object o{{"id", t.id},
                        {"create_at", t.create_at},
                        {"update_at", t.update_at},
                        {"delete_at", t.delete_at},
                        {"display_name", t.display_name},
                        {"name", t.name},
                        {"description", t.description},
                        {"email", view == TeamView::full ? t.email : std::string()},
                        {"type", t.type},
                        {"company_name", t.company_name},
                        {"allowed_domains", t.allowed_domains},
                        {"invite_id", view == TeamView::sanitized ? std::string() : t.invite_id},
                        {"allow_open_invite", t.allow_open_invite},
                        {"scheme_id", t.scheme_id.empty() ? boost::json::value(nullptr)
                                                          : boost::json::value(t.scheme_id)},
                        {"group_constrained", t.group_constrained},
                        {"policy_id", nullptr},
                        {"cloud_limits_archived", false}};
  // omitempty in Mattermost's Team struct.
  if (t.last_team_icon_update != 0) o["last_team_icon_update"] = t.last_team_icon_update;
  return o;
}

boost::json::object to_json(const TeamMember& m) {
  return {{"team_id", m.team_id},
          {"user_id", m.user_id},
          {"roles", m.roles()},
          {"delete_at", m.delete_at},
          {"scheme_guest", m.scheme_guest},
          {"scheme_user", m.scheme_user},
          {"scheme_admin", m.scheme_admin},
          {"explicit_roles", m.explicit_roles},
          {"create_at", m.create_at}};
}

boost::json::object to_json(const TeamUnread& u) {
  return {{"team_id", u.team_id},
          {"msg_count", u.msg_count},
          {"mention_count", u.mention_count},
          {"mention_count_root", u.mention_count_root},
          {"msg_count_root", u.msg_count_root},
          {"thread_count", u.thread_count},
          {"thread_mention_count", u.thread_mention_count},
          {"thread_urgent_mention_count", u.thread_urgent_mention_count}};
}

boost::json::object to_json(const TeamStats& s) {
  return {{"team_id", s.team_id},
          {"total_member_count", s.total_member_count},
          {"active_member_count", s.active_member_count}};
}

bool is_reserved_team_name(std::string_view name) {
  static constexpr std::array<std::string_view, 17> kReserved = {
      "admin", "api",   "channel", "claim",   "error", "files",  "help",   "landing",  "login",
      "mfa",   "oauth", "plug",    "plugins", "post",  "signup", "boards", "playbooks"};
  std::string lower;
  lower.reserve(name.size());
  for (unsigned char c : name) lower.push_back(static_cast<char>(std::tolower(c)));
  for (auto r : kReserved)
    if (std::string_view(lower).starts_with(r)) return true;
  return false;
}

bool is_valid_team_name(std::string_view s) {
  // ^[a-z0-9]+([a-z\-0-9]+|(__)?)[a-z0-9]+$: hyphens inside, a lone "__" as the only separator.
  if (s.size() < 2) return false;
  auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!alnum(s.front()) || !alnum(s.back())) return false;
  auto dunder = s.find("__");
  if (dunder != std::string_view::npos) {
    // Only "<alnum>+__<alnum>+" is accepted.
    for (std::size_t i = 0; i < s.size(); ++i)
      if (i != dunder && i != dunder + 1 && !alnum(s[i])) return false;
    return true;
  }
  for (char c : s)
    if (!alnum(c) && c != '-') return false;
  return true;
}

std::size_t rune_count(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

}  // namespace parley::model
