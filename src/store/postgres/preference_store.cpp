// PostgreSQL queries for preferences and statuses.
#include "store/postgres/row.h"
#include "store/postgres/small_stores.h"
#include "store/sql/misc_rows.h"

namespace parley::store::postgres {
namespace {
const std::string kPrefSelect(sql::kPreferenceSelect);
const std::string kStatusSelect(sql::kStatusSelect);
model::Preference read_pref(const Stmt& s) {
  return sql::read_preference(s);
}
model::Status read_status(const Stmt& s) {
  return sql::read_status(s);
}
}  // namespace

void PgPreferenceStore::save(const std::vector<model::Preference>& prefs) {
  db_.write([&](Conn& c) {
    for (const auto& p : prefs) {
      c.prepare(
           "INSERT INTO Preferences (UserId, Category, Name, Value) VALUES ($1, $2, $3, $4) "
           "ON CONFLICT (UserId, Category, Name) DO UPDATE SET Value = excluded.Value")
          .bind_all(p.user_id, p.category, p.name, p.value)
          .run();
    }
  });
}

std::vector<model::Preference> PgPreferenceStore::get_all(std::string_view user_id) {
  return db_.read([&](Conn& c) {
    auto s = c.prepare(kPrefSelect + "WHERE UserId = $1 ORDER BY Category, Name");
    s.bind(1, user_id);
    return collect<model::Preference>(s, read_pref);
  });
}

std::vector<model::Preference> PgPreferenceStore::get_category(std::string_view user_id,
                                                               std::string_view category) {
  return db_.read([&](Conn& c) {
    auto s = c.prepare(kPrefSelect + "WHERE UserId = $1 AND Category = $2 ORDER BY Name");
    s.bind_all(user_id, category);
    return collect<model::Preference>(s, read_pref);
  });
}

std::optional<model::Preference> PgPreferenceStore::get(std::string_view user_id,
                                                        std::string_view category,
                                                        std::string_view name) {
  return db_.read([&](Conn& c) -> std::optional<model::Preference> {
    auto s = c.prepare(kPrefSelect + "WHERE UserId = $1 AND Category = $2 AND Name = $3");
    s.bind_all(user_id, category, name);
    if (!s.step()) return std::nullopt;
    return read_pref(s);
  });
}

std::vector<model::Preference> PgPreferenceStore::get_for_users(
    const std::vector<std::string>& user_ids, std::string_view category, std::string_view name) {
  if (user_ids.empty()) return {};
  return db_.read([&](Conn& c) {
    auto s =
        c.prepare(kPrefSelect + "WHERE UserId = ANY($1::text[]) AND Category = $2 AND Name = $3");
    s.bind_all(text_array(user_ids), category, name);
    return collect<model::Preference>(s, read_pref);
  });
}

void PgPreferenceStore::remove_for_all_users(std::string_view category, std::string_view name) {
  db_.write([&](Conn& c) {
    c.prepare("DELETE FROM Preferences WHERE Category = $1 AND Name = $2")
        .bind_all(category, name)
        .run();
  });
}

void PgPreferenceStore::remove(std::string_view user_id, std::string_view category,
                               std::string_view name) {
  db_.write([&](Conn& c) {
    c.prepare("DELETE FROM Preferences WHERE UserId = $1 AND Category = $2 AND Name = $3")
        .bind_all(user_id, category, name)
        .run();
  });
}

std::optional<model::Status> PgStatusStore::get(std::string_view user_id) {
  return db_.read([&](Conn& c) -> std::optional<model::Status> {
    auto s = c.prepare(kStatusSelect + "WHERE UserId = $1");
    s.bind(1, user_id);
    if (!s.step()) return std::nullopt;
    return read_status(s);
  });
}

std::vector<model::Status> PgStatusStore::get_many(const std::vector<std::string>& user_ids) {
  if (user_ids.empty()) return {};
  return db_.read([&](Conn& c) {
    auto s = c.prepare(kStatusSelect + "WHERE UserId = ANY($1::text[])");
    s.bind(1, text_array(user_ids));
    return collect<model::Status>(s, read_status);
  });
}

void PgStatusStore::save(const model::Status& st) {
  db_.write([&](Conn& c) {
    c.prepare(
         "INSERT INTO Status (UserId, Status, Manual, LastActivityAt, DNDEndTime, PrevStatus) "
         "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (UserId) DO UPDATE SET Status = "
         "excluded.Status, Manual = excluded.Manual, LastActivityAt = excluded.LastActivityAt, "
         "DNDEndTime = excluded.DNDEndTime, PrevStatus = excluded.PrevStatus")
        .bind_all(st.user_id, st.status, st.manual, st.last_activity_at, st.dnd_end_time,
                  st.prev_status)
        .run();
  });
}

void PgStatusStore::update_last_activity(std::string_view user_id, int64_t at) {
  db_.write([&](Conn& c) {
    c.prepare("UPDATE Status SET LastActivityAt = $1 WHERE UserId = $2")
        .bind_all(at, user_id)
        .run();
  });
}

std::vector<model::Status> PgStatusStore::not_offline() {
  return db_.read([&](Conn& c) {
    auto s = c.prepare(kStatusSelect + "WHERE Status != 'offline'");
    return collect<model::Status>(s, read_status);
  });
}

void PgStatusStore::reset_all() {
  db_.write(
      [&](Conn& c) { c.prepare("UPDATE Status SET Status = 'offline' WHERE Manual = 0").run(); });
}

std::vector<model::Status> PgStatusStore::expire_dnd(int64_t now_seconds) {
  return db_.write([&](Conn& c) {
    const std::string expired = "WHERE Status = 'dnd' AND DNDEndTime > 0 AND DNDEndTime <= $1";
    auto s = c.prepare(kStatusSelect + expired);
    s.bind(1, now_seconds);
    auto out = collect<model::Status>(s, read_status);
    c.prepare(
         "UPDATE Status SET Status = CASE PrevStatus WHEN '' THEN 'offline' ELSE PrevStatus END, "
         "PrevStatus = 'dnd', DNDEndTime = 0, Manual = 0 " +
         expired)
        .bind(1, now_seconds)
        .run();
    for (auto& st : out) sql::end_dnd(st);
    return out;
  });
}

}  // namespace parley::store::postgres
