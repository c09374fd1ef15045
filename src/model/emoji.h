// Emoji names: the built-in (system) emoji a reaction can use without a custom emoji.
#pragma once

#include <string_view>

namespace parley::model {

// True for Mattermost's system emoji names ("+1", "smile", "thumbsup_light_skin_tone", ...).
bool is_system_emoji(std::string_view name);

}  // namespace parley::model
