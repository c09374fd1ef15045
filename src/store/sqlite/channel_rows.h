// Column lists and row readers shared by the SQLite channel store's source files.
#pragma once

#include "model/channel.h"
#include "store/sqlite/row.h"

#include <string>
#include <string_view>
#include <vector>

namespace parley::store::sqlite {

inline constexpr std::string_view kChannelColumns =
    "Channels.Id, Channels.CreateAt, Channels.UpdateAt, Channels.DeleteAt, Channels.TeamId, "
    "Channels.Type, Channels.DisplayName, Channels.Name, Channels.Header, Channels.Purpose, "
    "Channels.LastPostAt, Channels.TotalMsgCount, Channels.ExtraUpdateAt, Channels.CreatorId, "
    "Channels.SchemeId, Channels.Props, Channels.GroupConstrained, Channels.Shared, "
    "Channels.TotalMsgCountRoot, Channels.LastRootPostAt";
inline constexpr int kChannelColumnCount = 20;

inline constexpr std::string_view kChannelMemberColumns =
    "ChannelMembers.ChannelId, ChannelMembers.UserId, ChannelMembers.Roles, "
    "ChannelMembers.LastViewedAt, ChannelMembers.MsgCount, ChannelMembers.MentionCount, "
    "ChannelMembers.MentionCountRoot, ChannelMembers.UrgentMentionCount, "
    "ChannelMembers.MsgCountRoot, ChannelMembers.NotifyProps, ChannelMembers.LastUpdateAt, "
    "ChannelMembers.SchemeUser, ChannelMembers.SchemeAdmin, ChannelMembers.SchemeGuest";
inline constexpr int kChannelMemberColumnCount = 14;

inline std::string channel_select(std::string_view rest) {
  return "SELECT " + std::string(kChannelColumns) + " FROM Channels " + std::string(rest);
}

inline std::string channel_member_select(std::string_view rest) {
  return "SELECT " + std::string(kChannelMemberColumns) + " FROM ChannelMembers " +
         std::string(rest);
}

// Reads a channel starting at column `i`.
inline model::Channel read_channel(const Stmt& s, int i = 0) {
  model::Channel c;
  c.id = s.text(i++);
  c.create_at = s.int64(i++);
  c.update_at = s.int64(i++);
  c.delete_at = s.int64(i++);
  c.team_id = s.text(i++);
  c.type = s.text(i++);
  c.display_name = s.text(i++);
  c.name = s.text(i++);
  c.header = s.text(i++);
  c.purpose = s.text(i++);
  c.last_post_at = s.int64(i++);
  c.total_msg_count = s.int64(i++);
  c.extra_update_at = s.int64(i++);
  c.creator_id = s.text(i++);
  c.scheme_id = s.text(i++);
  c.props = object_column(s, i++);
  c.group_constrained = s.boolean(i++);
  c.shared = s.boolean(i++);
  c.total_msg_count_root = s.int64(i++);
  c.last_root_post_at = s.int64(i++);
  return c;
}

// Reads a channel member starting at column `i`.
inline model::ChannelMember read_channel_member(const Stmt& s, int i = 0) {
  model::ChannelMember m;
  m.channel_id = s.text(i++);
  m.user_id = s.text(i++);
  m.explicit_roles = s.text(i++);
  m.last_viewed_at = s.int64(i++);
  m.msg_count = s.int64(i++);
  m.mention_count = s.int64(i++);
  m.mention_count_root = s.int64(i++);
  m.urgent_mention_count = s.int64(i++);
  m.msg_count_root = s.int64(i++);
  m.notify_props = object_column(s, i++);
  m.last_update_at = s.int64(i++);
  m.scheme_user = s.boolean(i++);
  m.scheme_admin = s.boolean(i++);
  m.scheme_guest = s.boolean(i++);
  return m;
}

inline std::vector<model::Channel> read_channels(Stmt& s) {
  std::vector<model::Channel> out;
  while (s.step()) out.push_back(read_channel(s));
  return out;
}

inline std::vector<model::ChannelMember> read_channel_members(Stmt& s) {
  std::vector<model::ChannelMember> out;
  while (s.step()) out.push_back(read_channel_member(s));
  return out;
}

// A JSON array of ids for "IN (SELECT value FROM json_each(?))".
inline std::string json_id_list(const std::vector<std::string>& ids) {
  return boost::json::serialize(boost::json::array(ids.begin(), ids.end()));
}

}  // namespace parley::store::sqlite
