// Channel and ChannelMember with Mattermost's JSON.
#pragma once

#include <boost/json/object.hpp>

#include <cstdint>
#include <string>

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

boost::json::object to_json(const Channel& c);
boost::json::object to_json(const ChannelMember& m);
boost::json::object default_channel_notify_props();
// Mattermost's DM channel name: "<smaller id>__<larger id>".
std::string direct_channel_name(const std::string& a, const std::string& b);

}  // namespace parley::model
