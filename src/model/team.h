// Team, TeamMember, TeamUnread and TeamStats with Mattermost's JSON, and the team name rules.
#pragma once

#include <boost/json/object.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace parley::model {

struct Team {
  std::string id;
  int64_t create_at = 0;
  int64_t update_at = 0;
  int64_t delete_at = 0;
  std::string display_name;
  std::string name;
  std::string description;
  std::string email;
  std::string type = "O";  // "O" open, "I" invite only
  std::string company_name;
  std::string allowed_domains;
  std::string invite_id;
  bool allow_open_invite = false;
  int64_t last_team_icon_update = 0;
  std::string scheme_id;
  bool group_constrained = false;
};

struct TeamMember {
  std::string team_id;
  std::string user_id;
  std::string explicit_roles;  // roles beyond the scheme ones
  int64_t delete_at = 0;
  bool scheme_user = true;
  bool scheme_admin = false;
  bool scheme_guest = false;
  int64_t create_at = 0;

  // "team_user team_admin ..." as Mattermost computes it.
  std::string roles() const;
};

// Unread totals of one team, summed over the user's channels in it.
struct TeamUnread {
  std::string team_id;
  int64_t msg_count = 0;
  int64_t mention_count = 0;
  int64_t mention_count_root = 0;
  int64_t msg_count_root = 0;
  int64_t thread_count = 0;
  int64_t thread_mention_count = 0;
  int64_t thread_urgent_mention_count = 0;
};

struct TeamStats {
  std::string team_id;
  int64_t total_member_count = 0;
  int64_t active_member_count = 0;
};

// How a team is shown: everything, everything but the email (invite_user), or neither email
// nor invite id (Mattermost's Team.Sanitize).
enum class TeamView { full, keep_invite_id, sanitized };

boost::json::object to_json(const Team& t, TeamView view = TeamView::full);
boost::json::object to_json(const TeamMember& m);
boost::json::object to_json(const TeamUnread& u);
boost::json::object to_json(const TeamStats& s);

// Name limits (model.TeamNameMinLength etc.).
inline constexpr std::size_t kTeamNameMaxLength = 64;
inline constexpr std::size_t kTeamDisplayNameMaxRunes = 64;
inline constexpr std::size_t kTeamDescriptionMaxLength = 255;
inline constexpr std::size_t kTeamCompanyNameMaxLength = 64;
inline constexpr std::size_t kTeamAllowedDomainsMaxLength = 500;
inline constexpr std::size_t kTeamEmailMaxLength = 128;

// True when the name starts with a reserved word ("admin", "api", "channel", ...), as
// Mattermost's IsReservedTeamName (a prefix match, case-insensitive).
bool is_reserved_team_name(std::string_view name);
// Lowercase letters, digits and hyphens, starting and ending with a letter or digit, at least
// 2 characters (IsValidTeamName; the length cap is checked separately).
bool is_valid_team_name(std::string_view name);
// Number of UTF-8 code points.
std::size_t rune_count(std::string_view s);

}  // namespace parley::model
