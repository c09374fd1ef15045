// SQLite queries for users.
#include "store/sqlite/user_store.h"

#include "store/sql/user_rows.h"
#include "store/sqlite/row.h"

namespace parley::store::sqlite {
namespace {

using sql::bind_user;
using sql::read_user;
constexpr std::string_view kColumns = sql::kUserColumns;

std::string select_sql(std::string_view where) {
  return "SELECT " + std::string(kColumns) + " FROM Users " + std::string(where);
}

}  // namespace

void SqliteUserStore::insert(const model::User& u) {
  db_.write([&](Conn& c) {
    auto s = c.prepare("INSERT INTO Users (" + std::string(kColumns) + ") VALUES (" +
                       placeholders(29) + ")");
    bind_user(s, u);
    s.run();
  });
}

void SqliteUserStore::update(const model::User& u) {
  db_.write([&](Conn& c) {
    auto s = c.prepare(
        "UPDATE Users SET Id = ?1, CreateAt = ?2, UpdateAt = ?3, DeleteAt = ?4, Username = ?5, "
        "Password = ?6, AuthData = ?7, AuthService = ?8, Email = ?9, EmailVerified = ?10, "
        "Nickname = ?11, FirstName = ?12, LastName = ?13, Position = ?14, Roles = ?15, "
        "AllowMarketing = ?16, Props = ?17, NotifyProps = ?18, LastPasswordUpdate = ?19, "
        "LastPictureUpdate = ?20, FailedAttempts = ?21, Locale = ?22, Timezone = ?23, "
        "MfaActive = ?24, LastActivityAt = ?25, IsBot = ?26, BotDescription = ?27, "
        "LastLogin = ?28, DisableWelcomeEmail = ?29 WHERE Id = ?1");
    bind_user(s, u);
    s.run();
  });
}

std::optional<model::User> SqliteUserStore::get_where(std::string_view column,
                                                      std::string_view value) {
  return db_.read([&](Conn& c) -> std::optional<model::User> {
    auto s = c.prepare(select_sql("WHERE " + std::string(column) + " = ?"));
    s.bind(1, value);
    if (!s.step()) return std::nullopt;
    return read_user(s);
  });
}

std::optional<model::User> SqliteUserStore::get(std::string_view id) {
  return get_where("Id", id);
}
std::optional<model::User> SqliteUserStore::get_by_username(std::string_view n) {
  return get_where("Username", n);
}
std::optional<model::User> SqliteUserStore::get_by_email(std::string_view e) {
  return db_.read([&](Conn& c) -> std::optional<model::User> {
    auto s = c.prepare(select_sql("WHERE lower(Email) = lower(?)"));
    s.bind(1, e);
    if (!s.step()) return std::nullopt;
    return read_user(s);
  });
}

std::vector<model::User> SqliteUserStore::get_many(const std::vector<std::string>& ids) {
  if (ids.empty()) return {};
  return db_.read([&](Conn& c) {
    auto s = c.prepare(select_sql("WHERE Id IN (SELECT value FROM json_each(?))"));
    boost::json::array a(ids.begin(), ids.end());
    s.bind(1, boost::json::serialize(a));
    std::vector<model::User> out;
    while (s.step()) out.push_back(read_user(s));
    return out;
  });
}

std::vector<model::User> SqliteUserStore::get_by_usernames(const std::vector<std::string>& names) {
  if (names.empty()) return {};
  return db_.read([&](Conn& c) {
    auto s = c.prepare(select_sql("WHERE Username IN (SELECT value FROM json_each(?))"));
    boost::json::array a(names.begin(), names.end());
    s.bind(1, boost::json::serialize(a));
    std::vector<model::User> out;
    while (s.step()) out.push_back(read_user(s));
    return out;
  });
}

std::vector<model::User> SqliteUserStore::query(const UserQuery& q) {
  std::string where = "WHERE 1=1";
  std::vector<Arg> args;
  if (!q.in_team.empty()) {
    where += " AND Id IN (SELECT UserId FROM TeamMembers WHERE TeamId = ? AND DeleteAt = 0)";
    args.emplace_back(q.in_team);
  }
  if (!q.not_in_team.empty()) {
    where += " AND Id NOT IN (SELECT UserId FROM TeamMembers WHERE TeamId = ? AND DeleteAt = 0)";
    args.emplace_back(q.not_in_team);
  }
  if (!q.in_channel.empty()) {
    where += " AND Id IN (SELECT UserId FROM ChannelMembers WHERE ChannelId = ?)";
    args.emplace_back(q.in_channel);
  }
  if (!q.not_in_channel.empty()) {
    where += " AND Id NOT IN (SELECT UserId FROM ChannelMembers WHERE ChannelId = ?)";
    args.emplace_back(q.not_in_channel);
  }
  if (q.without_team) where += " AND Id NOT IN (SELECT UserId FROM TeamMembers WHERE DeleteAt = 0)";
  if (q.active_only) where += " AND DeleteAt = 0";
  if (q.inactive_only) where += " AND DeleteAt != 0";
  if (!q.role.empty()) {
    where += " AND (' ' || Roles || ' ') LIKE ?";
    args.emplace_back("% " + q.role + " %");
  }
  if (q.updated_since > 0) {
    where += " AND UpdateAt > ?";
    args.emplace_back(q.updated_since);
  }
  for (const auto& word : sql::user_search_words(q.term)) {
    std::string like = like_prefix(word);
    std::string ors;
    for (auto col : sql::user_search_columns(q.allow_emails, q.allow_full_names)) {
      ors += std::string(ors.empty() ? "" : " OR ") + std::string(col) + " LIKE ? ESCAPE '\\'";
      args.emplace_back(like);
    }
    where += " AND (" + ors + ")";
  }
  std::string order = " ORDER BY Username";
  if (q.sort == "last_activity_at")
    order = " ORDER BY LastActivityAt DESC, Username";
  else if (q.sort == "create_at")
    order = " ORDER BY CreateAt DESC, Username";
  std::string sql = select_sql(where + order + " LIMIT ? OFFSET ?");
  return db_.read([&](Conn& c) {
    auto s = c.prepare(sql);
    int i = bind_args(s, args);
    s.bind(i++, static_cast<int64_t>(q.limit));
    s.bind(i++, static_cast<int64_t>(q.offset));
    std::vector<model::User> out;
    while (s.step()) out.push_back(read_user(s));
    return out;
  });
}

int64_t SqliteUserStore::count(bool include_deleted) {
  return db_.read([&](Conn& c) {
    auto s = c.prepare(include_deleted ? "SELECT COUNT(*) FROM Users"
                                       : "SELECT COUNT(*) FROM Users WHERE DeleteAt = 0");
    s.step();
    return s.int64(0);
  });
}

}  // namespace parley::store::sqlite
