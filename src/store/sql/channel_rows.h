// Channels and ChannelMembers columns and row mapping shared by the SQLite and PostgreSQL
// channel stores.
#pragma once

#include "model/channel.h"
#include "store/channel_store.h"
#include "store/sql/json_columns.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace parley::store::sql {

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

// Columns read by read_unread, from ChannelMembers joined with Channels.
inline constexpr std::string_view kUnreadColumns =
    "Channels.TeamId, Channels.Id, Channels.TotalMsgCount - ChannelMembers.MsgCount, "
    "ChannelMembers.MentionCount, ChannelMembers.MentionCountRoot, "
    "ChannelMembers.UrgentMentionCount, "
    "Channels.TotalMsgCountRoot - ChannelMembers.MsgCountRoot, ChannelMembers.NotifyProps";

inline std::string channel_select(std::string_view rest) {
  return "SELECT " + std::string(kChannelColumns) + " FROM Channels " + std::string(rest);
}

inline std::string channel_member_select(std::string_view rest) {
  return "SELECT " + std::string(kChannelMemberColumns) + " FROM ChannelMembers " +
         std::string(rest);
}

// Reads a channel starting at column `i`.
template <class Row>
model::Channel read_channel(const Row& s, int i = 0) {
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
template <class Row>
model::ChannelMember read_channel_member(const Row& s, int i = 0) {
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

template <class Stmt>
std::vector<model::Channel> read_channels(Stmt& s) {
  std::vector<model::Channel> out;
  while (s.step()) out.push_back(read_channel(s));
  return out;
}

template <class Stmt>
std::vector<model::ChannelMember> read_channel_members(Stmt& s) {
  std::vector<model::ChannelMember> out;
  while (s.step()) out.push_back(read_channel_member(s));
  return out;
}

// ChannelStore::mention_members, in PostgreSQL's placeholders (sql::q turns them into SQLite's).
inline constexpr std::string_view kMentionMemberSelect =
    "SELECT ChannelMembers.UserId, Users.Username, Users.FirstName, Users.NotifyProps, "
    "ChannelMembers.NotifyProps FROM ChannelMembers JOIN Users ON Users.Id = "
    "ChannelMembers.UserId WHERE ChannelMembers.ChannelId = $1 ORDER BY ChannelMembers.UserId";

template <class Stmt>
MentionMembers read_mention_members(Stmt& s) {
  auto out = std::make_shared<std::vector<MentionMember>>();
  while (s.step())
    out->push_back({s.text(0), s.text(1), s.text(2), object_column(s, 3), object_column(s, 4)});
  return out;
}

template <class Row>
model::ChannelUnread read_unread(const Row& s) {
  model::ChannelUnread u;
  u.team_id = s.text(0);
  u.channel_id = s.text(1);
  u.msg_count = std::max<int64_t>(0, s.int64(2));
  u.mention_count = s.int64(3);
  u.mention_count_root = s.int64(4);
  u.urgent_mention_count = s.int64(5);
  u.msg_count_root = std::max<int64_t>(0, s.int64(6));
  u.notify_props = object_column(s, 7);
  return u;
}

// Binds the 20 channel columns in kChannelColumns order to parameters 1..20.
template <class Stmt>
void bind_channel(Stmt& s, const model::Channel& ch) {
  s.bind_all(ch.id, ch.create_at, ch.update_at, ch.delete_at, ch.team_id, ch.type, ch.display_name,
             ch.name, ch.header, ch.purpose, ch.last_post_at, ch.total_msg_count,
             ch.extra_update_at, ch.creator_id, ch.scheme_id, to_text(ch.props),
             ch.group_constrained, ch.shared, ch.total_msg_count_root, ch.last_root_post_at);
}

// Words of a channel search term with a leading '~' or '#' dropped, as LIKE prefixes.
inline std::vector<std::string> channel_search_prefixes(std::string_view term) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos < term.size()) {
    while (pos < term.size() && term[pos] == ' ') ++pos;
    std::size_t end = term.find(' ', pos);
    if (end == std::string_view::npos) end = term.size();
    if (end > pos) {
      std::string word(term.substr(pos, end - pos));
      if (!word.empty() && (word.front() == '~' || word.front() == '#')) word.erase(0, 1);
      out.push_back(like_prefix(word));
    }
    pos = end;
  }
  return out;
}

}  // namespace parley::store::sql
