// The ThreadStore queries, written once for both backends: `DbT` is store::sqlite::Db or
// store::postgres::Db (same read/write/prepare/bind/step API). Queries use $n placeholders,
// turned into SQLite's ?n when kSqlite.
#pragma once

#include "store/sql/dialect.h"
#include "store/sql/json_columns.h"
#include "store/thread_store.h"

#include <algorithm>
#include <string>

namespace parley::store::sql {

template <class DbT, bool kSqlite>
class SqlThreadStore final : public ThreadStore {
 public:
  explicit SqlThreadStore(DbT& db) : db_(db) {}

  void save(const Thread& t) override {
    db_.write([&](auto& c) {
      c
          .prepare(q<kSqlite>(
              "INSERT INTO Threads (PostId, ChannelId, ReplyCount, LastReplyAt, Participants, "
              "ThreadDeleteAt, ThreadTeamId) VALUES ($1, $2, $3, $4, $5, $6, $7) "
              "ON CONFLICT (PostId) DO UPDATE SET ChannelId = excluded.ChannelId, "
              "ReplyCount = excluded.ReplyCount, LastReplyAt = excluded.LastReplyAt, "
              "Participants = excluded.Participants, ThreadDeleteAt = excluded.ThreadDeleteAt, "
              "ThreadTeamId = excluded.ThreadTeamId"))
          .bind_all(t.post_id, t.channel_id, t.reply_count, t.last_reply_at,
                    json_string_list(t.participants), t.delete_at, t.team_id)
          .run();
    });
  }

  std::optional<Thread> get(std::string_view post_id) override {
    return db_.read([&](auto& c) -> std::optional<Thread> {
      auto s =
          c.prepare(q<kSqlite>(std::string(kThreadSelect) + "FROM Threads t WHERE t.PostId = $1"));
      s.bind(1, post_id);
      if (!s.step()) return std::nullopt;
      return read_thread(s);
    });
  }

  void remove(std::string_view post_id) override {
    db_.write([&](auto& c) {
      c.prepare(q<kSqlite>("DELETE FROM ThreadMemberships WHERE PostId = $1"))
          .bind(1, post_id)
          .run();
      c.prepare(q<kSqlite>("DELETE FROM Threads WHERE PostId = $1")).bind(1, post_id).run();
    });
  }

  std::optional<ThreadMembership> membership(std::string_view post_id,
                                             std::string_view user_id) override {
    return db_.read([&](auto& c) -> std::optional<ThreadMembership> {
      auto s =
          c.prepare(q<kSqlite>(std::string(kMemberSelect) +
                               "FROM ThreadMemberships m WHERE m.PostId = $1 AND m.UserId = $2"));
      s.bind_all(post_id, user_id);
      if (!s.step()) return std::nullopt;
      return read_member(s, 0);
    });
  }

  void save_membership(const ThreadMembership& m) override {
    db_.write([&](auto& c) {
      c.prepare(
           q<kSqlite>("INSERT INTO ThreadMemberships (PostId, UserId, Following, LastViewed, "
                      "LastUpdated, UnreadMentions) VALUES ($1, $2, $3, $4, $5, $6) "
                      "ON CONFLICT (PostId, UserId) DO UPDATE SET Following = excluded.Following, "
                      "LastViewed = excluded.LastViewed, LastUpdated = excluded.LastUpdated, "
                      "UnreadMentions = excluded.UnreadMentions"))
          .bind_all(m.post_id, m.user_id, m.following, m.last_viewed, m.last_updated,
                    m.unread_mentions)
          .run();
    });
  }

  std::vector<ThreadMembership> memberships(std::string_view post_id) override {
    return db_.read([&](auto& c) {
      auto s =
          c.prepare(q<kSqlite>(std::string(kMemberSelect) +
                               "FROM ThreadMemberships m WHERE m.PostId = $1 ORDER BY m.UserId"));
      s.bind(1, post_id);
      std::vector<ThreadMembership> out;
      while (s.step()) out.push_back(read_member(s, 0));
      return out;
    });
  }

  std::vector<ThreadMembership> user_memberships(
      std::string_view user_id, const std::vector<std::string>& post_ids) override {
    if (post_ids.empty()) return {};
    return db_.read([&](auto& c) {
      auto s =
          c.prepare(q<kSqlite>(std::string(kMemberSelect) +
                               "FROM ThreadMemberships m WHERE m.UserId = $1 AND m.PostId IN (" +
                               placeholders(post_ids.size(), 2) + ")"));
      s.bind(1, user_id);
      for (size_t i = 0; i < post_ids.size(); ++i) s.bind(static_cast<int>(i + 2), post_ids[i]);
      std::vector<ThreadMembership> out;
      while (s.step()) out.push_back(read_member(s, 0));
      return out;
    });
  }

  std::optional<UserThread> user_thread(std::string_view post_id,
                                        std::string_view user_id) override {
    return db_.read([&](auto& c) -> std::optional<UserThread> {
      auto s = c.prepare(
          q<kSqlite>(std::string(kUserThreadSelect) + "WHERE m.PostId = $1 AND m.UserId = $2"));
      s.bind_all(post_id, user_id);
      if (!s.step()) return std::nullopt;
      return read_user_thread(s);
    });
  }

  std::vector<UserThread> for_user(const UserThreadQuery& uq) override {
    return db_.read([&](auto& c) {
      std::string sql = std::string(kUserThreadSelect) + std::string(kFollowedWhere);
      if (!uq.include_deleted) sql += " AND t.ThreadDeleteAt = 0";
      if (uq.unread_only) sql += " AND t.LastReplyAt > m.LastViewed";
      sql += " AND m.LastUpdated > $3";
      bool after = uq.before.empty() && !uq.after.empty();
      std::string cursor = after ? uq.after : uq.before;
      // An unknown cursor thread gives an empty cursor row: no thread matches.
      if (!cursor.empty())
        sql += after ? " AND (t.LastReplyAt, t.PostId) > (SELECT LastReplyAt, PostId FROM Threads "
                       "WHERE PostId = $4)"
                     : " AND (t.LastReplyAt, t.PostId) < (SELECT LastReplyAt, PostId FROM Threads "
                       "WHERE PostId = $4)";
      else
        sql += " AND $4 = ''";
      sql += after ? " ORDER BY t.LastReplyAt ASC, t.PostId ASC"
                   : " ORDER BY t.LastReplyAt DESC, t.PostId DESC";
      sql += " LIMIT $5";
      auto s = c.prepare(q<kSqlite>(sql));
      s.bind_all(uq.user_id, uq.team_id, uq.since, cursor, static_cast<int64_t>(uq.per_page));
      std::vector<UserThread> out;
      while (s.step()) out.push_back(read_user_thread(s));
      if (after) std::reverse(out.begin(), out.end());
      return out;
    });
  }

  ThreadTotals totals(std::string_view user_id, std::string_view team_id, bool team_only) override {
    return db_.read([&](auto& c) {
      auto s = c.prepare(q<kSqlite>(
          "SELECT COUNT(*), COALESCE(SUM(CASE WHEN t.LastReplyAt > m.LastViewed THEN 1 ELSE 0 "
          "END), 0), COALESCE(SUM(m.UnreadMentions), 0), COALESCE(SUM(CASE WHEN p.Priority = "
          "'urgent' THEN m.UnreadMentions ELSE 0 END), 0) FROM ThreadMemberships m JOIN Threads "
          "t ON t.PostId = m.PostId LEFT JOIN Posts p ON p.Id = t.PostId " +
          std::string(kFollowedWhere) + " AND t.ThreadDeleteAt = 0" +
          (team_only ? " AND t.ThreadTeamId != ''" : "")));
      s.bind_all(user_id, team_id);
      s.step();
      return ThreadTotals{s.int64(0), s.int64(1), s.int64(2), s.int64(3)};
    });
  }

  std::vector<std::pair<std::string, int64_t>> mention_counts(std::string_view user_id,
                                                              std::string_view team_id) override {
    return db_.read([&](auto& c) {
      auto s =
          c.prepare(q<kSqlite>("SELECT t.ChannelId, SUM(m.UnreadMentions) FROM ThreadMemberships m "
                               "JOIN Threads t ON t.PostId = m.PostId " +
                               std::string(kFollowedWhere) +
                               " AND t.ThreadDeleteAt = 0 GROUP BY t.ChannelId HAVING "
                               "SUM(m.UnreadMentions) > 0 ORDER BY t.ChannelId"));
      s.bind_all(user_id, team_id);
      std::vector<std::pair<std::string, int64_t>> out;
      while (s.step()) out.emplace_back(s.text(0), s.int64(1));
      return out;
    });
  }

  int64_t mark_all_read(std::string_view user_id, std::string_view team_id, int64_t at) override {
    return db_.write([&](auto& c) {
      auto s = c.prepare(q<kSqlite>(
          "UPDATE ThreadMemberships SET LastViewed = $3, LastUpdated = $3, UnreadMentions = 0 "
          "WHERE UserId = $1 AND Following = 1 AND PostId IN (SELECT t.PostId FROM Threads t "
          "WHERE (t.ThreadTeamId = $2 OR t.ThreadTeamId = '') AND t.LastReplyAt > "
          "ThreadMemberships.LastViewed)"));
      s.bind_all(user_id, team_id, at);
      if constexpr (kSqlite) {
        s.run();
        return c.changes();
      } else {
        return s.changes();
      }
    });
  }

  void mark_channel_read(std::string_view user_id, std::string_view channel_id,
                         int64_t at) override {
    db_.write([&](auto& c) {
      c.prepare(
           q<kSqlite>("UPDATE ThreadMemberships SET LastViewed = $3, LastUpdated = $3, "
                      "UnreadMentions = 0 WHERE UserId = $1 AND PostId IN (SELECT t.PostId FROM "
                      "Threads t WHERE t.ChannelId = $2 AND t.LastReplyAt > "
                      "ThreadMemberships.LastViewed)"))
          .bind_all(user_id, channel_id, at)
          .run();
    });
  }

 private:
  static constexpr std::string_view kThreadSelect =
      "SELECT t.PostId, t.ChannelId, t.ReplyCount, t.LastReplyAt, t.Participants, "
      "t.ThreadDeleteAt, t.ThreadTeamId ";
  static constexpr std::string_view kMemberSelect =
      "SELECT m.PostId, m.UserId, m.Following, m.LastViewed, m.LastUpdated, m.UnreadMentions ";
  static constexpr std::string_view kUserThreadSelect =
      "SELECT t.PostId, t.ChannelId, t.ReplyCount, t.LastReplyAt, t.Participants, "
      "t.ThreadDeleteAt, t.ThreadTeamId, m.PostId, m.UserId, m.Following, m.LastViewed, "
      "m.LastUpdated, m.UnreadMentions, (SELECT COUNT(*) FROM Posts p WHERE p.RootId = t.PostId "
      "AND p.DeleteAt = 0 AND p.CreateAt > m.LastViewed) FROM ThreadMemberships m JOIN Threads t "
      "ON t.PostId = m.PostId ";
  // $1 user, $2 team.
  static constexpr std::string_view kFollowedWhere =
      "WHERE m.UserId = $1 AND m.Following = 1 AND (t.ThreadTeamId = $2 OR t.ThreadTeamId = '') "
      "AND EXISTS (SELECT 1 FROM ChannelMembers cm WHERE cm.ChannelId = t.ChannelId AND "
      "cm.UserId = m.UserId)";

  template <class Row>
  static Thread read_thread(const Row& s) {
    Thread t;
    t.post_id = s.text(0);
    t.channel_id = s.text(1);
    t.reply_count = s.int64(2);
    t.last_reply_at = s.int64(3);
    t.participants = parse_string_list(s.text(4));
    t.delete_at = s.int64(5);
    t.team_id = s.text(6);
    return t;
  }
  template <class Row>
  static ThreadMembership read_member(const Row& s, int at) {
    ThreadMembership m;
    m.post_id = s.text(at);
    m.user_id = s.text(at + 1);
    m.following = s.boolean(at + 2);
    m.last_viewed = s.int64(at + 3);
    m.last_updated = s.int64(at + 4);
    m.unread_mentions = s.int64(at + 5);
    return m;
  }
  template <class Row>
  static UserThread read_user_thread(const Row& s) {
    return UserThread{read_thread(s), read_member(s, 7), s.int64(13)};
  }

  DbT& db_;
};

}  // namespace parley::store::sql
