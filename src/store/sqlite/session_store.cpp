// SQLite queries for sessions.
#include "store/sqlite/session_store.h"

#include "store/sql/misc_rows.h"
#include "store/sqlite/row.h"

namespace parley::store::sqlite {
namespace {
constexpr std::string_view kSelect = sql::kSessionSelect;
using sql::read_session;
}  // namespace

void SqliteSessionStore::insert(const model::Session& x) {
  db_.write([&](Conn& c) {
    c.prepare(
         "INSERT INTO Sessions (Id, Token, CreateAt, ExpiresAt, LastActivityAt, UserId, DeviceId, "
         "Roles, IsOAuth, ExpiredNotify, Props) VALUES (?,?,?,?,?,?,?,?,?,?,?)")
        .bind_all(x.id, x.token, x.create_at, x.expires_at, x.last_activity_at, x.user_id,
                  x.device_id, x.roles, x.is_oauth, x.expired_notify, to_text(x.props))
        .run();
  });
}

std::optional<model::Session> SqliteSessionStore::get_by_token(std::string_view token) {
  return db_.read([&](Conn& c) -> std::optional<model::Session> {
    auto s = c.prepare(std::string(kSelect) + "WHERE Token = ?");
    s.bind(1, token);
    if (!s.step()) return std::nullopt;
    return read_session(s);
  });
}

std::optional<model::Session> SqliteSessionStore::get(std::string_view id) {
  return db_.read([&](Conn& c) -> std::optional<model::Session> {
    auto s = c.prepare(std::string(kSelect) + "WHERE Id = ?");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    return read_session(s);
  });
}

std::vector<model::Session> SqliteSessionStore::for_user(std::string_view user_id) {
  return db_.read([&](Conn& c) {
    auto s = c.prepare(std::string(kSelect) + "WHERE UserId = ? ORDER BY LastActivityAt DESC");
    s.bind(1, user_id);
    std::vector<model::Session> out;
    while (s.step()) out.push_back(read_session(s));
    return out;
  });
}

void SqliteSessionStore::remove(std::string_view id) {
  db_.write([&](Conn& c) { c.prepare("DELETE FROM Sessions WHERE Id = ?").bind(1, id).run(); });
}

void SqliteSessionStore::remove_for_user(std::string_view user_id) {
  db_.write(
      [&](Conn& c) { c.prepare("DELETE FROM Sessions WHERE UserId = ?").bind(1, user_id).run(); });
}

void SqliteSessionStore::update_last_activity(std::string_view id, int64_t at) {
  db_.write([&](Conn& c) {
    c.prepare("UPDATE Sessions SET LastActivityAt = ? WHERE Id = ?").bind_all(at, id).run();
  });
}

void SqliteSessionStore::update_roles_for_user(std::string_view user_id, std::string_view roles) {
  db_.write([&](Conn& c) {
    c.prepare("UPDATE Sessions SET Roles = ? WHERE UserId = ?").bind_all(roles, user_id).run();
  });
}

void SqliteSessionStore::update_props(std::string_view id, const boost::json::object& props) {
  db_.write([&](Conn& c) {
    c.prepare("UPDATE Sessions SET Props = ? WHERE Id = ?").bind_all(to_text(props), id).run();
  });
}

void SqliteSessionStore::remove_expired(int64_t now) {
  db_.write([&](Conn& c) {
    c.prepare("DELETE FROM Sessions WHERE ExpiresAt > 0 AND ExpiresAt < ?").bind(1, now).run();
  });
}

}  // namespace parley::store::sqlite
