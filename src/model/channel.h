// Channel, ChannelMember and ChannelUnread with Mattermost's JSON, and the channel name rules
// (DM and group message names included).
#pragma once

#include <boost/json/object.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace parley::model {

struct Channel {
  std::string id;
  int64_t create_at = 0;
  int64_t update_at = 0;
  int64_t delete_at = 0;
  std::string team_id;  // "" for direct and group channels
  std::string type;     // "O" open, "P" private, "D" direct, "G" group
  std::string display_name;
  std::string name;
  std::string header;
  std::string purpose;
  int64_t last_post_at = 0;
  int64_t total_msg_count = 0;
  int64_t extra_update_at = 0;
  std::string creator_id;
  std::string scheme_id;
  boost::json::object props;
  bool group_constrained = false;
  bool shared = false;
  int64_t total_msg_count_root = 0;
  int64_t last_root_post_at = 0;

  bool is_direct() const { return type == "D"; }
  bool is_group() const { return type == "G"; }
  bool is_group_or_direct() const { return type == "D" || type == "G"; }
  bool is_open() const { return type == "O"; }
  bool is_private() const { return type == "P"; }
};

struct ChannelMember {
  std::string channel_id;
  std::string user_id;
  std::string explicit_roles;
  int64_t last_viewed_at = 0;
  int64_t msg_count = 0;
  int64_t mention_count = 0;
  int64_t mention_count_root = 0;
  int64_t urgent_mention_count = 0;
  int64_t msg_count_root = 0;
  boost::json::object notify_props;
  int64_t last_update_at = 0;
  bool scheme_user = true;
  bool scheme_admin = false;
  bool scheme_guest = false;

  std::string roles() const;  // "channel_user channel_admin ..."
};

// GET /users/{id}/channels/{channel_id}/unread and the per-channel rows team unreads sum up.
struct ChannelUnread {
  std::string team_id;
  std::string channel_id;
  int64_t msg_count = 0;
  int64_t mention_count = 0;
  int64_t mention_count_root = 0;
  int64_t urgent_mention_count = 0;
  int64_t msg_count_root = 0;
  boost::json::object notify_props;  // not serialised
};

// What marking a channel unread from a post leaves (POST .../posts/{id}/set_unread, post_unread).
struct ChannelUnreadAt {
  ChannelUnread counts;
  std::string user_id;
  int64_t last_viewed_at = 0;
};

boost::json::object to_json(const Channel& c);
boost::json::object to_json(const ChannelUnreadAt& u);
// `private_times` false hides last_viewed_at and last_update_at, as Mattermost does for
// members other than the requester (SanitizeForCurrentUser).
boost::json::object to_json(const ChannelMember& m, bool private_times = true);
boost::json::object to_json(const ChannelUnread& u);
boost::json::object default_channel_notify_props();

// Mattermost's DM channel name: "<smaller id>__<larger id>".
std::string direct_channel_name(const std::string& a, const std::string& b);
// Group message name: hex SHA-1 of the sorted, concatenated user ids.
std::string group_channel_name(std::vector<std::string> user_ids);
// Group message display name: sorted usernames joined by ", ", cut at 64 bytes.
std::string group_channel_display_name(std::vector<std::string> usernames);

inline constexpr std::size_t kChannelNameMaxLength = 64;
inline constexpr std::size_t kChannelDisplayNameMaxRunes = 64;
inline constexpr std::size_t kChannelHeaderMaxRunes = 1024;
inline constexpr std::size_t kChannelPurposeMaxRunes = 250;
inline constexpr std::size_t kGroupChannelMinUsers = 3;
inline constexpr std::size_t kGroupChannelMaxUsers = 8;
inline constexpr std::string_view kDefaultChannelName = "town-square";

// IsValidChannelIdentifier: lowercase letters, digits, '-' and '_', starting with a letter or
// digit, 1..64 characters.
bool is_valid_channel_name(std::string_view name);
// A name only a DM or group message may have ("<id>__<id>" or 40 hex characters).
bool looks_like_dm_or_group_name(std::string_view name);

}  // namespace parley::model
