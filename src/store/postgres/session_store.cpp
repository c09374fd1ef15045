// PostgreSQL queries for sessions and the Systems key/value table.
#include "store/postgres/row.h"
#include "store/postgres/small_stores.h"
#include "store/sql/misc_rows.h"

namespace parley::store::postgres {
namespace {
const std::string kSelect(sql::kSessionSelect);
model::Session read(const Stmt& s) {
  return sql::read_session(s);
}
}  // namespace

void PgSessionStore::insert(const model::Session& x) {
  db_.write([&](Conn& c) {
    c.prepare(
         "INSERT INTO Sessions (Id, Token, CreateAt, ExpiresAt, LastActivityAt, UserId, DeviceId, "
         "Roles, IsOAuth, ExpiredNotify, Props) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)")
        .bind_all(x.id, x.token, x.create_at, x.expires_at, x.last_activity_at, x.user_id,
                  x.device_id, x.roles, x.is_oauth, x.expired_notify, to_text(x.props))
        .run();
  });
}

std::optional<model::Session> PgSessionStore::get_by_token(std::string_view token) {
  return db_.read([&](Conn& c) -> std::optional<model::Session> {
    auto s = c.prepare(kSelect + "WHERE Token = $1");
    s.bind(1, token);
    if (!s.step()) return std::nullopt;
    return read(s);
  });
}

std::optional<model::Session> PgSessionStore::get(std::string_view id) {
  return db_.read([&](Conn& c) -> std::optional<model::Session> {
    auto s = c.prepare(kSelect + "WHERE Id = $1");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    return read(s);
  });
}

std::vector<model::Session> PgSessionStore::for_user(std::string_view user_id) {
  return db_.read([&](Conn& c) {
    auto s = c.prepare(kSelect + "WHERE UserId = $1 ORDER BY LastActivityAt DESC");
    s.bind(1, user_id);
    return collect<model::Session>(s, read);
  });
}

void PgSessionStore::remove(std::string_view id) {
  db_.write([&](Conn& c) { c.prepare("DELETE FROM Sessions WHERE Id = $1").bind(1, id).run(); });
}

void PgSessionStore::remove_for_user(std::string_view user_id) {
  db_.write(
      [&](Conn& c) { c.prepare("DELETE FROM Sessions WHERE UserId = $1").bind(1, user_id).run(); });
}

void PgSessionStore::update_last_activity(std::string_view id, int64_t at) {
  db_.write([&](Conn& c) {
    c.prepare("UPDATE Sessions SET LastActivityAt = $1 WHERE Id = $2").bind_all(at, id).run();
  });
}

void PgSessionStore::update_roles_for_user(std::string_view user_id, std::string_view roles) {
  db_.write([&](Conn& c) {
    c.prepare("UPDATE Sessions SET Roles = $1 WHERE UserId = $2").bind_all(roles, user_id).run();
  });
}

void PgSessionStore::update_props(std::string_view id, const boost::json::object& props) {
  db_.write([&](Conn& c) {
    c.prepare("UPDATE Sessions SET Props = $1 WHERE Id = $2").bind_all(to_text(props), id).run();
  });
}

void PgSessionStore::remove_expired(int64_t now) {
  db_.write([&](Conn& c) {
    c.prepare("DELETE FROM Sessions WHERE ExpiresAt > 0 AND ExpiresAt < $1").bind(1, now).run();
  });
}

std::optional<std::string> PgSystemStore::get(std::string_view name) {
  return db_.read([&](Conn& c) -> std::optional<std::string> {
    auto s = c.prepare("SELECT Value FROM Systems WHERE Name = $1");
    s.bind(1, name);
    if (!s.step()) return std::nullopt;
    return s.text(0);
  });
}

void PgSystemStore::set(std::string_view name, std::string_view value) {
  db_.write([&](Conn& c) {
    c.prepare(
         "INSERT INTO Systems (Name, Value) VALUES ($1, $2) ON CONFLICT (Name) DO UPDATE SET "
         "Value = excluded.Value")
        .bind_all(name, value)
        .run();
  });
}

std::string PgSystemStore::get_or_insert(std::string_view name, std::string_view value) {
  return db_.write([&](Conn& c) {
    c.prepare("INSERT INTO Systems (Name, Value) VALUES ($1, $2) ON CONFLICT (Name) DO NOTHING")
        .bind_all(name, value)
        .run();
    auto s = c.prepare("SELECT Value FROM Systems WHERE Name = $1");
    s.bind(1, name);
    s.step();
    return s.text(0);
  });
}

}  // namespace parley::store::postgres
