// SQLite queries for statuses.
#include "store/sqlite/status_store.h"

#include "store/sql/misc_rows.h"

#include <boost/json.hpp>

namespace parley::store::sqlite {
namespace {

constexpr std::string_view kSelect = sql::kStatusSelect;
using sql::read_status;

std::vector<model::Status> read_all(Stmt& s) {
  std::vector<model::Status> out;
  while (s.step()) out.push_back(read_status(s));
  return out;
}

}  // namespace

std::optional<model::Status> SqliteStatusStore::get(std::string_view user_id) {
  return db_.read([&](Conn& c) -> std::optional<model::Status> {
    auto s = c.prepare(std::string(kSelect) + "WHERE UserId = ?");
    s.bind(1, user_id);
    if (!s.step()) return std::nullopt;
    return read_status(s);
  });
}

std::vector<model::Status> SqliteStatusStore::get_many(const std::vector<std::string>& user_ids) {
  if (user_ids.empty()) return {};
  return db_.read([&](Conn& c) {
    auto s = c.prepare(std::string(kSelect) + "WHERE UserId IN (SELECT value FROM json_each(?))");
    s.bind(1, boost::json::serialize(boost::json::array(user_ids.begin(), user_ids.end())));
    return read_all(s);
  });
}

void SqliteStatusStore::save(const model::Status& st) {
  db_.write([&](Conn& c) {
    c.prepare(
         "INSERT INTO Status (UserId, Status, Manual, LastActivityAt, DNDEndTime, PrevStatus) "
         "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (UserId) DO UPDATE SET Status = excluded.Status, "
         "Manual = excluded.Manual, LastActivityAt = excluded.LastActivityAt, "
         "DNDEndTime = excluded.DNDEndTime, PrevStatus = excluded.PrevStatus")
        .bind_all(st.user_id, st.status, st.manual, st.last_activity_at, st.dnd_end_time,
                  st.prev_status)
        .run();
  });
}

void SqliteStatusStore::update_last_activity(std::string_view user_id, int64_t at) {
  db_.write([&](Conn& c) {
    c.prepare("UPDATE Status SET LastActivityAt = ? WHERE UserId = ?").bind_all(at, user_id).run();
  });
}

std::vector<model::Status> SqliteStatusStore::not_offline() {
  return db_.read([&](Conn& c) {
    auto s = c.prepare(std::string(kSelect) + "WHERE Status != 'offline'");
    return read_all(s);
  });
}

void SqliteStatusStore::reset_all() {
  db_.write(
      [&](Conn& c) { c.prepare("UPDATE Status SET Status = 'offline' WHERE Manual = 0").run(); });
}

std::vector<model::Status> SqliteStatusStore::expire_dnd(int64_t now_seconds) {
  return db_.write([&](Conn& c) {
    constexpr std::string_view kExpired =
        "WHERE Status = 'dnd' AND DNDEndTime > 0 AND DNDEndTime <= ?";
    std::vector<model::Status> out;
    {
      auto s = c.prepare(std::string(kSelect) + std::string(kExpired));
      s.bind(1, now_seconds);
      out = read_all(s);
    }
    c.prepare(
         "UPDATE Status SET Status = CASE PrevStatus WHEN '' THEN 'offline' ELSE PrevStatus END, "
         "PrevStatus = 'dnd', DNDEndTime = 0, Manual = 0 " +
         std::string(kExpired))
        .bind(1, now_seconds)
        .run();
    for (auto& st : out) sql::end_dnd(st);
    return out;
  });
}

}  // namespace parley::store::sqlite
