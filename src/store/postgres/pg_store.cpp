// Assembles the PostgreSQL aggregate stores behind store::Store.
#include "store/postgres/pg_store.h"
#include "store/cached_store.h"

#include "store/postgres/channel_store.h"
#include "store/postgres/migrations.h"
#include "store/postgres/post_store.h"
#include "store/postgres/sidebar_store.h"
#include "store/postgres/small_stores.h"
#include "store/postgres/team_store.h"
#include "store/postgres/user_store.h"
#include "store/sql/draft_store_impl.h"
#include "store/sql/emoji_store_impl.h"
#include "store/sql/file_info_store_impl.h"
#include "store/sql/search_store_impl.h"
#include "store/sql/thread_store_impl.h"
#include "util/ids.h"

namespace parley::store::postgres {
namespace {

class PgStore final : public Store {
 public:
  explicit PgStore(const DbOptions& options)
      : db_(options),
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
        search_(db_),
        file_infos_(db_) {
    migrate(db_);
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
        c.prepare("INSERT INTO Systems (Name, Value) VALUES ($1, 'ok')").bind(1, probe).run();
        c.prepare("DELETE FROM Systems WHERE Name = $1").bind(1, probe).run();
      });
      return true;
    } catch (const std::exception&) {
      return false;
    }
  }

 private:
  Db db_;
  PgUserStore users_;
  PgSessionStore sessions_;
  PgTeamStore teams_;
  PgChannelStore channels_;
  PgSystemStore system_;
  PgPostStore posts_;
  PgReactionStore reactions_;
  PgPreferenceStore preferences_;
  PgStatusStore statuses_;
  PgSidebarStore sidebar_;
  sql::SqlThreadStore<Db, false> threads_;
  sql::SqlDraftStore<Db, false> drafts_;
  sql::SqlEmojiStore<Db, false> emoji_;
  sql::SqlSearchStore<Db, false> search_;
  sql::SqlFileInfoStore<Db, false> file_infos_;
};

}  // namespace

std::unique_ptr<Store> open_store(const DbOptions& options) {
  return with_caches(std::make_unique<PgStore>(options),
                     {.post_listings = options.replicas.empty()});
}

}  // namespace parley::store::postgres
