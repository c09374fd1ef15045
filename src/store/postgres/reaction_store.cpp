// PostgreSQL queries for reactions; every change also refreshes the post's HasReactions/UpdateAt.
#include "store/postgres/row.h"
#include "store/postgres/small_stores.h"
#include "store/sql/misc_rows.h"

namespace parley::store::postgres {
namespace {

const std::string kSelect(sql::kReactionSelect);
model::Reaction read(const Stmt& s) {
  return sql::read_reaction(s);
}

void refresh_post(Conn& c, std::string_view post_id, int64_t at) {
  c.prepare(
       "UPDATE Posts SET HasReactions = CASE WHEN EXISTS (SELECT 1 FROM Reactions WHERE PostId = "
       "$1 AND DeleteAt = 0) THEN 1 ELSE 0 END, UpdateAt = GREATEST(UpdateAt, $2) WHERE Id = $1")
      .bind_all(post_id, at)
      .run();
}

}  // namespace

void PgReactionStore::save(const model::Reaction& r) {
  db_.write([&](Conn& c) {
    c.prepare(
         "INSERT INTO Reactions AS x (UserId, PostId, EmojiName, CreateAt, UpdateAt, DeleteAt, "
         "ChannelId) VALUES ($1, $2, $3, $4, $5, 0, $6) ON CONFLICT (PostId, UserId, EmojiName) "
         "DO UPDATE SET UpdateAt = excluded.UpdateAt, DeleteAt = 0, CreateAt = CASE WHEN "
         "x.DeleteAt = 0 THEN x.CreateAt ELSE excluded.CreateAt END, ChannelId = "
         "excluded.ChannelId")
        .bind_all(r.user_id, r.post_id, r.emoji_name, r.create_at, r.update_at, r.channel_id)
        .run();
    refresh_post(c, r.post_id, r.update_at);
  });
}

void PgReactionStore::remove(const model::Reaction& r, int64_t at) {
  db_.write([&](Conn& c) {
    c.prepare(
         "UPDATE Reactions SET DeleteAt = $1, UpdateAt = $1 WHERE PostId = $2 AND UserId = $3 AND "
         "EmojiName = $4 AND DeleteAt = 0")
        .bind_all(at, r.post_id, r.user_id, r.emoji_name)
        .run();
    refresh_post(c, r.post_id, at);
  });
}

std::vector<model::Reaction> PgReactionStore::for_post(std::string_view post_id) {
  return db_.read([&](Conn& c) {
    auto s = c.prepare(kSelect +
                       "WHERE PostId = $1 AND DeleteAt = 0 ORDER BY CreateAt, UserId, EmojiName");
    s.bind(1, post_id);
    return collect<model::Reaction>(s, read);
  });
}

std::vector<model::Reaction> PgReactionStore::for_posts(const std::vector<std::string>& post_ids) {
  if (post_ids.empty()) return {};
  return db_.read([&](Conn& c) {
    auto s = c.prepare(kSelect +
                       "WHERE PostId = ANY($1::text[]) AND DeleteAt = 0 "
                       "ORDER BY CreateAt, UserId, EmojiName");
    s.bind(1, text_array(post_ids));
    return collect<model::Reaction>(s, read);
  });
}

bool PgReactionStore::exists_on_post(std::string_view post_id, std::string_view emoji_name) {
  return db_.read([&](Conn& c) {
    auto s = c.prepare(
        "SELECT 1 FROM Reactions WHERE PostId = $1 AND EmojiName = $2 AND DeleteAt = 0 LIMIT 1");
    s.bind_all(post_id, emoji_name);
    return s.step();
  });
}

int64_t PgReactionStore::unique_count(std::string_view post_id) {
  return db_.read([&](Conn& c) {
    auto s = c.prepare(
        "SELECT COUNT(DISTINCT EmojiName) FROM Reactions WHERE PostId = $1 AND DeleteAt = 0");
    s.bind(1, post_id);
    return s.step() ? s.int64(0) : int64_t{0};
  });
}

}  // namespace parley::store::postgres
