// Emoji reactions with Mattermost's rules: who may react, which names are emoji, the unique
// emoji limit per post, archived channels, and the reaction_added / reaction_removed events.
#pragma once

#include "app/app.h"
#include "model/post.h"
#include "model/session.h"
#include "util/app_error.h"

#include <map>
#include <string>
#include <vector>

namespace parley::app {

// POST /reactions. `r` carries user_id, post_id and emoji_name from the client.
Result<model::Reaction> save_reaction(App& app, const model::Session& s, model::Reaction r);
// DELETE /users/{user_id}/posts/{post_id}/reactions/{emoji_name}.
Status delete_reaction(App& app, const model::Session& s, const model::Reaction& r);
Result<std::vector<model::Reaction>> get_reactions(App& app, const model::Session& s,
                                                   const std::string& post_id);
// POST /posts/ids/reactions: every requested id maps to its reactions (maybe none).
Result<std::map<std::string, std::vector<model::Reaction>>> get_bulk_reactions(
    App& app, const model::Session& s, const std::vector<std::string>& post_ids);

// Mattermost's emoji name check for URLs and bodies: [a-zA-Z0-9+_-], at most 64 characters.
bool valid_emoji_name(std::string_view name);

}  // namespace parley::app
