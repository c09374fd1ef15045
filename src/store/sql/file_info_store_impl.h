// The FileInfoStore queries, written once for both backends (see thread_store_impl.h): `DbT` is
// store::sqlite::Db or store::postgres::Db; $n placeholders become SQLite's ?n when kSqlite.
// MiniPreview is kept as base64 text so both backends store it the same way.
#pragma once

#include "store/file_info_store.h"
#include "store/sql/dialect.h"
#include "util/base64.h"

#include <algorithm>
#include <string>

namespace parley::store::sql {

template <class DbT, bool kSqlite>
class SqlFileInfoStore final : public FileInfoStore {
 public:
  explicit SqlFileInfoStore(DbT& db) : db_(db) {}

  void save(const model::FileInfo& f) override {
    db_.write([&](auto& c) {
      auto s = c.prepare(q<kSqlite>(
          "INSERT INTO FileInfo (Id, CreatorId, PostId, ChannelId, CreateAt, UpdateAt, "
          "DeleteAt, Path, ThumbnailPath, PreviewPath, Name, Extension, Size, MimeType, Width, "
          "Height, HasPreviewImage, MiniPreview, Content, RemoteId, Archived) VALUES ($1, $2, $3, "
          "$4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)"));
      s.bind_all(f.id, f.creator_id, f.post_id, f.channel_id, f.create_at, f.update_at, f.delete_at,
                 f.path, f.thumbnail_path, f.preview_path, f.name, f.extension, f.size, f.mime_type,
                 f.width, f.height, f.has_preview_image);
      if (f.mini_preview)
        s.bind(18, base64_encode(*f.mini_preview));
      else
        s.bind_null(18);
      s.bind(19, f.content).bind(20, f.remote_id).bind(21, f.archived).run();
    });
  }

  std::optional<model::FileInfo> get(std::string_view id) override {
    return db_.read([&](auto& c) -> std::optional<model::FileInfo> {
      auto s = c.prepare(q<kSqlite>(std::string(kSelect) + "WHERE Id = $1 AND DeleteAt = 0"));
      s.bind(1, id);
      if (!s.step()) return std::nullopt;
      return read(s);
    });
  }

  std::vector<model::FileInfo> get_many(const std::vector<std::string>& ids) override {
    if (ids.empty()) return {};
    return db_.read([&](auto& c) {
      auto s =
          c.prepare(q<kSqlite>(std::string(kSelect) + "WHERE Id IN (" + placeholders(ids.size()) +
                               ") AND DeleteAt = 0 ORDER BY CreateAt, Id"));
      for (size_t i = 0; i < ids.size(); ++i) s.bind(static_cast<int>(i + 1), ids[i]);
      return collect(s);
    });
  }

  std::vector<model::FileInfo> for_post(std::string_view post_id, bool include_deleted) override {
    return db_.read([&](auto& c) {
      auto s = c.prepare(q<kSqlite>(std::string(kSelect) + "WHERE PostId = $1" +
                                    (include_deleted ? "" : " AND DeleteAt = 0") +
                                    " ORDER BY CreateAt, Id"));
      s.bind(1, post_id);
      return collect(s);
    });
  }

  std::vector<model::FileInfo> for_posts(const std::vector<std::string>& post_ids) override {
    if (post_ids.empty()) return {};
    return db_.read([&](auto& c) {
      auto s = c.prepare(q<kSqlite>(std::string(kSelect) + "WHERE PostId IN (" +
                                    placeholders(post_ids.size()) +
                                    ") AND DeleteAt = 0 ORDER BY CreateAt, Id"));
      for (size_t i = 0; i < post_ids.size(); ++i) s.bind(static_cast<int>(i + 1), post_ids[i]);
      return collect(s);
    });
  }

  bool attach_to_post(std::string_view file_id, std::string_view post_id,
                      std::string_view channel_id, std::string_view creator_id) override {
    return db_.write([&](auto& c) {
      auto s = c.prepare(q<kSqlite>(
          "UPDATE FileInfo SET PostId = $1, ChannelId = $2 WHERE Id = $3 AND PostId = '' AND "
          "CreatorId = $4 AND DeleteAt = 0"));
      s.bind_all(post_id, channel_id, file_id, creator_id);
      return changes(c, s) == 1;
    });
  }

  void delete_for_post(std::string_view post_id, int64_t at) override {
    db_.write([&](auto& c) {
      c.prepare(q<kSqlite>("UPDATE FileInfo SET DeleteAt = $1, UpdateAt = $1 WHERE PostId = $2 AND "
                           "DeleteAt = 0"))
          .bind_all(at, post_id)
          .run();
    });
  }

  void delete_for_post_by_ids(std::string_view post_id, const std::vector<std::string>& ids,
                              int64_t at) override {
    if (ids.empty()) return;
    db_.write([&](auto& c) {
      auto s =
          c.prepare(q<kSqlite>("UPDATE FileInfo SET DeleteAt = $1, UpdateAt = $1 WHERE PostId = $2 "
                               "AND DeleteAt = 0 AND Id IN (" +
                               placeholders(ids.size(), 3) + ")"));
      s.bind_all(at, post_id);
      for (size_t i = 0; i < ids.size(); ++i) s.bind(static_cast<int>(i + 3), ids[i]);
      s.run();
    });
  }

  std::vector<model::FileInfo> permanent_delete_for_post(std::string_view post_id) override {
    return db_.write([&](auto& c) {
      auto s =
          c.prepare(q<kSqlite>(std::string(kSelect) + "WHERE PostId = $1 ORDER BY CreateAt, Id"));
      s.bind(1, post_id);
      auto removed = collect(s);
      c.prepare(q<kSqlite>("DELETE FROM FileInfo WHERE PostId = $1")).bind(1, post_id).run();
      return removed;
    });
  }

  std::vector<model::FileInfo> permanent_delete_for_channel(std::string_view channel_id) override {
    return remove_where("ChannelId = $1", channel_id);
  }

  std::vector<model::FileInfo> permanent_delete_for_team(std::string_view team_id) override {
    return remove_where("ChannelId IN (SELECT Id FROM Channels WHERE TeamId = $1)", team_id);
  }

  std::optional<std::string> content(std::string_view id) override {
    return db_.read([&](auto& c) -> std::optional<std::string> {
      auto s = c.prepare(q<kSqlite>("SELECT Content FROM FileInfo WHERE Id = $1"));
      s.bind(1, id);
      if (!s.step()) return std::nullopt;
      return s.text(0);
    });
  }

  void set_content(std::string_view id, std::string_view content) override {
    db_.write([&](auto& c) {
      c.prepare(q<kSqlite>("UPDATE FileInfo SET Content = $1 WHERE Id = $2"))
          .bind_all(content, id)
          .run();
    });
  }

 private:
  static constexpr std::string_view kSelect =
      "SELECT Id, CreatorId, PostId, ChannelId, CreateAt, UpdateAt, DeleteAt, Path, "
      "ThumbnailPath, PreviewPath, Name, Extension, Size, MimeType, Width, Height, "
      "HasPreviewImage, MiniPreview, '', RemoteId, Archived FROM FileInfo ";

  std::vector<model::FileInfo> remove_where(const std::string& where, std::string_view arg) {
    return db_.write([&](auto& c) {
      auto s =
          c.prepare(q<kSqlite>(std::string(kSelect) + "WHERE " + where + " ORDER BY CreateAt, Id"));
      s.bind(1, arg);
      auto removed = collect(s);
      c.prepare(q<kSqlite>("DELETE FROM FileInfo WHERE " + where)).bind(1, arg).run();
      return removed;
    });
  }

  template <class Conn, class Stmt>
  static int64_t changes(Conn& c, Stmt& s) {
    if constexpr (kSqlite) {
      s.run();
      return c.changes();
    } else {
      return s.changes();
    }
  }

  template <class Row>
  static model::FileInfo read(const Row& s) {
    model::FileInfo f;
    f.id = s.text(0);
    f.creator_id = s.text(1);
    f.post_id = s.text(2);
    f.channel_id = s.text(3);
    f.create_at = s.int64(4);
    f.update_at = s.int64(5);
    f.delete_at = s.int64(6);
    f.path = s.text(7);
    f.thumbnail_path = s.text(8);
    f.preview_path = s.text(9);
    f.name = s.text(10);
    f.extension = s.text(11);
    f.size = s.int64(12);
    f.mime_type = s.text(13);
    f.width = s.int64(14);
    f.height = s.int64(15);
    f.has_preview_image = s.boolean(16);
    if (!s.is_null(17)) f.mini_preview = base64_decode(s.text(17));
    f.content = s.text(18);
    f.remote_id = s.text(19);
    f.archived = s.boolean(20);
    return f;
  }

  template <class Stmt>
  static std::vector<model::FileInfo> collect(Stmt& s) {
    std::vector<model::FileInfo> out;
    while (s.step()) out.push_back(read(s));
    return out;
  }

  DbT& db_;
};

}  // namespace parley::store::sql
