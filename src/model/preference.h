// Preference {user_id, category, name, value} with Mattermost's JSON, validation and the theme
// clean-up Mattermost applies before saving.
#pragma once

#include "util/app_error.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <optional>
#include <string>
#include <vector>

namespace parley::model {

namespace preference {
inline constexpr const char* kCategoryTheme = "theme";
inline constexpr const char* kCategoryFavoriteChannel = "favorite_channel";
inline constexpr const char* kCategoryFlaggedPost = "flagged_post";
inline constexpr const char* kCategorySidebarSettings = "sidebar_settings";
inline constexpr const char* kNameLimitVisibleDmsGms = "limit_visible_dms_gms";
inline constexpr std::size_t kMaxCategoryLength = 32;
inline constexpr std::size_t kMaxNameLength = 32;
inline constexpr std::size_t kMaxValueRunes = 20000;  // MaxPreferenceValueLength
inline constexpr int kMaxLimitVisibleDmsGms = 40;
}  // namespace preference

struct Preference {
  std::string user_id;
  std::string category;
  std::string name;
  std::string value;

  bool operator==(const Preference&) const = default;
};

boost::json::object to_json(const Preference& p);
boost::json::array to_json(const std::vector<Preference>& prefs);

// Decodes a JSON array of preferences the way Go's encoding/json does: missing fields are "",
// null elements are empty preferences. nullopt when it is not an array or a field has the wrong
// type.
std::optional<std::vector<Preference>> preferences_from_json(const boost::json::value& v);

// Mattermost's Preference.PreUpdate: theme colours that are not #rgb/#rrggbb become #ffffff.
void pre_update(Preference& p);
// Mattermost's Preference.IsValid (model.preference.is_valid.*.app_error, 400).
Status validate(const Preference& p);

}  // namespace parley::model
