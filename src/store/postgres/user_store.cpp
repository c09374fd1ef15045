// PostgreSQL queries for users (LIKE of the SQLite store is ILIKE here: SQLite's LIKE ignores
// ASCII case, and with COLLATE "C" columns ILIKE folds ASCII only, like SQLite).
#include "store/postgres/user_store.h"

#include "store/postgres/row.h"
#include "store/sql/user_rows.h"

namespace parley::store::postgres {
namespace {

using sql::read_user;

std::string select_sql(std::string_view where) {
  return "SELECT " + std::string(sql::kUserColumns) + " FROM Users " + std::string(where);
}

std::string numbered(int from, int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += (i ? ", $" : "$") + std::to_string(from + i);
  return s;
}

}  // namespace

void PgUserStore::insert(const model::User& u) {
  db_.write([&](Conn& c) {
    auto s = c.prepare("INSERT INTO Users (" + std::string(sql::kUserColumns) + ") VALUES (" +
                       numbered(1, sql::kUserColumnCount) + ")");
    sql::bind_user(s, u);
    s.run();
  });
}

void PgUserStore::update(const model::User& u) {
  db_.write([&](Conn& c) {
    auto s = c.prepare(
        "UPDATE Users SET CreateAt = $2, UpdateAt = $3, DeleteAt = $4, Username = $5, "
        "Password = $6, AuthData = $7, AuthService = $8, Email = $9, EmailVerified = $10, "
        "Nickname = $11, FirstName = $12, LastName = $13, Position = $14, Roles = $15, "
        "AllowMarketing = $16, Props = $17, NotifyProps = $18, LastPasswordUpdate = $19, "
        "LastPictureUpdate = $20, FailedAttempts = $21, Locale = $22, Timezone = $23, "
        "MfaActive = $24, LastActivityAt = $25, IsBot = $26, BotDescription = $27, "
        "LastLogin = $28, DisableWelcomeEmail = $29 WHERE Id = $1");
    sql::bind_user(s, u);
    s.run();
  });
}

std::optional<model::User> PgUserStore::get_where(std::string_view where, std::string_view value) {
  return db_.read([&](Conn& c) -> std::optional<model::User> {
    auto s = c.prepare(select_sql(where));
    s.bind(1, value);
    if (!s.step()) return std::nullopt;
    return read_user(s);
  });
}

std::optional<model::User> PgUserStore::get(std::string_view id) {
  return get_where("WHERE Id = $1", id);
}
std::optional<model::User> PgUserStore::get_by_username(std::string_view n) {
  return get_where("WHERE Username = $1", n);
}
std::optional<model::User> PgUserStore::get_by_email(std::string_view e) {
  return get_where("WHERE lower(Email) = lower($1)", e);
}

std::vector<model::User> PgUserStore::get_any(std::string_view column,
                                              const std::vector<std::string>& values) {
  if (values.empty()) return {};
  return db_.read([&](Conn& c) {
    auto s = c.prepare(select_sql("WHERE " + std::string(column) + " = ANY($1::text[])"));
    s.bind(1, text_array(values));
    return collect<model::User>(s, [](const Stmt& r) { return read_user(r); });
  });
}

std::vector<model::User> PgUserStore::get_many(const std::vector<std::string>& ids) {
  return get_any("Id", ids);
}

std::vector<model::User> PgUserStore::get_by_usernames(const std::vector<std::string>& names) {
  return get_any("Username", names);
}

std::vector<model::User> PgUserStore::query(const UserQuery& q) {
  std::string where = "WHERE 1=1";
  Args args;
  if (!q.in_team.empty())
    where += " AND Id IN (SELECT UserId FROM TeamMembers WHERE TeamId = " + args.add(q.in_team) +
             " AND DeleteAt = 0)";
  if (!q.not_in_team.empty())
    where +=
        " AND Id NOT IN (SELECT UserId FROM TeamMembers WHERE TeamId = " + args.add(q.not_in_team) +
        " AND DeleteAt = 0)";
  if (!q.in_channel.empty())
    where += " AND Id IN (SELECT UserId FROM ChannelMembers WHERE ChannelId = " +
             args.add(q.in_channel) + ")";
  if (!q.not_in_channel.empty())
    where += " AND Id NOT IN (SELECT UserId FROM ChannelMembers WHERE ChannelId = " +
             args.add(q.not_in_channel) + ")";
  if (q.without_team) where += " AND Id NOT IN (SELECT UserId FROM TeamMembers WHERE DeleteAt = 0)";
  if (q.active_only) where += " AND DeleteAt = 0";
  if (q.inactive_only) where += " AND DeleteAt != 0";
  if (!q.role.empty())
    where += " AND (' ' || Roles || ' ') ILIKE " + args.add("% " + q.role + " %");
  if (q.updated_since > 0) where += " AND UpdateAt > " + args.add(q.updated_since);
  for (const auto& word : sql::user_search_words(q.term)) {
    std::string p = args.add(like_prefix(word));
    std::string ors;
    for (auto col : sql::user_search_columns(q.allow_emails, q.allow_full_names))
      ors += std::string(ors.empty() ? "" : " OR ") + std::string(col) + " ILIKE " + p +
             " ESCAPE '\\'";
    where += " AND (" + ors + ")";
  }
  std::string order = " ORDER BY Username";
  if (q.sort == "last_activity_at")
    order = " ORDER BY LastActivityAt DESC, Username";
  else if (q.sort == "create_at")
    order = " ORDER BY CreateAt DESC, Username";
  std::string limit = args.add(int64_t{q.limit});
  std::string offset = args.add(int64_t{q.offset});
  std::string sql = select_sql(where + order + " LIMIT " + limit + " OFFSET " + offset);
  // User lists, search and autocomplete tolerate replication lag (Db::read_replica).
  auto kind = q.term.empty() ? ReadKind::lagged : ReadKind::search;
  return db_.read_replica(
      [&](Conn& c) {
        auto s = c.prepare(sql);
        args.bind(s);
        return collect<model::User>(s, [](const Stmt& r) { return read_user(r); });
      },
      kind);
}

int64_t PgUserStore::count(bool include_deleted) {
  return db_.read([&](Conn& c) {
    auto s = c.prepare(include_deleted ? "SELECT COUNT(*) FROM Users"
                                       : "SELECT COUNT(*) FROM Users WHERE DeleteAt = 0");
    s.step();
    return s.int64(0);
  });
}

}  // namespace parley::store::postgres
