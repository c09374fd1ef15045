// SQLite queries for reactions; every change also refreshes the post's HasReactions/UpdateAt.
#include "store/sqlite/reaction_store.h"

#include "store/sql/misc_rows.h"
#include "store/sqlite/row.h"

namespace parley::store::sqlite {
namespace {

constexpr std::string_view kSelect = sql::kReactionSelect;
using sql::read_reaction;

void refresh_post(Conn& c, std::string_view post_id, int64_t at) {
  c.prepare(
       "UPDATE Posts SET HasReactions = EXISTS (SELECT 1 FROM Reactions WHERE PostId = ?1 AND "
       "DeleteAt = 0), UpdateAt = MAX(UpdateAt, ?2) WHERE Id = ?1")
      .bind_all(post_id, at)
      .run();
}

}  // namespace

void SqliteReactionStore::save(const model::Reaction& r) {
  db_.write([&](Conn& c) {
    c.prepare(
         "INSERT INTO Reactions (UserId, PostId, EmojiName, CreateAt, UpdateAt, DeleteAt, "
         "ChannelId) VALUES (?, ?, ?, ?, ?, 0, ?) ON CONFLICT (PostId, UserId, EmojiName) DO "
         "UPDATE SET UpdateAt = excluded.UpdateAt, DeleteAt = 0, CreateAt = CASE WHEN "
         "DeleteAt = 0 THEN CreateAt ELSE excluded.CreateAt END, ChannelId = excluded.ChannelId")
        .bind_all(r.user_id, r.post_id, r.emoji_name, r.create_at, r.update_at, r.channel_id)
        .run();
    refresh_post(c, r.post_id, r.update_at);
  });
}

void SqliteReactionStore::remove(const model::Reaction& r, int64_t at) {
  db_.write([&](Conn& c) {
    c.prepare(
         "UPDATE Reactions SET DeleteAt = ?1, UpdateAt = ?1 WHERE PostId = ?2 AND UserId = ?3 AND "
         "EmojiName = ?4 AND DeleteAt = 0")
        .bind_all(at, r.post_id, r.user_id, r.emoji_name)
        .run();
    refresh_post(c, r.post_id, at);
  });
}

std::vector<model::Reaction> SqliteReactionStore::for_post(std::string_view post_id) {
  return db_.read([&](Conn& c) {
    auto s = c.prepare(std::string(kSelect) +
                       "WHERE PostId = ? AND DeleteAt = 0 ORDER BY CreateAt, UserId, EmojiName");
    s.bind(1, post_id);
    std::vector<model::Reaction> out;
    while (s.step()) out.push_back(read_reaction(s));
    return out;
  });
}

std::vector<model::Reaction> SqliteReactionStore::for_posts(
    const std::vector<std::string>& post_ids) {
  if (post_ids.empty()) return {};
  return db_.read([&](Conn& c) {
    auto s = c.prepare(std::string(kSelect) +
                       "WHERE PostId IN (SELECT value FROM json_each(?)) AND DeleteAt = 0");
    s.bind(1, boost::json::serialize(boost::json::array(post_ids.begin(), post_ids.end())));
    std::vector<model::Reaction> out;
    while (s.step()) out.push_back(read_reaction(s));
    // Sorted here rather than by an ORDER BY: SQLite would open a temporary B-tree (a pager and
    // its page buffers) on every call, which cost more than the query itself.
    model::sort_reactions(out);
    return out;
  });
}

bool SqliteReactionStore::exists_on_post(std::string_view post_id, std::string_view emoji_name) {
  return db_.read([&](Conn& c) {
    auto s = c.prepare(
        "SELECT 1 FROM Reactions WHERE PostId = ? AND EmojiName = ? AND DeleteAt = 0 LIMIT 1");
    s.bind_all(post_id, emoji_name);
    return s.step();
  });
}

int64_t SqliteReactionStore::unique_count(std::string_view post_id) {
  return db_.read([&](Conn& c) {
    auto s = c.prepare(
        "SELECT COUNT(DISTINCT EmojiName) FROM Reactions WHERE PostId = ? AND DeleteAt = 0");
    s.bind(1, post_id);
    return s.step() ? s.int64(0) : int64_t{0};
  });
}

}  // namespace parley::store::sqlite
