// Team memberships with Mattermost's rules: joining (default channels, allowed domains, team
// size limit), adding others, invites, leaving/removal, roles, stats and unread totals.
#pragma once

#include "app/app.h"
#include "model/session.h"
#include "model/team.h"
#include "model/user.h"
#include "store/team_store.h"
#include "util/app_error.h"

#include <optional>
#include <string>
#include <vector>

namespace parley::app {

// "@a.com, b.org c.net" -> {"a.com", "b.org", "c.net"} (lower case).
std::vector<std::string> normalize_domains(const std::string& domains);
// The user's email domain is allowed by the team's AllowedDomains and the server's
// RestrictCreationToDomains (bots always are).
bool team_email_allowed(App& app, const model::User& user, const model::Team& team);
bool is_guest(const model::User& user);

// Joins `user` to `team` (or reactivates a left membership) with no permission check: the
// team admin flag for the team's creator (same email), the default channels, then
// added_to_team and the team_joined hooks. An active membership is returned unchanged.
// `requestor_id` is who added the user ("" when they joined themselves).
Result<model::TeamMember> join_user_to_team(App& app, const model::Team& team,
                                            const model::User& user,
                                            const std::string& requestor_id);

// POST /teams/{id}/members: self-join needs join_public/private_teams, adding others
// add_user_to_team.
Result<model::TeamMember> add_team_member(App& app, const model::Session& actor,
                                          const std::string& team_id, const std::string& user_id);
struct TeamMemberResult {
  std::string user_id;
  std::optional<model::TeamMember> member;
  std::optional<AppError> error;
};
// POST /teams/{id}/members/batch; with `graceful` failures are reported per user.
Result<std::vector<TeamMemberResult>> add_team_members(App& app, const model::Session& actor,
                                                       const std::string& team_id,
                                                       const std::vector<std::string>& user_ids,
                                                       bool graceful);
// POST /teams/members/invite?invite_id=
Result<model::TeamMember> join_team_by_invite(App& app, const model::Session& actor,
                                              const std::string& invite_id);

Result<std::vector<model::TeamMember>> team_members(App& app, const model::Session& actor,
                                                    const std::string& team_id,
                                                    const store::TeamMemberQuery& q);
Result<std::vector<model::TeamMember>> team_members_by_ids(App& app, const model::Session& actor,
                                                           const std::string& team_id,
                                                           const std::vector<std::string>& ids);
Result<model::TeamMember> team_member(App& app, const model::Session& actor,
                                      const std::string& team_id, const std::string& user_id);
Result<std::vector<model::TeamMember>> team_members_for_user(App& app, const model::Session& actor,
                                                             const std::string& user_id);

// DELETE /teams/{id}/members/{user_id}: leaves the team's channels too.
Status remove_team_member(App& app, const model::Session& actor, const std::string& team_id,
                          const std::string& user_id);
// PUT /teams/{id}/members/{user_id}/roles.
Status update_team_member_roles(App& app, const model::Session& actor, const std::string& team_id,
                                const std::string& user_id, const std::string& roles);

Result<model::TeamStats> team_stats(App& app, const model::Session& actor,
                                    const std::string& team_id);
// GET /users/{id}/teams/unread (optionally leaving one team out); with
// include_collapsed_threads, thread_count / thread_mention_count from followed threads.
Result<std::vector<model::TeamUnread>> teams_unread(App& app, const model::Session& actor,
                                                    const std::string& user_id,
                                                    const std::string& exclude_team_id,
                                                    bool include_collapsed_threads = false);
Result<model::TeamUnread> team_unread(App& app, const model::Session& actor,
                                      const std::string& team_id, const std::string& user_id);

}  // namespace parley::app
