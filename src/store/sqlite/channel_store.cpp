// SQLite queries for channels and channel members.
#include "store/sqlite/channel_store.h"

#include "store/sqlite/row.h"

namespace parley::store::sqlite {
namespace {
constexpr std::string_view kChannelSelect =
    "SELECT Id, CreateAt, UpdateAt, DeleteAt, TeamId, Type, DisplayName, Name, Header, Purpose, "
    "LastPostAt, TotalMsgCount, ExtraUpdateAt, CreatorId, SchemeId, Props, GroupConstrained, "
    "Shared, TotalMsgCountRoot, LastRootPostAt FROM Channels ";
constexpr std::string_view kMemberSelect =
    "SELECT ChannelId, UserId, Roles, LastViewedAt, MsgCount, MentionCount, MentionCountRoot, "
    "UrgentMentionCount, MsgCountRoot, NotifyProps, LastUpdateAt, SchemeUser, SchemeAdmin, "
    "SchemeGuest FROM ChannelMembers ";

model::Channel read_channel(const Stmt& s) {
  model::Channel c;
  int i = 0;
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

model::ChannelMember read_member(const Stmt& s) {
  model::ChannelMember m;
  int i = 0;
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
}  // namespace

std::optional<model::Channel> SqliteChannelStore::get(std::string_view id) {
  return db_.read([&](Conn& c) -> std::optional<model::Channel> {
    auto s = c.prepare(std::string(kChannelSelect) + "WHERE Id = ?");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    return read_channel(s);
  });
}

std::optional<model::ChannelMember> SqliteChannelStore::get_member(std::string_view channel_id,
                                                                   std::string_view user_id) {
  return db_.read([&](Conn& c) -> std::optional<model::ChannelMember> {
    auto s = c.prepare(std::string(kMemberSelect) + "WHERE ChannelId = ? AND UserId = ?");
    s.bind_all(channel_id, user_id);
    if (!s.step()) return std::nullopt;
    return read_member(s);
  });
}

std::vector<std::string> SqliteChannelStore::member_user_ids(std::string_view channel_id) {
  return db_.read([&](Conn& c) {
    auto s = c.prepare("SELECT UserId FROM ChannelMembers WHERE ChannelId = ?");
    s.bind(1, channel_id);
    std::vector<std::string> out;
    while (s.step()) out.push_back(s.text(0));
    return out;
  });
}

}  // namespace parley::store::sqlite
