// Sidebar categories (Mattermost's SidebarCategoryWithChannels): the per-user, per-team groups
// the web and mobile sidebars are built from, with their ordered channel ids.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parley::model {

namespace sidebar {
inline constexpr const char* kFavorites = "favorites";
inline constexpr const char* kChannels = "channels";
inline constexpr const char* kDirectMessages = "direct_messages";
inline constexpr const char* kCustom = "custom";
inline constexpr const char* kSortDefault = "";
inline constexpr const char* kSortManual = "manual";
inline constexpr const char* kSortRecent = "recent";
inline constexpr const char* kSortAlpha = "alpha";
inline constexpr int64_t kSortDistance = 10;  // MinimalSidebarSortDistance
}  // namespace sidebar

struct SidebarCategory {
  std::string id;
  std::string user_id;
  std::string team_id;
  int64_t sort_order = 0;
  std::string sorting;
  std::string type;
  std::string display_name;
  bool muted = false;
  bool collapsed = false;
  std::vector<std::string> channel_ids;

  bool operator==(const SidebarCategory&) const = default;
};

boost::json::object to_json(const SidebarCategory& c);
// Decodes a category as Go's encoding/json does (missing fields are zero values); nullopt when
// it is not an object or a field has the wrong type.
std::optional<SidebarCategory> sidebar_category_from_json(const boost::json::value& v);
// The deterministic id of a default category: "<type>_<user id>_<team id>".
std::string default_category_id(std::string_view type, std::string_view user_id,
                                std::string_view team_id);
// A 26-character id, or a default category id (IsValidCategoryId).
bool is_valid_category_id(std::string_view id);

}  // namespace parley::model
