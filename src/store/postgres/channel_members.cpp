// PostgreSQL queries for channel memberships, member counts and unread bookkeeping.
#include "store/postgres/channel_store.h"
#include "store/postgres/row.h"
#include "store/sql/channel_rows.h"

#include <algorithm>

namespace parley::store::postgres {
namespace {

using sql::channel_member_select;

const std::string kUnreadSelect = "SELECT " + std::string(sql::kUnreadColumns) +
                                  " FROM ChannelMembers JOIN Channels ON Channels.Id = "
                                  "ChannelMembers.ChannelId ";

std::vector<model::ChannelMember> read_members(Stmt& s) {
  return collect<model::ChannelMember>(s,
                                       [](const Stmt& r) { return sql::read_channel_member(r); });
}

}  // namespace

std::optional<model::ChannelMember> PgChannelStore::get_member(std::string_view channel_id,
                                                               std::string_view user_id) {
  return db_.read([&](Conn& c) -> std::optional<model::ChannelMember> {
    auto s = c.prepare(channel_member_select("WHERE ChannelId = $1 AND UserId = $2"));
    s.bind_all(channel_id, user_id);
    if (!s.step()) return std::nullopt;
    return sql::read_channel_member(s);
  });
}

void PgChannelStore::save_member(const model::ChannelMember& m) {
  db_.write([&](Conn& c) {
    c.prepare(
         "INSERT INTO ChannelMembers (ChannelId, UserId, Roles, LastViewedAt, MsgCount, "
         "MentionCount, MentionCountRoot, UrgentMentionCount, MsgCountRoot, NotifyProps, "
         "LastUpdateAt, SchemeUser, SchemeAdmin, SchemeGuest) "
         "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)")
        .bind_all(m.channel_id, m.user_id, m.explicit_roles, m.last_viewed_at, m.msg_count,
                  m.mention_count, m.mention_count_root, m.urgent_mention_count, m.msg_count_root,
                  to_text(m.notify_props), m.last_update_at, m.scheme_user, m.scheme_admin,
                  m.scheme_guest)
        .run();
  });
}

void PgChannelStore::update_member(const model::ChannelMember& m) {
  db_.write([&](Conn& c) {
    c.prepare(
         "UPDATE ChannelMembers SET Roles = $1, LastViewedAt = $2, MsgCount = $3, "
         "MentionCount = $4, MentionCountRoot = $5, UrgentMentionCount = $6, MsgCountRoot = $7, "
         "NotifyProps = $8, LastUpdateAt = $9, SchemeUser = $10, SchemeAdmin = $11, "
         "SchemeGuest = $12 WHERE ChannelId = $13 AND UserId = $14")
        .bind_all(m.explicit_roles, m.last_viewed_at, m.msg_count, m.mention_count,
                  m.mention_count_root, m.urgent_mention_count, m.msg_count_root,
                  to_text(m.notify_props), m.last_update_at, m.scheme_user, m.scheme_admin,
                  m.scheme_guest, m.channel_id, m.user_id)
        .run();
  });
}

void PgChannelStore::remove_member(std::string_view channel_id, std::string_view user_id) {
  db_.write([&](Conn& c) {
    c.prepare("DELETE FROM ChannelMembers WHERE ChannelId = $1 AND UserId = $2")
        .bind_all(channel_id, user_id)
        .run();
  });
}

void PgChannelStore::remove_team_memberships(std::string_view team_id, std::string_view user_id) {
  db_.write([&](Conn& c) {
    c.prepare(
         "DELETE FROM ChannelMembers WHERE UserId = $1 AND ChannelId IN (SELECT Id FROM Channels "
         "WHERE TeamId = $2 AND Type IN ('O', 'P'))")
        .bind_all(user_id, team_id)
        .run();
  });
}

std::vector<model::ChannelMember> PgChannelStore::members(std::string_view channel_id, int offset,
                                                          int limit) {
  return db_.read([&](Conn& c) {
    auto s =
        c.prepare(channel_member_select("WHERE ChannelId = $1 ORDER BY UserId LIMIT $2 OFFSET $3"));
    s.bind_all(channel_id, int64_t{limit}, int64_t{offset});
    return read_members(s);
  });
}

std::vector<model::ChannelMember> PgChannelStore::members_by_ids(
    std::string_view channel_id, const std::vector<std::string>& user_ids) {
  if (user_ids.empty()) return {};
  return db_.read([&](Conn& c) {
    auto s = c.prepare(
        channel_member_select("WHERE ChannelId = $1 AND UserId = ANY($2::text[]) ORDER BY UserId"));
    s.bind_all(channel_id, text_array(user_ids));
    return read_members(s);
  });
}

std::vector<model::ChannelMember> PgChannelStore::members_for_user_in_team(
    std::string_view user_id, std::string_view team_id) {
  return db_.read([&](Conn& c) {
    auto s = c.prepare(channel_member_select(
        "JOIN Channels ON Channels.Id = ChannelMembers.ChannelId WHERE ChannelMembers.UserId = $1 "
        "AND (Channels.TeamId = $2 OR Channels.TeamId = '') ORDER BY ChannelMembers.ChannelId"));
    s.bind_all(user_id, team_id);
    return read_members(s);
  });
}

std::vector<ChannelMemberWithTeam> PgChannelStore::members_for_user(std::string_view user_id,
                                                                    int offset, int limit) {
  std::string sql = "SELECT " + std::string(sql::kChannelMemberColumns) +
                    ", COALESCE(Teams.DisplayName, ''), COALESCE(Teams.Name, ''), "
                    "COALESCE(Teams.UpdateAt, 0) FROM ChannelMembers JOIN Channels ON "
                    "Channels.Id = ChannelMembers.ChannelId LEFT JOIN Teams ON Teams.Id = "
                    "Channels.TeamId WHERE ChannelMembers.UserId = $1 ORDER BY "
                    "ChannelMembers.ChannelId LIMIT $2 OFFSET $3";
  return db_.read([&](Conn& c) {
    auto s = c.prepare(sql);
    s.bind(1, user_id);
    if (limit < 0)
      s.bind_null(2);  // LIMIT NULL: no limit (SQLite's LIMIT -1)
    else
      s.bind(2, int64_t{limit});
    s.bind(3, int64_t{offset});
    std::vector<ChannelMemberWithTeam> out;
    constexpr int n = sql::kChannelMemberColumnCount;
    while (s.step()) {
      ChannelMemberWithTeam m;
      m.member = sql::read_channel_member(s);
      m.team_display_name = s.text(n);
      m.team_name = s.text(n + 1);
      m.team_update_at = s.int64(n + 2);
      out.push_back(std::move(m));
    }
    return out;
  });
}

std::vector<std::string> PgChannelStore::member_user_ids(std::string_view channel_id) {
  return db_.read([&](Conn& c) {
    auto s = c.prepare("SELECT UserId FROM ChannelMembers WHERE ChannelId = $1");
    s.bind(1, channel_id);
    return strings(s);
  });
}

MentionMembers PgChannelStore::mention_members(std::string_view channel_id) {
  return db_.read([&](Conn& c) {
    auto s = c.prepare(std::string(sql::kMentionMemberSelect));
    s.bind(1, channel_id);
    return sql::read_mention_members(s);
  });
}

int64_t PgChannelStore::count_query(std::string_view sql, std::string_view channel_id) {
  return db_.read([&](Conn& c) {
    auto s = c.prepare(sql);
    s.bind(1, channel_id);
    s.step();
    return s.int64(0);
  });
}

int64_t PgChannelStore::member_count(std::string_view channel_id) {
  return count_query(
      "SELECT COUNT(*) FROM ChannelMembers JOIN Users ON Users.Id = ChannelMembers.UserId "
      "WHERE ChannelMembers.ChannelId = $1 AND Users.DeleteAt = 0",
      channel_id);
}

int64_t PgChannelStore::guest_count(std::string_view channel_id) {
  return count_query(
      "SELECT COUNT(*) FROM ChannelMembers JOIN Users ON Users.Id = ChannelMembers.UserId "
      "WHERE ChannelMembers.ChannelId = $1 AND Users.DeleteAt = 0 AND "
      "(' ' || Users.Roles || ' ') ILIKE '% system_guest %'",
      channel_id);
}

std::map<std::string, int64_t> PgChannelStore::member_counts(const std::vector<std::string>& ids) {
  if (ids.empty()) return {};
  return db_.read([&](Conn& c) {
    std::map<std::string, int64_t> out;
    auto s = c.prepare(
        "SELECT ChannelMembers.ChannelId, COUNT(*) FROM ChannelMembers JOIN Users ON Users.Id = "
        "ChannelMembers.UserId WHERE ChannelMembers.ChannelId = ANY($1::text[]) "
        "AND Users.DeleteAt = 0 GROUP BY ChannelMembers.ChannelId");
    s.bind(1, text_array(ids));
    while (s.step()) out[s.text(0)] = s.int64(1);
    return out;
  });
}

int64_t PgChannelStore::pinned_post_count(std::string_view channel_id) {
  return count_query(
      "SELECT COUNT(*) FROM Posts WHERE ChannelId = $1 AND IsPinned = 1 AND DeleteAt = 0",
      channel_id);
}

int64_t PgChannelStore::file_count(std::string_view channel_id) {
  // FileIds holds a JSON array written by the post store; anything else counts as none.
  return count_query(
      "SELECT COALESCE(SUM(CASE WHEN FileIds LIKE '[%]' THEN json_array_length(FileIds::json) "
      "ELSE 0 END), 0) FROM Posts WHERE ChannelId = $1 AND DeleteAt = 0",
      channel_id);
}

std::optional<std::string> PgChannelStore::post_channel_id(std::string_view post_id) {
  return db_.read([&](Conn& c) -> std::optional<std::string> {
    auto s = c.prepare("SELECT ChannelId FROM Posts WHERE Id = $1 AND DeleteAt = 0");
    s.bind(1, post_id);
    if (!s.step()) return std::nullopt;
    return s.text(0);
  });
}

ViewResult PgChannelStore::mark_viewed(std::string_view user_id,
                                       const std::vector<std::string>& channel_ids) {
  ViewResult out;
  if (channel_ids.empty()) return out;
  db_.write([&](Conn& c) {
    auto s = c.prepare(
        "SELECT Channels.Id, Channels.LastPostAt, Channels.TotalMsgCount, "
        "Channels.TotalMsgCountRoot, ChannelMembers.MsgCount, ChannelMembers.MentionCount, "
        "ChannelMembers.LastViewedAt FROM ChannelMembers JOIN Channels ON Channels.Id = "
        "ChannelMembers.ChannelId WHERE ChannelMembers.UserId = $1 AND ChannelMembers.ChannelId "
        "= ANY($2::text[])");
    s.bind_all(user_id, text_array(channel_ids));
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
           "UrgentMentionCount = 0, MsgCount = GREATEST(MsgCount, $1), MsgCountRoot = "
           "GREATEST(MsgCountRoot, $2), LastViewedAt = $3, LastUpdateAt = $4 WHERE ChannelId = "
           "$5 AND UserId = $6")
          .bind_all(r.total, r.total_root, viewed, viewed, r.id, user_id)
          .run();
      out.viewed.push_back(r.id);
    }
  });
  return out;
}

std::optional<model::ChannelUnread> PgChannelStore::unread(std::string_view channel_id,
                                                           std::string_view user_id) {
  return db_.read([&](Conn& c) -> std::optional<model::ChannelUnread> {
    auto s = c.prepare(kUnreadSelect +
                       "WHERE ChannelMembers.ChannelId = $1 AND ChannelMembers.UserId = $2");
    s.bind_all(channel_id, user_id);
    if (!s.step()) return std::nullopt;
    return sql::read_unread(s);
  });
}

std::vector<model::ChannelUnread> PgChannelStore::unreads_for_user(std::string_view user_id) {
  return db_.read([&](Conn& c) {
    auto s = c.prepare(kUnreadSelect +
                       "WHERE ChannelMembers.UserId = $1 AND Channels.DeleteAt = 0 AND "
                       "Channels.TeamId != '' ORDER BY Channels.TeamId");
    s.bind(1, user_id);
    return collect<model::ChannelUnread>(s, [](const Stmt& r) { return sql::read_unread(r); });
  });
}

}  // namespace parley::store::postgres
