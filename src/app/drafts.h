// Drafts synced across a user's devices (ServiceSettings.AllowSyncedDrafts): upsert (an empty
// message deletes), list per team, delete; draft_created / draft_deleted events to the user's
// other connections.
#pragma once

#include "app/app.h"
#include "model/draft.h"
#include "model/session.h"
#include "util/app_error.h"

#include <optional>
#include <string>
#include <vector>

namespace parley::app {

// 501 api.drafts.disabled.app_error unless ServiceSettings.AllowSyncedDrafts (checked before
// the request body is read, as Mattermost does).
Status check_drafts_enabled(App& app);
// POST /drafts. nullopt when the message was empty: the draft is deleted, nothing is published.
// `connection_id` (the Connection-Id header) does not receive the event.
Result<std::optional<model::Draft>> upsert_draft(App& app, const model::Session& s,
                                                 model::Draft draft,
                                                 const std::string& connection_id);
// GET /users/{user_id}/teams/{team_id}/drafts: the user's drafts in that team's channels and in
// direct/group channels, most recently updated first.
Result<std::vector<model::Draft>> get_drafts(App& app, const model::Session& s,
                                             const std::string& user_id,
                                             const std::string& team_id);
// DELETE /users/{user_id}/channels/{channel_id}/drafts[/{root_id}]; a missing draft is fine.
Status delete_draft(App& app, const model::Session& s, const std::string& user_id,
                    const std::string& channel_id, const std::string& root_id,
                    const std::string& connection_id);
// A root post was deleted: every draft replying to it goes (Mattermost does not tell clients).
void delete_drafts_for_root(App& app, const std::string& channel_id, const std::string& root_id);

}  // namespace parley::app
