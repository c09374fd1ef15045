// SQLite queries for the Systems key/value table.
#include "store/sqlite/system_store.h"

namespace parley::store::sqlite {

std::optional<std::string> SqliteSystemStore::get(std::string_view name) {
  return db_.read([&](Conn& c) -> std::optional<std::string> {
    auto s = c.prepare("SELECT Value FROM Systems WHERE Name = ?");
    s.bind(1, name);
    if (!s.step()) return std::nullopt;
    return s.text(0);
  });
}

void SqliteSystemStore::set(std::string_view name, std::string_view value) {
  db_.write([&](Conn& c) {
    c.prepare(
         "INSERT INTO Systems (Name, Value) VALUES (?, ?) ON CONFLICT(Name) DO UPDATE SET Value = "
         "excluded.Value")
        .bind_all(name, value)
        .run();
  });
}

std::string SqliteSystemStore::get_or_insert(std::string_view name, std::string_view value) {
  return db_.write([&](Conn& c) {
    c.prepare("INSERT OR IGNORE INTO Systems (Name, Value) VALUES (?, ?)")
        .bind_all(name, value)
        .run();
    auto s = c.prepare("SELECT Value FROM Systems WHERE Name = ?");
    s.bind(1, name);
    s.step();
    return s.text(0);
  });
}

}  // namespace parley::store::sqlite
