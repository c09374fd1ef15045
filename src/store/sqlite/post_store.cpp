// SQLite queries for posts: insert with channel/member counters, edits, soft deletes and the
// channel, thread and time-cursor listings.
#include "store/sqlite/post_store.h"

#include "store/sql/post_rows.h"

#include "util/ids.h"

#include <algorithm>

namespace parley::store::sqlite {
namespace {

namespace bj = boost::json;

constexpr std::string_view kColumns = sql::kPostColumns;

std::string select_sql(std::string_view where_order) {
  return sql::post_select(where_order);
}

std::string ids_json(const std::vector<std::string>& ids) {
  return sql::json_string_list(ids);
}

model::Post read_post(const Stmt& s, bool keep_pending = false) {
  return sql::read_post(s, keep_pending);
}

void bind_fields(Stmt& s, const model::Post& p, int first) {
  sql::bind_post_fields(s, p, first);
}

}  // namespace

std::vector<model::Post> SqlitePostStore::select(const std::string& where_order,
                                                 const std::vector<Arg>& args,
                                                 std::size_t expected) {
  return db_.read([&](Conn& c) {
    auto s = c.prepare(select_sql(where_order));
    bind_args(s, args);
    std::vector<model::Post> out;
    out.reserve(std::min<std::size_t>(expected, 1000));
    while (s.step()) out.push_back(read_post(s));
    return out;
  });
}

void SqlitePostStore::insert(model::Post& p, const PostSaveEffects& effects) {
  db_.write([&](Conn& c) {
    // The channel's counters, read and rewritten by value: this runs on the only writer, inside
    // its transaction, so nothing changes them in between (and a subquery or RETURNING would
    // cost SQLite a temporary table per post).
    auto ch = c.prepare(
        "SELECT LastPostAt, LastRootPostAt, TotalMsgCount, TotalMsgCountRoot FROM Channels "
        "WHERE Id = ?");
    ch.bind(1, p.channel_id);
    bool found = ch.step();
    int64_t last_post_at = found ? ch.int64(0) : 0;
    int64_t last_root_post_at = found ? ch.int64(1) : 0;
    int64_t total = found ? ch.int64(2) : 0;
    int64_t total_root = found ? ch.int64(3) : 0;
    if (!effects.keep_create_at && found && last_post_at >= p.create_at) {
      int64_t shift = last_post_at + 1 - p.create_at;
      p.create_at += shift;
      p.update_at += shift;
    }
    auto s = c.prepare("INSERT INTO Posts (" + std::string(kColumns) + ") VALUES (" +
                       placeholders(20) + ")");
    s.bind(1, p.id);
    bind_fields(s, p, 2);
    s.run();
    bool root = p.root_id.empty();
    int64_t counted = p.is_join_leave() ? 0 : 1;
    last_post_at = std::max(last_post_at, p.create_at);
    if (root) last_root_post_at = std::max(last_root_post_at, p.create_at);
    total += counted;
    if (root) total_root += counted;
    if (found)
      c.prepare(
           "UPDATE Channels SET LastPostAt = ?1, LastRootPostAt = ?2, TotalMsgCount = ?3, "
           "TotalMsgCountRoot = ?4 WHERE Id = ?5")
          .bind_all(last_post_at, last_root_post_at, total, total_root, p.channel_id)
          .run();
    if (!root)
      c.prepare("UPDATE Posts SET UpdateAt = ?1 WHERE Id = ?2 AND UpdateAt < ?1")
          .bind_all(p.create_at, p.root_id)
          .run();
    int64_t viewed_at = -1;
    if (effects.mark_read_by_poster && found) {
      c.prepare(
           "UPDATE ChannelMembers SET LastViewedAt = ?3, MsgCount = ?4, MsgCountRoot = ?5, "
           "MentionCount = 0, MentionCountRoot = 0, UrgentMentionCount = 0, LastUpdateAt = ?6 "
           "WHERE ChannelId = ?1 AND UserId = ?2")
          .bind_all(p.channel_id, p.user_id, last_post_at, total, total_root, now_ms())
          .run();
      if (c.changes() > 0) viewed_at = last_post_at;
    }
    if (effects.poster_viewed_at) *effects.poster_viewed_at = viewed_at;
    if (effects.channel_after && found)
      *effects.channel_after =
          ChannelPostCounters{last_post_at, last_root_post_at, total, total_root};
    if (!effects.mentioned.empty())
      c.prepare(
           "UPDATE ChannelMembers SET MentionCount = MentionCount + 1, MentionCountRoot = "
           "MentionCountRoot + ?3, UrgentMentionCount = UrgentMentionCount + ?4, LastUpdateAt = "
           "?5 WHERE ChannelId = ?1 AND UserId IN (SELECT value FROM json_each(?2))")
          .bind_all(p.channel_id, ids_json(effects.mentioned), root ? 1 : 0, effects.urgent ? 1 : 0,
                    now_ms())
          .run();
  });
}

namespace {

// Indexes the queued posts when there are at least `min` of them and empties the queue.
void index_queue(Conn& c, int64_t min) {
  {
    auto count = c.prepare("SELECT COUNT(*) FROM PostsFtsPending");
    if (!count.step() || count.int64(0) == 0 || count.int64(0) < min) return;
  }
  // One statement for the whole queue: FTS5 keeps the terms in memory and writes one segment.
  // CROSS JOIN keeps the (short) queue as the outer loop.
  c.prepare(
       "INSERT INTO PostsFts (rowid, Message) SELECT q.Rowid, p.Message FROM PostsFtsPending q "
       "CROSS JOIN PostsFtsIds i CROSS JOIN Posts p WHERE i.Rowid = q.Rowid AND p.Id = i.PostId")
      .run();
  c.prepare("DELETE FROM PostsFtsPending").run();
}

}  // namespace

void SqlitePostStore::index_pending(Conn& c) {
  index_queue(c, kIndexBatch);
}

void SqlitePostStore::index_queued(Db& db) {
  bool queued = db.read([](Conn& c) {
    auto s = c.prepare("SELECT EXISTS (SELECT 1 FROM PostsFtsPending)");
    return s.step() && s.int64(0) != 0;
  });
  if (queued) db.write([](Conn& c) { index_queue(c, 1); });
}

void SqlitePostStore::update(const model::Post& p) {
  db_.write([&](Conn& c) {
    auto s = c.prepare(
        "UPDATE Posts SET CreateAt = ?2, UpdateAt = ?3, EditAt = ?4, DeleteAt = ?5, IsPinned = ?6, "
        "UserId = ?7, ChannelId = ?8, RootId = ?9, OriginalId = ?10, Message = ?11, Type = ?12, "
        "Props = ?13, Hashtags = ?14, FileIds = ?15, HasReactions = ?16, PendingPostId = ?17, "
        "Priority = ?18, RequestedAck = ?19, PersistentNotifications = ?20 WHERE Id = ?1");
    s.bind(1, p.id);
    bind_fields(s, p, 2);
    s.run();
    c.prepare("UPDATE Channels SET LastPostAt = ?1 WHERE Id = ?2 AND LastPostAt < ?1")
        .bind_all(p.update_at, p.channel_id)
        .run();
    if (!p.root_id.empty())
      c.prepare("UPDATE Posts SET UpdateAt = ?1 WHERE Id = ?2 AND UpdateAt < ?1")
          .bind_all(p.update_at, p.root_id)
          .run();
  });
}

void SqlitePostStore::soft_delete(std::string_view id, int64_t at, std::string_view deleted_by) {
  db_.write([&](Conn& c) {
    c.prepare(
         "UPDATE Posts SET DeleteAt = ?1, UpdateAt = ?1, Props = json_set(CASE WHEN "
         "json_valid(Props) THEN Props ELSE '{}' END, '$.deleteBy', ?2) WHERE (Id = ?3 OR RootId "
         "= ?3) AND DeleteAt = 0")
        .bind_all(at, deleted_by, id)
        .run();
  });
}

std::optional<model::Post> SqlitePostStore::get(std::string_view id, bool include_deleted) {
  auto rows = select(include_deleted ? "WHERE p.Id = ?" : "WHERE p.Id = ? AND p.DeleteAt = 0",
                     {std::string(id)});
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::vector<model::Post> SqlitePostStore::get_many(const std::vector<std::string>& ids) {
  if (ids.empty()) return {};
  return select("WHERE p.Id IN (SELECT value FROM json_each(?)) ORDER BY p.CreateAt DESC",
                {ids_json(ids)});
}

std::optional<model::Post> SqlitePostStore::find_pending(std::string_view user_id,
                                                         std::string_view pending_post_id,
                                                         int64_t since) {
  return db_.read([&](Conn& c) -> std::optional<model::Post> {
    auto s = c.prepare(select_sql(
        "WHERE p.UserId = ? AND p.PendingPostId = ? AND p.CreateAt >= ? AND p.DeleteAt = 0 "
        "ORDER BY p.CreateAt DESC LIMIT 1"));
    s.bind_all(user_id, pending_post_id, since);
    if (!s.step()) return std::nullopt;
    return read_post(s, true);
  });
}

std::vector<model::Post> SqlitePostStore::thread(std::string_view root_id) {
  return select("WHERE (p.Id = ?1 OR p.RootId = ?1) AND p.DeleteAt = 0 ORDER BY p.CreateAt, p.Id",
                {std::string(root_id)});
}

namespace {
std::string filters(const PostPageQuery& q) {
  std::string f;
  if (!q.include_deleted) f += " AND p.DeleteAt = 0";
  if (q.roots_only) f += " AND p.RootId = ''";
  return f;
}
}  // namespace

std::vector<model::Post> SqlitePostStore::page(const PostPageQuery& q) {
  return select("WHERE p.ChannelId = ?" + filters(q) +
                    " ORDER BY p.CreateAt DESC, p.Id DESC LIMIT ? OFFSET ?",
                {q.channel_id, int64_t{q.limit}, int64_t{q.offset}},
                static_cast<std::size_t>(std::max(q.limit, 0)));
}

std::vector<model::Post> SqlitePostStore::around(const PostPageQuery& q, std::string_view post_id,
                                                 bool before) {
  std::string cmp = before ? "<" : ">";
  std::string dir = before ? "DESC" : "ASC";
  return select("WHERE p.ChannelId = ? AND p.CreateAt " + cmp +
                    " (SELECT CreateAt FROM Posts WHERE Id = ?)" + filters(q) +
                    " ORDER BY p.CreateAt " + dir + ", p.Id " + dir + " LIMIT ? OFFSET ?",
                {q.channel_id, std::string(post_id), int64_t{q.limit}, int64_t{q.offset}},
                static_cast<std::size_t>(std::max(q.limit, 0)));
}

std::vector<model::Post> SqlitePostStore::since(std::string_view channel_id, int64_t time,
                                                bool roots_only) {
  return select(std::string("WHERE p.ChannelId = ? AND p.UpdateAt > ?") +
                    (roots_only ? " AND p.RootId = ''" : "") +
                    " ORDER BY p.CreateAt DESC, p.Id DESC LIMIT 1000",
                {std::string(channel_id), time});
}

std::vector<model::Post> SqlitePostStore::threads_of(std::string_view channel_id,
                                                     const std::vector<std::string>& root_ids) {
  if (root_ids.empty()) return {};
  return select(
      "WHERE p.ChannelId = ?1 AND p.DeleteAt = 0 AND (p.Id IN (SELECT value FROM json_each(?2)) "
      "OR p.RootId IN (SELECT value FROM json_each(?2))) ORDER BY p.CreateAt, p.Id",
      {std::string(channel_id), ids_json(root_ids)});
}

std::string SqlitePostStore::post_id_around_time(std::string_view channel_id, int64_t time,
                                                 bool before, bool roots_only) {
  return db_.read([&](Conn& c) {
    std::string sql =
        std::string("SELECT Id FROM Posts WHERE ChannelId = ? AND DeleteAt = 0") +
        (roots_only ? " AND RootId = ''" : "") + " AND CreateAt " +
        (before ? "< ? ORDER BY CreateAt DESC, Id DESC" : "> ? ORDER BY CreateAt, Id") + " LIMIT 1";
    auto s = c.prepare(sql);
    s.bind_all(channel_id, time);
    return s.step() ? s.text(0) : std::string();
  });
}

std::vector<model::Post> SqlitePostStore::pinned(std::string_view channel_id) {
  return select("WHERE p.IsPinned = 1 AND p.ChannelId = ? AND p.DeleteAt = 0 ORDER BY p.CreateAt",
                {std::string(channel_id)});
}

std::vector<model::Post> SqlitePostStore::flagged(const FlaggedPostQuery& q) {
  // ?1 user, ?2 channel filter, ?3 team filter ("" = none).
  return select(
      "WHERE p.Id IN (SELECT Name FROM Preferences WHERE UserId = ?1 AND Category = "
      "'flagged_post') AND p.DeleteAt = 0 AND (?2 = '' OR p.ChannelId = ?2) AND p.ChannelId IN "
      "(SELECT ChannelId FROM ChannelMembers WHERE UserId = ?1) AND (?3 = '' OR EXISTS (SELECT 1 "
      "FROM Channels c WHERE c.Id = p.ChannelId AND (c.TeamId = ?3 OR c.TeamId = ''))) ORDER BY "
      "p.CreateAt DESC, p.Id DESC LIMIT ?4 OFFSET ?5",
      {q.user_id, q.channel_id, q.team_id, int64_t{q.limit}, int64_t{q.offset}});
}

std::vector<ThreadStats> SqlitePostStore::thread_stats(const std::vector<std::string>& root_ids) {
  if (root_ids.empty()) return {};
  return db_.read([&](Conn& c) {
    auto s = c.prepare(std::string(sql::kThreadReplyColumns) +
                       "WHERE RootId IN (SELECT value FROM json_each(?)) AND DeleteAt = 0");
    s.bind(1, ids_json(root_ids));
    return sql::fold_thread_stats(s, root_ids);
  });
}

void SqlitePostStore::permanent_delete(std::string_view id) {
  db_.write([&](Conn& c) {
    c.prepare(
         "DELETE FROM Reactions WHERE PostId IN (SELECT Id FROM Posts WHERE Id = ?1 OR RootId = "
         "?1)")
        .bind(1, id)
        .run();
    c.prepare("DELETE FROM Posts WHERE Id = ?1 OR RootId = ?1").bind(1, id).run();
  });
}

}  // namespace parley::store::sqlite
