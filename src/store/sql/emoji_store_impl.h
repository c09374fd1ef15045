// The EmojiStore queries, written once for both backends like thread_store_impl.h: `DbT` is
// store::sqlite::Db or store::postgres::Db; $n placeholders become SQLite's ?n when kSqlite.
#pragma once

#include "store/emoji_store.h"
#include "store/sql/dialect.h"
#include "store/sql/json_columns.h"

#include <algorithm>
#include <string>

namespace parley::store::sql {

template <class DbT, bool kSqlite>
class SqlEmojiStore final : public EmojiStore {
 public:
  explicit SqlEmojiStore(DbT& db) : db_(db) {}

  bool save(const model::Emoji& e) override {
    return db_.write([&](auto& c) {
      if (name_taken(c, e.name)) return false;
      c.prepare(q<kSqlite>("INSERT INTO Emoji (Id, CreateAt, UpdateAt, DeleteAt, CreatorId, Name) "
                           "VALUES ($1, $2, $3, $4, $5, $6)"))
          .bind_all(e.id, e.create_at, e.update_at, e.delete_at, e.creator_id, e.name)
          .run();
      return true;
    });
  }

  std::optional<model::Emoji> get(std::string_view id) override { return one("Id = $1", id); }

  std::optional<model::Emoji> get_by_name(std::string_view name) override {
    return one("Name = $1", name);
  }

  std::vector<model::Emoji> get_by_names(const std::vector<std::string>& names) override {
    if (names.empty()) return {};
    return db_.read([&](auto& c) {
      auto s = c.prepare(q<kSqlite>(std::string(kSelect) + "WHERE DeleteAt = 0 AND Name IN (" +
                                    placeholders(names.size()) + ") ORDER BY Name"));
      for (std::size_t i = 0; i < names.size(); ++i) s.bind(static_cast<int>(i + 1), names[i]);
      return read_all(s);
    });
  }

  std::vector<model::Emoji> list(int64_t offset, int64_t limit, bool by_name) override {
    return db_.read([&](auto& c) {
      auto s = c.prepare(q<kSqlite>(std::string(kSelect) + "WHERE DeleteAt = 0 ORDER BY " +
                                    (by_name ? "Name" : "CreateAt, Id") + " LIMIT $1 OFFSET $2"));
      s.bind_all(limit, offset);
      return read_all(s);
    });
  }

  std::vector<model::Emoji> search(std::string_view term, bool prefix_only,
                                   int64_t limit) override {
    return db_.read([&](auto& c) {
      std::string pattern = like_prefix(term);
      if (!prefix_only) pattern = "%" + pattern;
      auto s = c.prepare(q<kSqlite>(std::string(kSelect) +
                                    "WHERE DeleteAt = 0 AND Name LIKE $1 ESCAPE '\\' ORDER BY Name "
                                    "LIMIT $2"));
      s.bind_all(pattern, limit);
      return read_all(s);
    });
  }

  bool remove(std::string_view id, int64_t at) override {
    return db_.write([&](auto& c) {
      // Every statement is read to its end before the next one runs on the connection.
      auto name = live_name(c, id);
      if (!name) return false;
      c.prepare(q<kSqlite>("UPDATE Emoji SET DeleteAt = $1, UpdateAt = $1 WHERE Id = $2"))
          .bind_all(at, id)
          .run();
      auto posts = c.prepare(q<kSqlite>(
          "SELECT DISTINCT PostId FROM Reactions WHERE EmojiName = $1 AND DeleteAt = 0"));
      posts.bind(1, *name);
      std::vector<std::string> post_ids;
      while (posts.step()) post_ids.push_back(posts.text(0));
      c.prepare(
           q<kSqlite>("UPDATE Reactions SET DeleteAt = $1, UpdateAt = $1 WHERE EmojiName = $2 AND "
                      "DeleteAt = 0"))
          .bind_all(at, *name)
          .run();
      for (const auto& post_id : post_ids)
        c.prepare(q<kSqlite>(
                      "UPDATE Posts SET HasReactions = CASE WHEN EXISTS (SELECT 1 FROM Reactions "
                      "WHERE PostId = $1 AND DeleteAt = 0) THEN 1 ELSE 0 END, UpdateAt = CASE WHEN "
                      "UpdateAt > $2 THEN UpdateAt ELSE $2 END WHERE Id = $1"))
            .bind_all(post_id, at)
            .run();
      return true;
    });
  }

 private:
  static constexpr std::string_view kSelect =
      "SELECT Id, CreateAt, UpdateAt, DeleteAt, CreatorId, Name FROM Emoji ";

  template <class Stmt>
  static model::Emoji read(const Stmt& s) {
    return model::Emoji{s.text(0), s.int64(1), s.int64(2), s.int64(3), s.text(4), s.text(5)};
  }

  template <class Stmt>
  static std::vector<model::Emoji> read_all(Stmt& s) {
    std::vector<model::Emoji> out;
    while (s.step()) out.push_back(read(s));
    return out;
  }

  template <class Conn>
  static bool name_taken(Conn& c, std::string_view name) {
    auto s = c.prepare(q<kSqlite>("SELECT COUNT(*) FROM Emoji WHERE Name = $1 AND DeleteAt = 0"));
    s.bind(1, name);
    s.step();
    int64_t n = s.int64(0);
    while (s.step()) {
    }
    return n > 0;
  }

  template <class Conn>
  static std::optional<std::string> live_name(Conn& c, std::string_view id) {
    auto s = c.prepare(q<kSqlite>("SELECT Name FROM Emoji WHERE Id = $1 AND DeleteAt = 0"));
    s.bind(1, id);
    std::optional<std::string> name;
    while (s.step()) name = s.text(0);
    return name;
  }

  std::optional<model::Emoji> one(std::string_view where, std::string_view value) {
    return db_.read([&](auto& c) -> std::optional<model::Emoji> {
      auto s = c.prepare(
          q<kSqlite>(std::string(kSelect) + "WHERE DeleteAt = 0 AND " + std::string(where)));
      s.bind(1, value);
      if (!s.step()) return std::nullopt;
      return read(s);
    });
  }

  DbT& db_;
};

}  // namespace parley::store::sql
