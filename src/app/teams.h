// Teams with Mattermost's rules: creation (default channels, creator as team admin), lookups
// and what a viewer may see of them, listing, patch/update, archive and restore. Memberships
// are in app/team_members.h.
#pragma once

#include "app/app.h"
#include "model/session.h"
#include "model/team.h"
#include "util/app_error.h"

#include <boost/json/object.hpp>

#include <optional>
#include <string>
#include <vector>

namespace parley::app {

// Mattermost's Team.IsValid (ids, timestamps, email, names, type, lengths).
Status validate_team(const model::Team& t);

// 404 app.team.get.find.app_error / app.team.get_by_name.missing.app_error.
Result<model::Team> get_team(App& app, const std::string& team_id);
Result<model::Team> get_team_by_name(App& app, const std::string& name);

// What `viewer` may see (manage_team: all, invite_user: invite id, otherwise neither).
model::TeamView team_view(App& app, const model::Session& viewer, const model::Team& t);
boost::json::object team_json(App& app, const model::Session& viewer, const model::Team& t);

// POST /teams: the session's user becomes team admin and joins the default channels.
Result<model::Team> create_team(App& app, const model::Session& actor, model::Team input);
// A team as GET /teams/{id} serves it: open teams to anyone, others need view_team.
Result<model::Team> read_team(App& app, const model::Session& actor, const std::string& team_id);
Result<model::Team> read_team_by_name(App& app, const model::Session& actor,
                                      const std::string& name);

struct TeamPage {
  std::vector<model::Team> teams;
  int64_t total_count = 0;
};
// GET /teams: every team with list_private_teams + list_public_teams, else only those allowed.
Result<TeamPage> list_teams(App& app, const model::Session& actor, int page, int per_page,
                            bool with_total);
// GET /users/{id}/teams, sanitised for the actor.
Result<std::vector<boost::json::object>> teams_for_user(App& app, const model::Session& actor,
                                                        const std::string& user_id);
// GET /teams/name/{name}/exists.
bool team_exists(App& app, const model::Session& actor, const std::string& name);

// PUT /teams/{id}/patch (TeamPatch fields) and PUT /teams/{id} (whole team, id must match).
Result<model::Team> patch_team(App& app, const model::Session& actor, const std::string& team_id,
                               const boost::json::object& patch);
Result<model::Team> update_team(App& app, const model::Session& actor, const std::string& team_id,
                                const boost::json::object& body);
// DELETE /teams/{id} (archive) and POST /teams/{id}/restore.
Status archive_team(App& app, const model::Session& actor, const std::string& team_id,
                    bool permanent);
Result<model::Team> restore_team(App& app, const model::Session& actor, const std::string& team_id);
// POST /teams/{id}/regenerate_invite_id.
Result<model::Team> regenerate_invite_id(App& app, const model::Session& actor,
                                         const std::string& team_id);
// GET /teams/invite/{invite_id} (no session): open teams only.
Result<model::Team> team_for_invite(App& app, const std::string& invite_id);

// Sanitised team JSON string for update_team / delete_team / restore_team.
void publish_team_event(App& app, const std::string& event, const model::Team& t);

}  // namespace parley::app
