// The DraftStore queries, written once for both backends: `DbT` is store::sqlite::Db or
// store::postgres::Db. Queries use $n placeholders, turned into SQLite's ?n when kSqlite.
#pragma once

#include "store/draft_store.h"
#include "store/sql/dialect.h"
#include "store/sql/json_columns.h"

#include <algorithm>
#include <string>

namespace parley::store::sql {

template <class DbT, bool kSqlite>
class SqlDraftStore final : public DraftStore {
 public:
  explicit SqlDraftStore(DbT& db) : db_(db) {}

  model::Draft upsert(const model::Draft& d) override {
    return db_.write([&](auto& c) {
      c.prepare(q<kSqlite>(
                    "INSERT INTO Drafts (UserId, ChannelId, RootId, CreateAt, UpdateAt, DeleteAt, "
                    "Message, Props, FileIds, Priority) VALUES ($1, $2, $3, $4, $5, 0, $6, $7, $8, "
                    "$9) ON CONFLICT (UserId, ChannelId, RootId) DO UPDATE SET UpdateAt = "
                    "excluded.UpdateAt, Message = excluded.Message, Props = excluded.Props, "
                    "FileIds = excluded.FileIds, Priority = excluded.Priority, DeleteAt = 0"))
          .bind_all(d.user_id, d.channel_id, d.root_id, d.create_at, d.update_at, d.message,
                    to_text(d.props), json_string_list(d.file_ids), priority_text(d))
          .run();
      auto s = c.prepare(q<kSqlite>(std::string(kSelect) +
                                    "FROM Drafts d WHERE d.UserId = $1 AND d.ChannelId = $2 AND "
                                    "d.RootId = $3"));
      s.bind_all(d.user_id, d.channel_id, d.root_id);
      s.step();
      return read_draft(s);
    });
  }

  std::optional<model::Draft> get(std::string_view user_id, std::string_view channel_id,
                                  std::string_view root_id) override {
    return db_.read([&](auto& c) -> std::optional<model::Draft> {
      auto s = c.prepare(q<kSqlite>(std::string(kSelect) +
                                    "FROM Drafts d WHERE d.UserId = $1 AND d.ChannelId = $2 AND "
                                    "d.RootId = $3 AND d.DeleteAt = 0"));
      s.bind_all(user_id, channel_id, root_id);
      if (!s.step()) return std::nullopt;
      return read_draft(s);
    });
  }

  bool remove(std::string_view user_id, std::string_view channel_id,
              std::string_view root_id) override {
    return db_.write([&](auto& c) {
      auto s = c.prepare(
          q<kSqlite>("DELETE FROM Drafts WHERE UserId = $1 AND ChannelId = $2 AND RootId = $3"));
      s.bind_all(user_id, channel_id, root_id);
      if constexpr (kSqlite) {
        s.run();
        return c.changes() > 0;
      } else {
        return s.changes() > 0;
      }
    });
  }

  void remove_for_root(std::string_view channel_id, std::string_view root_id) override {
    db_.write([&](auto& c) {
      c.prepare(q<kSqlite>("DELETE FROM Drafts WHERE ChannelId = $1 AND RootId = $2"))
          .bind_all(channel_id, root_id)
          .run();
    });
  }

  std::vector<model::Draft> for_user(std::string_view user_id, std::string_view team_id) override {
    return db_.read([&](auto& c) {
      auto s = c.prepare(q<kSqlite>(
          std::string(kSelect) +
          "FROM Drafts d JOIN ChannelMembers cm ON cm.ChannelId = d.ChannelId AND cm.UserId = "
          "d.UserId JOIN Channels ch ON ch.Id = d.ChannelId WHERE d.UserId = $1 AND "
          "d.DeleteAt = 0 AND ($2 = '' OR ch.TeamId = $2 OR ch.TeamId = '') ORDER BY "
          "d.UpdateAt DESC, d.ChannelId, d.RootId"));
      s.bind_all(user_id, team_id);
      std::vector<model::Draft> out;
      while (s.step()) out.push_back(read_draft(s));
      return out;
    });
  }

 private:
  static std::string priority_text(const model::Draft& d) {
    return d.priority.empty() ? std::string() : to_text(d.priority);
  }

  static constexpr std::string_view kSelect =
      "SELECT d.UserId, d.ChannelId, d.RootId, d.CreateAt, d.UpdateAt, d.DeleteAt, d.Message, "
      "d.Props, d.FileIds, d.Priority ";

  template <class Row>
  static model::Draft read_draft(const Row& s) {
    model::Draft d;
    d.user_id = s.text(0);
    d.channel_id = s.text(1);
    d.root_id = s.text(2);
    d.create_at = s.int64(3);
    d.update_at = s.int64(4);
    d.delete_at = s.int64(5);
    d.message = s.text(6);
    d.props = parse_object(s.text(7));
    d.file_ids = parse_string_list(s.text(8));
    if (auto p = s.text(9); !p.empty()) d.priority = parse_object(p);
    return d;
  }

  DbT& db_;
};

}  // namespace parley::store::sql
