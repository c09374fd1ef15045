// SQLite queries for posts: insert with channel/member counters, edits, soft deletes and the
// channel, thread and time-cursor listings.
#include "store/sqlite/post_store.h"

#include "util/ids.h"

#include <algorithm>

namespace parley::store::sqlite {
namespace {

namespace bj = boost::json;

constexpr std::string_view kColumns =
    "Id, CreateAt, UpdateAt, EditAt, DeleteAt, IsPinned, UserId, ChannelId, RootId, OriginalId, "
    "Message, Type, Props, Hashtags, FileIds, HasReactions, PendingPostId, Priority, "
    "RequestedAck, PersistentNotifications";

std::string select_sql(std::string_view where_order) {
  std::string cols;
  std::string_view rest = kColumns;
  while (!rest.empty()) {
    auto comma = rest.find(", ");
    cols += "p." + std::string(rest.substr(0, comma));
    if (comma == std::string_view::npos) break;
    cols += ", ";
    rest.remove_prefix(comma + 2);
  }
  return "SELECT " + cols +
         ", (SELECT COUNT(*) FROM Posts r WHERE r.RootId = (CASE WHEN p.RootId = '' THEN p.Id "
         "ELSE p.RootId END) AND r.DeleteAt = 0) FROM Posts p " +
         std::string(where_order);
}

std::string ids_json(const std::vector<std::string>& ids) {
  return bj::serialize(bj::array(ids.begin(), ids.end()));
}

std::vector<std::string> string_list(const std::string& text) {
  std::vector<std::string> out;
  boost::system::error_code ec;
  auto v = bj::parse(text, ec);
  if (ec || !v.is_array()) return out;
  for (const auto& e : v.get_array())
    if (e.is_string()) out.emplace_back(e.get_string());
  return out;
}

std::optional<bool> opt_bool(const Stmt& s, int col) {
  if (s.is_null(col)) return std::nullopt;
  return s.boolean(col);
}

model::Post read_post(const Stmt& s, bool keep_pending = false) {
  model::Post p;
  int i = 0;
  p.id = s.text(i++);
  p.create_at = s.int64(i++);
  p.update_at = s.int64(i++);
  p.edit_at = s.int64(i++);
  p.delete_at = s.int64(i++);
  p.is_pinned = s.boolean(i++);
  p.user_id = s.text(i++);
  p.channel_id = s.text(i++);
  p.root_id = s.text(i++);
  p.original_id = s.text(i++);
  p.message = s.text(i++);
  p.type = s.text(i++);
  p.props = object_column(s, i++);
  p.hashtags = s.text(i++);
  p.file_ids = string_list(s.text(i++));
  p.has_reactions = s.boolean(i++);
  auto pending = s.text(i++);
  if (keep_pending) p.pending_post_id = std::move(pending);
  if (!s.is_null(i)) {
    model::PostPriority prio;
    prio.priority = s.text(i);
    prio.requested_ack = opt_bool(s, i + 1);
    prio.persistent_notifications = opt_bool(s, i + 2);
    p.priority = std::move(prio);
  }
  i += 3;
  p.reply_count = s.int64(i++);
  return p;
}

void bind_optional_bool(Stmt& s, int idx, const std::optional<bool>& v) {
  if (v)
    s.bind(idx, *v);
  else
    s.bind_null(idx);
}

// Binds columns 2..20 (everything after Id) starting at `first`.
void bind_fields(Stmt& s, const model::Post& p, int first) {
  int i = first;
  s.bind(i++, p.create_at);
  s.bind(i++, p.update_at);
  s.bind(i++, p.edit_at);
  s.bind(i++, p.delete_at);
  s.bind(i++, p.is_pinned);
  s.bind(i++, p.user_id);
  s.bind(i++, p.channel_id);
  s.bind(i++, p.root_id);
  s.bind(i++, p.original_id);
  s.bind(i++, p.message);
  s.bind(i++, p.type);
  s.bind(i++, to_text(p.props));
  s.bind(i++, p.hashtags);
  s.bind(i++, ids_json(p.file_ids));
  s.bind(i++, p.has_reactions);
  s.bind(i++, p.pending_post_id);
  if (p.priority) {
    s.bind(i++, p.priority->priority);
    bind_optional_bool(s, i++, p.priority->requested_ack);
    bind_optional_bool(s, i++, p.priority->persistent_notifications);
  } else {
    s.bind_null(i++);
    s.bind_null(i++);
    s.bind_null(i++);
  }
}

// Join/leave system messages do not count as channel messages (Post.IsJoinLeaveMessage).
bool is_join_leave(const std::string& type) {
  static constexpr std::string_view kTypes[] = {
      "system_join_leave",      "system_add_remove",          "system_join_channel",
      "system_leave_channel",   "system_join_team",           "system_leave_team",
      "system_add_to_channel",  "system_remove_from_channel", "system_add_to_team",
      "system_remove_from_team"};
  return std::find(std::begin(kTypes), std::end(kTypes), type) != std::end(kTypes);
}

}  // namespace

std::vector<model::Post> SqlitePostStore::select(const std::string& where_order,
                                                 const std::vector<Arg>& args) {
  return db_.read([&](Conn& c) {
    auto s = c.prepare(select_sql(where_order));
    bind_args(s, args);
    std::vector<model::Post> out;
    while (s.step()) out.push_back(read_post(s));
    return out;
  });
}

void SqlitePostStore::insert(model::Post& p, const PostSaveEffects& effects) {
  db_.write([&](Conn& c) {
    auto last = c.prepare("SELECT LastPostAt FROM Channels WHERE Id = ?");
    last.bind(1, p.channel_id);
    if (!effects.keep_create_at && last.step() && last.int64(0) >= p.create_at) {
      int64_t shift = last.int64(0) + 1 - p.create_at;
      p.create_at += shift;
      p.update_at += shift;
    }
    auto s = c.prepare("INSERT INTO Posts (" + std::string(kColumns) + ") VALUES (" +
                       placeholders(20) + ")");
    s.bind(1, p.id);
    bind_fields(s, p, 2);
    s.run();
    bool root = p.root_id.empty();
    int64_t counted = is_join_leave(p.type) ? 0 : 1;
    c.prepare(
         "UPDATE Channels SET LastPostAt = MAX(LastPostAt, ?1), TotalMsgCount = TotalMsgCount + "
         "?4, LastRootPostAt = CASE WHEN ?2 THEN MAX(LastRootPostAt, ?1) ELSE LastRootPostAt END, "
         "TotalMsgCountRoot = TotalMsgCountRoot + ?2 * ?4 WHERE Id = ?3")
        .bind_all(p.create_at, root ? 1 : 0, p.channel_id, counted)
        .run();
    if (!root)
      c.prepare("UPDATE Posts SET UpdateAt = ?1 WHERE Id = ?2 AND UpdateAt < ?1")
          .bind_all(p.create_at, p.root_id)
          .run();
    if (effects.mark_read_by_poster)
      c.prepare(
           "UPDATE ChannelMembers SET LastViewedAt = ch.LastPostAt, MsgCount = ch.TotalMsgCount, "
           "MsgCountRoot = ch.TotalMsgCountRoot, MentionCount = 0, MentionCountRoot = 0, "
           "UrgentMentionCount = 0, LastUpdateAt = ?3 FROM (SELECT LastPostAt, TotalMsgCount, "
           "TotalMsgCountRoot FROM Channels WHERE Id = ?1) AS ch WHERE ChannelId = ?1 AND "
           "UserId = ?2")
          .bind_all(p.channel_id, p.user_id, now_ms())
          .run();
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
                {q.channel_id, int64_t{q.limit}, int64_t{q.offset}});
}

std::vector<model::Post> SqlitePostStore::around(const PostPageQuery& q, std::string_view post_id,
                                                 bool before) {
  std::string cmp = before ? "<" : ">";
  std::string dir = before ? "DESC" : "ASC";
  return select("WHERE p.ChannelId = ? AND p.CreateAt " + cmp +
                    " (SELECT CreateAt FROM Posts WHERE Id = ?)" + filters(q) +
                    " ORDER BY p.CreateAt " + dir + ", p.Id " + dir + " LIMIT ? OFFSET ?",
                {q.channel_id, std::string(post_id), int64_t{q.limit}, int64_t{q.offset}});
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

std::vector<ThreadStats> SqlitePostStore::thread_stats(const std::vector<std::string>& root_ids) {
  return db_.read([&](Conn& c) {
    std::vector<ThreadStats> out;
    out.reserve(root_ids.size());
    for (const auto& id : root_ids) {
      ThreadStats t;
      auto s = c.prepare(
          "SELECT COUNT(*), COALESCE(MAX(CreateAt), 0) FROM Posts WHERE RootId = ? AND "
          "DeleteAt = 0");
      s.bind(1, id);
      if (s.step()) {
        t.reply_count = s.int64(0);
        t.last_reply_at = s.int64(1);
      }
      auto u = c.prepare(
          "SELECT UserId FROM Posts WHERE RootId = ? AND DeleteAt = 0 GROUP BY UserId ORDER BY "
          "MIN(CreateAt)");
      u.bind(1, id);
      while (u.step()) t.participants.push_back(u.text(0));
      out.push_back(std::move(t));
    }
    return out;
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
