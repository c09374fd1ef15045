// Emoji: the built-in (system) emoji names a reaction can use without a custom emoji, and the
// custom Emoji with Mattermost's JSON and name rules.
#pragma once

#include <boost/json/object.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace parley::model {

// True for Mattermost's system emoji names ("+1", "smile", "thumbsup_light_skin_tone", ...).
bool is_system_emoji(std::string_view name);

struct Emoji {
  std::string id;
  int64_t create_at = 0;
  int64_t update_at = 0;
  int64_t delete_at = 0;
  std::string creator_id;
  std::string name;
};

boost::json::object to_json(const Emoji& e);

// Custom emoji names: 1 to 64 characters of a-z, 0-9, '-', '+' and '_'.
bool is_valid_custom_emoji_name(std::string_view name);

}  // namespace parley::model
