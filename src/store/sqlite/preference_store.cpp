// SQLite queries for preferences.
#include "store/sqlite/preference_store.h"

#include "store/sql/misc_rows.h"

#include <boost/json/serialize.hpp>

namespace parley::store::sqlite {
namespace {

constexpr std::string_view kSelect = sql::kPreferenceSelect;
using sql::read_preference;

}  // namespace

void SqlitePreferenceStore::save(const std::vector<model::Preference>& prefs) {
  db_.write([&](Conn& c) {
    for (const auto& p : prefs) {
      c.prepare(
           "INSERT INTO Preferences (UserId, Category, Name, Value) VALUES (?, ?, ?, ?) "
           "ON CONFLICT (UserId, Category, Name) DO UPDATE SET Value = excluded.Value")
          .bind_all(p.user_id, p.category, p.name, p.value)
          .run();
    }
  });
}

std::vector<model::Preference> SqlitePreferenceStore::get_all(std::string_view user_id) {
  return db_.read([&](Conn& c) {
    auto s = c.prepare(std::string(kSelect) + "WHERE UserId = ? ORDER BY Category, Name");
    s.bind(1, user_id);
    std::vector<model::Preference> out;
    while (s.step()) out.push_back(read_preference(s));
    return out;
  });
}

std::vector<model::Preference> SqlitePreferenceStore::get_category(std::string_view user_id,
                                                                   std::string_view category) {
  return db_.read([&](Conn& c) {
    auto s = c.prepare(std::string(kSelect) + "WHERE UserId = ? AND Category = ? ORDER BY Name");
    s.bind_all(user_id, category);
    std::vector<model::Preference> out;
    while (s.step()) out.push_back(read_preference(s));
    return out;
  });
}

std::optional<model::Preference> SqlitePreferenceStore::get(std::string_view user_id,
                                                            std::string_view category,
                                                            std::string_view name) {
  return db_.read([&](Conn& c) -> std::optional<model::Preference> {
    auto s = c.prepare(std::string(kSelect) + "WHERE UserId = ? AND Category = ? AND Name = ?");
    s.bind_all(user_id, category, name);
    if (!s.step()) return std::nullopt;
    return read_preference(s);
  });
}

std::vector<model::Preference> SqlitePreferenceStore::get_for_users(
    const std::vector<std::string>& user_ids, std::string_view category, std::string_view name) {
  if (user_ids.empty()) return {};
  return db_.read([&](Conn& c) {
    auto s = c.prepare(std::string(kSelect) +
                       "WHERE UserId IN (SELECT value FROM json_each(?)) AND Category = ? AND "
                       "Name = ?");
    s.bind_all(boost::json::serialize(boost::json::array(user_ids.begin(), user_ids.end())),
               category, name);
    std::vector<model::Preference> out;
    while (s.step()) out.push_back(read_preference(s));
    return out;
  });
}

void SqlitePreferenceStore::remove_for_all_users(std::string_view category, std::string_view name) {
  db_.write([&](Conn& c) {
    c.prepare("DELETE FROM Preferences WHERE Category = ? AND Name = ?")
        .bind_all(category, name)
        .run();
  });
}

void SqlitePreferenceStore::remove(std::string_view user_id, std::string_view category,
                                   std::string_view name) {
  db_.write([&](Conn& c) {
    c.prepare("DELETE FROM Preferences WHERE UserId = ? AND Category = ? AND Name = ?")
        .bind_all(user_id, category, name)
        .run();
  });
}

}  // namespace parley::store::sqlite
