// PostgreSQL queries for channels: save, lookups, per-user and per-team lists, search.
#include "store/postgres/channel_store.h"

#include "store/postgres/row.h"
#include "store/sql/channel_rows.h"

namespace parley::store::postgres {
namespace {

using sql::channel_select;

std::vector<model::Channel> read_all(Stmt& s) {
  return collect<model::Channel>(s, [](const Stmt& r) { return sql::read_channel(r); });
}

// Every word of the term must prefix the name or a word of the display name (ILIKE: SQLite's
// LIKE ignores ASCII case).
std::string search_clause(std::string_view term, Args& args, bool with_purpose) {
  std::string clause;
  for (const auto& prefix : sql::channel_search_prefixes(term)) {
    std::string p = args.add(prefix);
    clause += " AND (Channels.Name ILIKE " + p + " ESCAPE '\\' OR Channels.DisplayName ILIKE " + p +
              " ESCAPE '\\' OR Channels.DisplayName ILIKE " + args.add("% " + prefix) +
              " ESCAPE '\\'";
    if (with_purpose)
      clause += " OR Channels.Purpose ILIKE " + args.add("%" + prefix) + " ESCAPE '\\'";
    clause += ")";
  }
  return clause;
}

}  // namespace

void PgChannelStore::insert(const model::Channel& ch) {
  db_.write([&](Conn& c) {
    auto s = c.prepare(
        "INSERT INTO Channels (Id, CreateAt, UpdateAt, DeleteAt, TeamId, Type, DisplayName, "
        "Name, Header, Purpose, LastPostAt, TotalMsgCount, ExtraUpdateAt, CreatorId, SchemeId, "
        "Props, GroupConstrained, Shared, TotalMsgCountRoot, LastRootPostAt) VALUES ($1, $2, $3, "
        "$4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)");
    sql::bind_channel(s, ch);
    s.run();
  });
}

void PgChannelStore::update(const model::Channel& ch) {
  db_.write([&](Conn& c) {
    c.prepare(
         "UPDATE Channels SET UpdateAt = $1, DeleteAt = $2, TeamId = $3, Type = $4, "
         "DisplayName = $5, Name = $6, Header = $7, Purpose = $8, ExtraUpdateAt = $9, "
         "CreatorId = $10, SchemeId = $11, Props = $12, GroupConstrained = $13, Shared = $14 "
         "WHERE Id = $15")
        .bind_all(ch.update_at, ch.delete_at, ch.team_id, ch.type, ch.display_name, ch.name,
                  ch.header, ch.purpose, ch.extra_update_at, ch.creator_id, ch.scheme_id,
                  to_text(ch.props), ch.group_constrained, ch.shared, ch.id)
        .run();
  });
}

std::optional<model::Channel> PgChannelStore::get(std::string_view id) {
  return db_.read([&](Conn& c) -> std::optional<model::Channel> {
    auto s = c.prepare(channel_select("WHERE Id = $1"));
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    return sql::read_channel(s);
  });
}

std::optional<model::Channel> PgChannelStore::get_by_name(std::string_view team_id,
                                                          std::string_view name,
                                                          bool include_deleted) {
  std::string sql = channel_select("WHERE (TeamId = $1 OR TeamId = '') AND Name = $2" +
                                   std::string(include_deleted ? "" : " AND DeleteAt = 0") +
                                   " ORDER BY (TeamId = '') LIMIT 1");
  return db_.read([&](Conn& c) -> std::optional<model::Channel> {
    auto s = c.prepare(sql);
    s.bind_all(team_id, name);
    if (!s.step()) return std::nullopt;
    return sql::read_channel(s);
  });
}

std::vector<model::Channel> PgChannelStore::get_many(const std::vector<std::string>& ids) {
  if (ids.empty()) return {};
  return db_.read([&](Conn& c) {
    auto s = c.prepare(channel_select("WHERE Id = ANY($1::text[]) ORDER BY DisplayName, Id"));
    s.bind(1, text_array(ids));
    return read_all(s);
  });
}

int64_t PgChannelStore::count_in_team(std::string_view team_id) {
  return db_.read([&](Conn& c) {
    auto s = c.prepare("SELECT COUNT(*) FROM Channels WHERE TeamId = $1");
    s.bind(1, team_id);
    s.step();
    return s.int64(0);
  });
}

std::vector<model::Channel> PgChannelStore::for_user(std::string_view user_id,
                                                     const UserChannelQuery& q) {
  Args args;
  std::string where =
      "JOIN ChannelMembers ON ChannelMembers.ChannelId = Channels.Id WHERE "
      "ChannelMembers.UserId = " +
      args.add(std::string(user_id));
  if (!q.team_id.empty())
    where += " AND (Channels.TeamId = " + args.add(q.team_id) + " OR Channels.TeamId = '')";
  if (!q.include_deleted)
    where += " AND Channels.DeleteAt = 0";
  else if (q.last_delete_at > 0)
    where +=
        " AND (Channels.DeleteAt = 0 OR Channels.DeleteAt > " + args.add(q.last_delete_at) + ")";
  where +=
      q.team_id.empty() ? " ORDER BY Channels.Id" : " ORDER BY Channels.DisplayName, Channels.Id";
  return db_.read([&](Conn& c) {
    auto s = c.prepare(channel_select(where));
    args.bind(s);
    return read_all(s);
  });
}

std::vector<model::Channel> PgChannelStore::for_team(const TeamChannelQuery& q) {
  Args args;
  std::string where = "WHERE TeamId = " + args.add(q.team_id);
  if (!q.type.empty())
    where += " AND Type = " + args.add(q.type);
  else
    where += " AND Type IN ('O', 'P')";
  where += q.deleted ? " AND DeleteAt != 0" : " AND DeleteAt = 0";
  if (!q.member_id.empty())
    where += " AND (Type = 'O' OR Id IN (SELECT ChannelId FROM ChannelMembers WHERE UserId = " +
             args.add(q.member_id) + "))";
  where += " ORDER BY DisplayName, Id LIMIT " + args.add(int64_t{q.limit});
  where += " OFFSET " + args.add(int64_t{q.offset});
  // A team's channel list tolerates replication lag (Db::read_replica).
  return db_.read_replica([&](Conn& c) {
    auto s = c.prepare(channel_select(where));
    args.bind(s);
    return read_all(s);
  });
}

std::vector<model::Channel> PgChannelStore::public_by_ids(std::string_view team_id,
                                                          const std::vector<std::string>& ids) {
  if (ids.empty()) return {};
  return db_.read([&](Conn& c) {
    auto s =
        c.prepare(channel_select("WHERE TeamId = $1 AND Type = 'O' AND DeleteAt = 0 AND Id = "
                                 "ANY($2::text[]) ORDER BY DisplayName, Id"));
    s.bind_all(team_id, text_array(ids));
    return read_all(s);
  });
}

std::vector<model::Channel> PgChannelStore::search(const ChannelSearch& q) {
  Args args;
  std::string where = "WHERE Channels.TeamId = " + args.add(q.team_id);
  auto member = [&] {
    return "Channels.Id IN (SELECT ChannelId FROM ChannelMembers WHERE ChannelMembers.UserId = " +
           args.add(q.user_id) + ")";
  };
  if (q.public_only)
    where += " AND Channels.Type = 'O'";
  else if (!q.user_id.empty() && q.member_only)
    where += " AND Channels.Type IN ('O', 'P') AND " + member();
  else if (!q.user_id.empty())
    where += " AND (Channels.Type = 'O' OR (Channels.Type = 'P' AND " + member() + "))";
  else
    where += " AND Channels.Type IN ('O', 'P')";
  if (!q.include_deleted) where += " AND Channels.DeleteAt = 0";
  where += search_clause(q.term, args, q.public_only);
  where += " ORDER BY Channels.DisplayName, Channels.Id LIMIT " + args.add(int64_t{q.limit});
  // Channel search and autocomplete prefer the search replicas (Db::read_replica).
  return db_.read_replica(
      [&](Conn& c) {
        auto s = c.prepare(channel_select(where));
        args.bind(s);
        return read_all(s);
      },
      ReadKind::search);
}

void PgChannelStore::permanent_delete(std::string_view channel_id) {
  db_.write([&](Conn& c) {
    for (const char* sql : {
             "DELETE FROM Reactions WHERE PostId IN (SELECT Id FROM Posts WHERE ChannelId = $1)",
             "DELETE FROM Posts WHERE ChannelId = $1",
             "DELETE FROM SidebarChannels WHERE ChannelId = $1",
             "DELETE FROM ChannelMembers WHERE ChannelId = $1",
             "DELETE FROM Channels WHERE Id = $1",
         })
      c.prepare(sql).bind(1, channel_id).run();
  });
}

}  // namespace parley::store::postgres
