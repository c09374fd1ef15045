// Assembles the SQLite aggregate stores behind store::Store.
#include "store/sqlite/sqlite_store.h"
#include "store/cached_store.h"

#include "store/sql/draft_store_impl.h"
#include "store/sql/emoji_store_impl.h"
#include "store/sql/file_info_store_impl.h"
#include "store/sql/search_store_impl.h"
#include "store/sql/thread_store_impl.h"
#include "store/sqlite/channel_store.h"
#include "store/sqlite/db.h"
#include "store/sqlite/migrations.h"
#include "store/sqlite/post_store.h"
#include "store/sqlite/preference_store.h"
#include "store/sqlite/reaction_store.h"
#include "store/sqlite/session_store.h"
#include "store/sqlite/sidebar_store.h"
#include "store/sqlite/status_store.h"
#include "store/sqlite/system_store.h"
#include "store/sqlite/team_store.h"
#include "store/sqlite/user_store.h"
#include "util/ids.h"

namespace parley::store::sqlite {
namespace {

class SqliteStore final : public Store {
 public:
  SqliteStore(const std::string& path, int readers)
      : db_(path, readers),
        users_(db_),
        sessions_(db_),
        teams_(db_),
        channels_(db_),
        system_(db_),
        posts_(db_),
        reactions_(db_),
        preferences_(db_),
        statuses_(db_),
        sidebar_(db_),
        threads_(db_),
        drafts_(db_),
        emoji_(db_),
        search_(db_, [this] { SqlitePostStore::index_queued(db_); }),
        file_infos_(db_) {
    migrate(db_);
    db_.set_before_commit(&SqlitePostStore::index_pending);
  }

  UserStore& users() override { return users_; }
  SessionStore& sessions() override { return sessions_; }
  TeamStore& teams() override { return teams_; }
  ChannelStore& channels() override { return channels_; }
  SystemStore& system() override { return system_; }
  PostStore& posts() override { return posts_; }
  ReactionStore& reactions() override { return reactions_; }
  PreferenceStore& preferences() override { return preferences_; }
  StatusStore& statuses() override { return statuses_; }
  SidebarStore& sidebar() override { return sidebar_; }
  ThreadStore& threads() override { return threads_; }
  DraftStore& drafts() override { return drafts_; }
  EmojiStore& emoji() override { return emoji_; }
  SearchStore& search() override { return search_; }
  FileInfoStore& file_infos() override { return file_infos_; }

  void transaction(const std::function<void()>& f) override {
    db_.write([&](Conn&) { f(); });
  }

  bool healthy() override {
    try {
      std::string probe = "health_check_" + new_id();
      db_.write([&](Conn& c) {
        c.prepare("INSERT INTO Systems (Name, Value) VALUES (?, 'ok')").bind(1, probe).run();
        c.prepare("DELETE FROM Systems WHERE Name = ?").bind(1, probe).run();
      });
      return true;
    } catch (const std::exception&) {
      return false;
    }
  }

 private:
  Db db_;
  SqliteUserStore users_;
  SqliteSessionStore sessions_;
  SqliteTeamStore teams_;
  SqliteChannelStore channels_;
  SqliteSystemStore system_;
  SqlitePostStore posts_;
  SqliteReactionStore reactions_;
  SqlitePreferenceStore preferences_;
  SqliteStatusStore statuses_;
  SqliteSidebarStore sidebar_;
  sql::SqlThreadStore<Db, true> threads_;
  sql::SqlDraftStore<Db, true> drafts_;
  sql::SqlEmojiStore<Db, true> emoji_;
  sql::SqlSearchStore<Db, true> search_;
  sql::SqlFileInfoStore<Db, true> file_infos_;
};

}  // namespace

std::unique_ptr<Store> open_store(const std::string& path, int readers) {
  return with_caches(std::make_unique<SqliteStore>(path, readers));
}

}  // namespace parley::store::sqlite
