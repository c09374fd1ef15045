// SQLite queries for channel memberships, member counts and unread bookkeeping.
#include "store/sql/dialect.h"
#include "store/sqlite/channel_rows.h"
#include "store/sqlite/channel_store.h"

#include <algorithm>

namespace parley::store::sqlite {
namespace {

using sql::read_unread;

const std::string kUnreadSelect = "SELECT " + std::string(sql::kUnreadColumns) +
                                  " FROM ChannelMembers JOIN Channels ON Channels.Id = "
                                  "ChannelMembers.ChannelId ";

}  // namespace

std::optional<model::ChannelMember> SqliteChannelStore::get_member(std::string_view channel_id,
                                                                   std::string_view user_id) {
  return db_.read([&](Conn& c) -> std::optional<model::ChannelMember> {
    auto s = c.prepare(channel_member_select("WHERE ChannelId = ? AND UserId = ?"));
    s.bind_all(channel_id, user_id);
    if (!s.step()) return std::nullopt;
    return read_channel_member(s);
  });
}

void SqliteChannelStore::save_member(const model::ChannelMember& m) {
  db_.write([&](Conn& c) {
    c.prepare(
         "INSERT INTO ChannelMembers (ChannelId, UserId, Roles, LastViewedAt, MsgCount, "
         "MentionCount, MentionCountRoot, UrgentMentionCount, MsgCountRoot, NotifyProps, "
         "LastUpdateAt, SchemeUser, SchemeAdmin, SchemeGuest) "
         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind_all(m.channel_id, m.user_id, m.explicit_roles, m.last_viewed_at, m.msg_count,
                  m.mention_count, m.mention_count_root, m.urgent_mention_count, m.msg_count_root,
                  to_text(m.notify_props), m.last_update_at, m.scheme_user, m.scheme_admin,
                  m.scheme_guest)
        .run();
  });
}

void SqliteChannelStore::update_member(const model::ChannelMember& m) {
  db_.write([&](Conn& c) {
    c.prepare(
         "UPDATE ChannelMembers SET Roles = ?, LastViewedAt = ?, MsgCount = ?, MentionCount = ?, "
         "MentionCountRoot = ?, UrgentMentionCount = ?, MsgCountRoot = ?, NotifyProps = ?, "
         "LastUpdateAt = ?, SchemeUser = ?, SchemeAdmin = ?, SchemeGuest = ? "
         "WHERE ChannelId = ? AND UserId = ?")
        .bind_all(m.explicit_roles, m.last_viewed_at, m.msg_count, m.mention_count,
                  m.mention_count_root, m.urgent_mention_count, m.msg_count_root,
                  to_text(m.notify_props), m.last_update_at, m.scheme_user, m.scheme_admin,
                  m.scheme_guest, m.channel_id, m.user_id)
        .run();
  });
}

void SqliteChannelStore::remove_member(std::string_view channel_id, std::string_view user_id) {
  db_.write([&](Conn& c) {
    c.prepare("DELETE FROM ChannelMembers WHERE ChannelId = ? AND UserId = ?")
        .bind_all(channel_id, user_id)
        .run();
  });
}

void SqliteChannelStore::remove_team_memberships(std::string_view team_id,
                                                 std::string_view user_id) {
  db_.write([&](Conn& c) {
    c.prepare(
         "DELETE FROM ChannelMembers WHERE UserId = ? AND ChannelId IN (SELECT Id FROM Channels "
         "WHERE TeamId = ? AND Type IN ('O', 'P'))")
        .bind_all(user_id, team_id)
        .run();
  });
}

std::vector<model::ChannelMember> SqliteChannelStore::members(std::string_view channel_id,
                                                              int offset, int limit) {
  return db_.read([&](Conn& c) {
    auto s =
        c.prepare(channel_member_select("WHERE ChannelId = ? ORDER BY UserId LIMIT ? OFFSET ?"));
    s.bind_all(channel_id, static_cast<int64_t>(limit), static_cast<int64_t>(offset));
    return read_channel_members(s);
  });
}

std::vector<model::ChannelMember> SqliteChannelStore::members_by_ids(
    std::string_view channel_id, const std::vector<std::string>& user_ids) {
  if (user_ids.empty()) return {};
  return db_.read([&](Conn& c) {
    auto s = c.prepare(channel_member_select(
        "WHERE ChannelId = ? AND UserId IN (SELECT value FROM json_each(?)) ORDER BY UserId"));
    s.bind_all(channel_id, json_id_list(user_ids));
    return read_channel_members(s);
  });
}

std::vector<model::ChannelMember> SqliteChannelStore::members_for_user_in_team(
    std::string_view user_id, std::string_view team_id) {
  return db_.read([&](Conn& c) {
    auto s = c.prepare(channel_member_select(
        "JOIN Channels ON Channels.Id = ChannelMembers.ChannelId WHERE ChannelMembers.UserId = ? "
        "AND (Channels.TeamId = ? OR Channels.TeamId = '') ORDER BY ChannelMembers.ChannelId"));
    s.bind_all(user_id, team_id);
    return read_channel_members(s);
  });
}

std::vector<ChannelMemberWithTeam> SqliteChannelStore::members_for_user(std::string_view user_id,
                                                                        int offset, int limit) {
  std::string sql = "SELECT " + std::string(kChannelMemberColumns) +
                    ", COALESCE(Teams.DisplayName, ''), COALESCE(Teams.Name, ''), "
                    "COALESCE(Teams.UpdateAt, 0) FROM ChannelMembers JOIN Channels ON "
                    "Channels.Id = ChannelMembers.ChannelId LEFT JOIN Teams ON Teams.Id = "
                    "Channels.TeamId WHERE ChannelMembers.UserId = ? ORDER BY "
                    "ChannelMembers.ChannelId LIMIT ? OFFSET ?";
  return db_.read([&](Conn& c) {
    auto s = c.prepare(sql);
    s.bind_all(user_id, static_cast<int64_t>(limit < 0 ? -1 : limit), static_cast<int64_t>(offset));
    std::vector<ChannelMemberWithTeam> out;
    while (s.step()) {
      ChannelMemberWithTeam m;
      m.member = read_channel_member(s);
      m.team_display_name = s.text(kChannelMemberColumnCount);
      m.team_name = s.text(kChannelMemberColumnCount + 1);
      m.team_update_at = s.int64(kChannelMemberColumnCount + 2);
      out.push_back(std::move(m));
    }
    return out;
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

MentionMembers SqliteChannelStore::mention_members(std::string_view channel_id) {
  return db_.read([&](Conn& c) {
    auto s = c.prepare(sql::q<true>(std::string(sql::kMentionMemberSelect)));
    s.bind(1, channel_id);
    return sql::read_mention_members(s);
  });
}

int64_t SqliteChannelStore::count_query(std::string_view sql, std::string_view channel_id) {
  return db_.read([&](Conn& c) {
    auto s = c.prepare(sql);
    s.bind(1, channel_id);
    s.step();
    return s.int64(0);
  });
}

int64_t SqliteChannelStore::member_count(std::string_view channel_id) {
  return count_query(
      "SELECT COUNT(*) FROM ChannelMembers JOIN Users ON Users.Id = ChannelMembers.UserId "
      "WHERE ChannelMembers.ChannelId = ? AND Users.DeleteAt = 0",
      channel_id);
}

int64_t SqliteChannelStore::guest_count(std::string_view channel_id) {
  return count_query(
      "SELECT COUNT(*) FROM ChannelMembers JOIN Users ON Users.Id = ChannelMembers.UserId "
      "WHERE ChannelMembers.ChannelId = ? AND Users.DeleteAt = 0 AND "
      "(' ' || Users.Roles || ' ') LIKE '% system_guest %'",
      channel_id);
}

std::map<std::string, int64_t> SqliteChannelStore::member_counts(
    const std::vector<std::string>& ids) {
  std::map<std::string, int64_t> out;
  if (ids.empty()) return out;
  return db_.read([&](Conn& c) {
    auto s = c.prepare(
        "SELECT ChannelMembers.ChannelId, COUNT(*) FROM ChannelMembers JOIN Users ON Users.Id = "
        "ChannelMembers.UserId WHERE ChannelMembers.ChannelId IN (SELECT value FROM json_each(?)) "
        "AND Users.DeleteAt = 0 GROUP BY ChannelMembers.ChannelId");
    s.bind(1, json_id_list(ids));
    while (s.step()) out[s.text(0)] = s.int64(1);
    return out;
  });
}

int64_t SqliteChannelStore::pinned_post_count(std::string_view channel_id) {
  return count_query(
      "SELECT COUNT(*) FROM Posts WHERE ChannelId = ? AND IsPinned = 1 AND DeleteAt = 0",
      channel_id);
}

int64_t SqliteChannelStore::file_count(std::string_view channel_id) {
  return count_query(
      "SELECT COALESCE(SUM(CASE WHEN json_valid(FileIds) THEN json_array_length(FileIds) ELSE 0 "
      "END), 0) FROM Posts WHERE ChannelId = ? AND DeleteAt = 0",
      channel_id);
}

std::optional<std::string> SqliteChannelStore::post_channel_id(std::string_view post_id) {
  return db_.read([&](Conn& c) -> std::optional<std::string> {
    auto s = c.prepare("SELECT ChannelId FROM Posts WHERE Id = ? AND DeleteAt = 0");
    s.bind(1, post_id);
    if (!s.step()) return std::nullopt;
    return s.text(0);
  });
}

ViewResult SqliteChannelStore::mark_viewed(std::string_view user_id,
                                           const std::vector<std::string>& channel_ids) {
  ViewResult out;
  if (channel_ids.empty()) return out;
  db_.write([&](Conn& c) {
    auto s = c.prepare(
        "SELECT Channels.Id, Channels.LastPostAt, Channels.TotalMsgCount, "
        "Channels.TotalMsgCountRoot, ChannelMembers.MsgCount, ChannelMembers.MentionCount, "
        "ChannelMembers.LastViewedAt FROM ChannelMembers JOIN Channels ON Channels.Id = "
        "ChannelMembers.ChannelId WHERE ChannelMembers.UserId = ? AND ChannelMembers.ChannelId "
        "IN (SELECT value FROM json_each(?))");
    s.bind_all(user_id, json_id_list(channel_ids));
    struct Row {
      std::string id;
      int64_t last_post_at, total, total_root, last_viewed_at;
    };
    std::vector<Row> rows;
    while (s.step()) {
      Row r{s.text(0), s.int64(1), s.int64(2), s.int64(3), s.int64(6)};
      out.times[r.id] = r.last_post_at;
      if (r.total - s.int64(4) > 0 || s.int64(5) > 0) rows.push_back(std::move(r));
    }
    for (const auto& r : rows) {
      int64_t viewed = std::max(r.last_viewed_at, r.last_post_at);
      c.prepare(
           "UPDATE ChannelMembers SET MentionCount = 0, MentionCountRoot = 0, "
           "UrgentMentionCount = 0, MsgCount = MAX(MsgCount, ?), MsgCountRoot = "
           "MAX(MsgCountRoot, ?), LastViewedAt = ?, LastUpdateAt = ? WHERE ChannelId = ? AND "
           "UserId = ?")
          .bind_all(r.total, r.total_root, viewed, viewed, r.id, user_id)
          .run();
      out.viewed.push_back(r.id);
    }
  });
  return out;
}

std::optional<model::ChannelUnread> SqliteChannelStore::unread(std::string_view channel_id,
                                                               std::string_view user_id) {
  return db_.read([&](Conn& c) -> std::optional<model::ChannelUnread> {
    auto s = c.prepare(std::string(kUnreadSelect) +
                       "WHERE ChannelMembers.ChannelId = ? AND ChannelMembers.UserId = ?");
    s.bind_all(channel_id, user_id);
    if (!s.step()) return std::nullopt;
    return read_unread(s);
  });
}

std::vector<model::ChannelUnread> SqliteChannelStore::unreads_for_user(std::string_view user_id) {
  return db_.read([&](Conn& c) {
    auto s = c.prepare(std::string(kUnreadSelect) +
                       "WHERE ChannelMembers.UserId = ? AND Channels.DeleteAt = 0 AND "
                       "Channels.TeamId != '' ORDER BY Channels.TeamId");
    s.bind(1, user_id);
    std::vector<model::ChannelUnread> out;
    while (s.step()) out.push_back(read_unread(s));
    return out;
  });
}

}  // namespace parley::store::sqlite
