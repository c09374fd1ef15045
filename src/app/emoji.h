// Custom emoji with Mattermost's rules: ServiceSettings.EnableCustomEmoji, create/delete
// permissions (system or any team), name checks, the image in the file store at
// emoji/<id>/image, listing, search and autocomplete, and the emoji_added event.
#pragma once

#include "app/app.h"
#include "app/emoji_image.h"
#include "model/emoji.h"
#include "model/session.h"
#include "util/app_error.h"

#include <string>
#include <string_view>
#include <vector>

namespace parley::app {

// POST /emoji: `emoji` is the decoded "emoji" form field, `image` the "image" file.
Result<model::Emoji> create_emoji(App& app, const model::Session& s, model::Emoji emoji,
                                  std::string_view image);
// Whether the session may create emoji (create_emojis on the system or on any of its teams).
bool can_create_emoji(App& app, const model::Session& s);

Result<std::vector<model::Emoji>> list_emoji(App& app, int page, int per_page, bool by_name);
Result<model::Emoji> get_emoji(App& app, std::string_view id);
Result<model::Emoji> get_emoji_by_name(App& app, std::string_view name);
// Names that are not valid emoji names are skipped; at most 200 names.
Result<std::vector<model::Emoji>> get_emoji_by_names(App& app,
                                                     const std::vector<std::string>& names);
Result<EmojiImage> get_emoji_image(App& app, std::string_view id);
// DELETE /emoji/{id}: the creator with delete_emojis, anyone else with delete_others_emojis;
// the reactions that use the name go too.
Status delete_emoji(App& app, const model::Session& s, std::string_view id);
Result<std::vector<model::Emoji>> search_emoji(App& app, std::string_view term, bool prefix_only,
                                               int limit);

// Custom emoji named in `message` (:name:) or by `reaction_names`, for metadata.emojis; empty
// when custom emoji are disabled (in `cfg`, the request's app.config()).
std::vector<model::Emoji> emojis_for_post(App& app, const config::Config& cfg,
                                          std::string_view message,
                                          const std::vector<std::string>& reaction_names);

}  // namespace parley::app
