// PostgreSQL queries for posts: insert with channel/member counters, edits, soft deletes and the
// channel, thread and time-cursor listings.
#include "store/postgres/post_store.h"

#include "store/sql/post_rows.h"
#include "util/ids.h"

#include <algorithm>

namespace parley::store::postgres {
namespace {

using sql::post_select;

model::Post read(const Stmt& s) {
  return sql::read_post(s);
}

std::string filters(const PostPageQuery& q) {
  std::string f;
  if (!q.include_deleted) f += " AND p.DeleteAt = 0";
  if (q.roots_only) f += " AND p.RootId = ''";
  return f;
}

}  // namespace

std::vector<model::Post> PgPostStore::select(const std::string& where_order,
                                             const std::vector<Arg>& args, bool lag_tolerant) {
  auto run = [&](Conn& c) {
    auto s = c.prepare(post_select(where_order));
    Args{args}.bind(s);
    return collect<model::Post>(s, read);
  };
  return lag_tolerant ? db_.read_replica(run) : db_.read(run);
}

void PgPostStore::insert(model::Post& p, const PostSaveEffects& effects) {
  // One statement, one round trip: the insert and every counter it moves are data-modifying
  // CTEs. They all read the snapshot from before the statement, so the poster's membership
  // takes the channel's new counters from `ch`'s RETURNING, as the separate statements read
  // them back from Channels. Write transactions are serialised, so LastPostAt cannot move under
  // us. $1..$20 are the post's columns, $21 the time of the membership updates.
  bool root = p.root_id.empty();
  bool counted = !p.is_join_leave();
  bool poster_mentioned = std::find(effects.mentioned.begin(), effects.mentioned.end(),
                                    p.user_id) != effects.mentioned.end();
  // The poster's membership is both marked read and mentioned (never from create_post, which
  // drops the poster from the mentions unless the post is a webhook's, which is not marked
  // read): two updates of one row cannot share a statement, so the mention counts follow.
  bool mentions_apart = effects.mark_read_by_poster && poster_mentioned;
  bool mentions_inline = !effects.mentioned.empty() && !mentions_apart;
  std::string shift = effects.keep_create_at ? "" : " + (SELECT shift FROM last)";
  std::string sql = "WITH ";
  if (!effects.keep_create_at)
    sql +=
        "last AS (SELECT COALESCE((SELECT GREATEST(LastPostAt + 1 - $2::bigint, 0) FROM Channels "
        "WHERE Id = $8), 0) AS shift), ";
  sql += "ins AS (INSERT INTO Posts (" + std::string(sql::kPostColumns) + ") VALUES ($1, $2" +
         shift + ", $3" + shift +
         ", $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20) "
         "RETURNING CreateAt), ch AS (UPDATE Channels SET LastPostAt = GREATEST(LastPostAt, "
         "ins.CreateAt), TotalMsgCount = TotalMsgCount + " +
         std::string(counted ? "1" : "0");
  if (root)
    sql +=
        ", LastRootPostAt = GREATEST(LastRootPostAt, ins.CreateAt), TotalMsgCountRoot = "
        "TotalMsgCountRoot + " +
        std::string(counted ? "1" : "0");
  sql +=
      " FROM ins WHERE Channels.Id = $8 RETURNING Channels.LastPostAt, Channels.TotalMsgCount, "
      "Channels.TotalMsgCountRoot, Channels.LastRootPostAt)";
  if (!root)
    sql +=
        ", root AS (UPDATE Posts SET UpdateAt = ins.CreateAt FROM ins WHERE Posts.Id = $9 AND "
        "Posts.UpdateAt < ins.CreateAt)";
  if (effects.mark_read_by_poster)
    sql +=
        ", me AS (UPDATE ChannelMembers SET LastViewedAt = ch.LastPostAt, MsgCount = "
        "ch.TotalMsgCount, MsgCountRoot = ch.TotalMsgCountRoot, MentionCount = 0, "
        "MentionCountRoot = 0, UrgentMentionCount = 0, LastUpdateAt = $21 FROM ch WHERE "
        "ChannelMembers.ChannelId = $8 AND ChannelMembers.UserId = $7 RETURNING "
        "ChannelMembers.LastViewedAt)";
  if (mentions_inline)
    sql +=
        ", men AS (UPDATE ChannelMembers SET MentionCount = MentionCount + 1, "
        "MentionCountRoot = MentionCountRoot + " +
        std::string(root ? "1" : "0") + ", UrgentMentionCount = UrgentMentionCount + " +
        (effects.urgent ? "1" : "0") +
        ", LastUpdateAt = $21 WHERE ChannelId = $8 AND UserId = ANY($22::text[]))";
  // The channel's counters come back for the caches (PostSaveEffects::channel_after).
  sql +=
      " SELECT (SELECT CreateAt FROM ins), ch.LastPostAt, ch.LastRootPostAt, ch.TotalMsgCount, "
      "ch.TotalMsgCountRoot";
  if (effects.mark_read_by_poster) sql += ", (SELECT LastViewedAt FROM me)";
  sql += " FROM (SELECT 1) AS one LEFT JOIN ch ON true";
  bool uses_now = effects.mark_read_by_poster || mentions_inline;
  db_.write([&](Conn& c) {
    auto s = c.prepare(sql);
    s.bind(1, p.id);
    sql::bind_post_fields(s, p, 2);
    int64_t now = now_ms();
    if (uses_now) s.bind(21, now);
    if (mentions_inline) s.bind(22, text_array(effects.mentioned));
    if (!s.step()) throw DbError("postgres: insert post: no result", "");
    int64_t shifted = s.int64(0) - p.create_at;
    p.create_at += shifted;
    p.update_at += shifted;
    if (effects.poster_viewed_at)
      *effects.poster_viewed_at =
          effects.mark_read_by_poster && !s.is_null(5) ? s.int64(5) : int64_t{-1};
    if (effects.channel_after && !s.is_null(1))
      *effects.channel_after = ChannelPostCounters{s.int64(1), s.int64(2), s.int64(3), s.int64(4)};
    if (mentions_apart)
      c.prepare(
           "UPDATE ChannelMembers SET MentionCount = MentionCount + 1, MentionCountRoot = "
           "MentionCountRoot + $3, UrgentMentionCount = UrgentMentionCount + $4, LastUpdateAt = "
           "$5 WHERE ChannelId = $1 AND UserId = ANY($2::text[])")
          .bind_all(p.channel_id, text_array(effects.mentioned), int64_t{root ? 1 : 0},
                    int64_t{effects.urgent ? 1 : 0}, now)
          .run();
  });
}

void PgPostStore::update(const model::Post& p) {
  db_.write([&](Conn& c) {
    auto s = c.prepare(
        "UPDATE Posts SET CreateAt = $2, UpdateAt = $3, EditAt = $4, DeleteAt = $5, "
        "IsPinned = $6, UserId = $7, ChannelId = $8, RootId = $9, OriginalId = $10, "
        "Message = $11, Type = $12, Props = $13, Hashtags = $14, FileIds = $15, "
        "HasReactions = $16, PendingPostId = $17, Priority = $18, RequestedAck = $19, "
        "PersistentNotifications = $20 WHERE Id = $1");
    s.bind(1, p.id);
    sql::bind_post_fields(s, p, 2);
    s.run();
    c.prepare("UPDATE Channels SET LastPostAt = $1 WHERE Id = $2 AND LastPostAt < $1")
        .bind_all(p.update_at, p.channel_id)
        .run();
    if (!p.root_id.empty())
      c.prepare("UPDATE Posts SET UpdateAt = $1 WHERE Id = $2 AND UpdateAt < $1")
          .bind_all(p.update_at, p.root_id)
          .run();
  });
}

void PgPostStore::soft_delete(std::string_view id, int64_t at, std::string_view deleted_by) {
  db_.write([&](Conn& c) {
    // props.deleteBy is set here rather than with jsonb_set so that the stored JSON keeps its
    // key order and formatting, exactly as SQLite's json_set leaves it.
    std::vector<std::pair<std::string, std::string>> rows;
    {
      auto s =
          c.prepare("SELECT Id, Props FROM Posts WHERE (Id = $1 OR RootId = $1) AND DeleteAt = 0");
      s.bind(1, id);
      while (s.step()) rows.emplace_back(s.text(0), s.text(1));
    }
    for (auto& [post_id, props_text] : rows) {
      auto props = sql::parse_object(props_text);
      props["deleteBy"] = deleted_by;
      c.prepare("UPDATE Posts SET DeleteAt = $1, UpdateAt = $1, Props = $2 WHERE Id = $3")
          .bind_all(at, to_text(props), post_id)
          .run();
    }
  });
}

std::optional<model::Post> PgPostStore::get(std::string_view id, bool include_deleted) {
  auto rows = select(include_deleted ? "WHERE p.Id = $1" : "WHERE p.Id = $1 AND p.DeleteAt = 0",
                     {std::string(id)});
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::vector<model::Post> PgPostStore::get_many(const std::vector<std::string>& ids) {
  if (ids.empty()) return {};
  return select("WHERE p.Id = ANY($1::text[]) ORDER BY p.CreateAt DESC", {text_array(ids)});
}

std::optional<model::Post> PgPostStore::find_pending(std::string_view user_id,
                                                     std::string_view pending_post_id,
                                                     int64_t since) {
  return db_.read([&](Conn& c) -> std::optional<model::Post> {
    auto s = c.prepare(post_select(
        "WHERE p.UserId = $1 AND p.PendingPostId = $2 AND p.CreateAt >= $3 AND p.DeleteAt = 0 "
        "ORDER BY p.CreateAt DESC LIMIT 1"));
    s.bind_all(user_id, pending_post_id, since);
    if (!s.step()) return std::nullopt;
    return sql::read_post(s, true);
  });
}

std::vector<model::Post> PgPostStore::thread(std::string_view root_id) {
  return select("WHERE (p.Id = $1 OR p.RootId = $1) AND p.DeleteAt = 0 ORDER BY p.CreateAt, p.Id",
                {std::string(root_id)});
}

std::vector<model::Post> PgPostStore::page(const PostPageQuery& q) {
  return select("WHERE p.ChannelId = $1" + filters(q) +
                    " ORDER BY p.CreateAt DESC, p.Id DESC LIMIT $2 OFFSET $3",
                {q.channel_id, int64_t{q.limit}, int64_t{q.offset}}, true);
}

std::vector<model::Post> PgPostStore::around(const PostPageQuery& q, std::string_view post_id,
                                             bool before) {
  std::string cmp = before ? "<" : ">";
  std::string dir = before ? "DESC" : "ASC";
  return select("WHERE p.ChannelId = $1 AND p.CreateAt " + cmp +
                    " (SELECT CreateAt FROM Posts WHERE Id = $2)" + filters(q) +
                    " ORDER BY p.CreateAt " + dir + ", p.Id " + dir + " LIMIT $3 OFFSET $4",
                {q.channel_id, std::string(post_id), int64_t{q.limit}, int64_t{q.offset}}, true);
}

std::vector<model::Post> PgPostStore::since(std::string_view channel_id, int64_t time,
                                            bool roots_only) {
  return select(std::string("WHERE p.ChannelId = $1 AND p.UpdateAt > $2") +
                    (roots_only ? " AND p.RootId = ''" : "") +
                    " ORDER BY p.CreateAt DESC, p.Id DESC LIMIT 1000",
                {std::string(channel_id), time});
}

std::vector<model::Post> PgPostStore::threads_of(std::string_view channel_id,
                                                 const std::vector<std::string>& root_ids) {
  if (root_ids.empty()) return {};
  return select(
      "WHERE p.ChannelId = $1 AND p.DeleteAt = 0 AND (p.Id = ANY($2::text[]) OR p.RootId = "
      "ANY($2::text[])) ORDER BY p.CreateAt, p.Id",
      {std::string(channel_id), text_array(root_ids)});
}

std::string PgPostStore::post_id_around_time(std::string_view channel_id, int64_t time, bool before,
                                             bool roots_only) {
  return db_.read([&](Conn& c) {
    std::string sql =
        std::string("SELECT Id FROM Posts WHERE ChannelId = $1 AND DeleteAt = 0") +
        (roots_only ? " AND RootId = ''" : "") + " AND CreateAt " +
        (before ? "< $2 ORDER BY CreateAt DESC, Id DESC" : "> $2 ORDER BY CreateAt, Id") +
        " LIMIT 1";
    auto s = c.prepare(sql);
    s.bind_all(channel_id, time);
    return s.step() ? s.text(0) : std::string();
  });
}

std::vector<model::Post> PgPostStore::pinned(std::string_view channel_id) {
  return select("WHERE p.IsPinned = 1 AND p.ChannelId = $1 AND p.DeleteAt = 0 ORDER BY p.CreateAt",
                {std::string(channel_id)});
}

std::vector<model::Post> PgPostStore::flagged(const FlaggedPostQuery& q) {
  // $1 user, $2 channel filter, $3 team filter ("" = none).
  return select(
      "WHERE p.Id IN (SELECT Name FROM Preferences WHERE UserId = $1 AND Category = "
      "'flagged_post') AND p.DeleteAt = 0 AND ($2 = '' OR p.ChannelId = $2) AND p.ChannelId IN "
      "(SELECT ChannelId FROM ChannelMembers WHERE UserId = $1) AND ($3 = '' OR EXISTS (SELECT 1 "
      "FROM Channels c WHERE c.Id = p.ChannelId AND (c.TeamId = $3 OR c.TeamId = ''))) ORDER BY "
      "p.CreateAt DESC, p.Id DESC LIMIT $4 OFFSET $5",
      {q.user_id, q.channel_id, q.team_id, int64_t{q.limit}, int64_t{q.offset}});
}

std::vector<ThreadStats> PgPostStore::thread_stats(const std::vector<std::string>& root_ids) {
  if (root_ids.empty()) return {};
  return db_.read([&](Conn& c) {
    auto s = c.prepare(std::string(sql::kThreadReplyColumns) +
                       "WHERE RootId = ANY($1::text[]) AND DeleteAt = 0");
    s.bind(1, text_array(root_ids));
    return sql::fold_thread_stats(s, root_ids);
  });
}

void PgPostStore::permanent_delete(std::string_view id) {
  db_.write([&](Conn& c) {
    c.prepare(
         "DELETE FROM Reactions WHERE PostId IN (SELECT Id FROM Posts WHERE Id = $1 OR RootId = "
         "$1)")
        .bind(1, id)
        .run();
    c.prepare("DELETE FROM Posts WHERE Id = $1 OR RootId = $1").bind(1, id).run();
  });
}

}  // namespace parley::store::postgres
