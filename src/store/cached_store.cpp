// The caching Store decorator: forwards everything, caches session-by-token, user-by-id,
// status-by-user and channel-by-id reads, channel post listings, reactions and channel mention
// lists.
#include "store/cached_store.h"

#include "store/cache_tx.h"
#include "store/cached_channels.h"
#include "store/cached_posts.h"
#include "store/cached_reactions.h"
#include "store/key_cache.h"
#include "store/session_store.h"
#include "store/status_store.h"
#include "store/user_store.h"

#include <functional>
#include <memory>

namespace parley::store {
namespace {

using cache_tx::write_then;

class CachedSessionStore final : public SessionStore {
 public:
  explicit CachedSessionStore(SessionStore& inner) : inner_(inner) {}

  void insert(const model::Session& s) override { inner_.insert(s); }

  std::optional<model::Session> get_by_token(std::string_view token) override {
    if (cache_tx::active()) return inner_.get_by_token(token);
    return by_token_.get_or_load(token, [&] { return inner_.get_by_token(token); });
  }

  std::optional<model::Session> get(std::string_view id) override { return inner_.get(id); }
  std::vector<model::Session> for_user(std::string_view user_id) override {
    return inner_.for_user(user_id);
  }

  void remove(std::string_view id) override {
    write_then([&] { inner_.remove(id); }, by_id(id));
  }
  void remove_for_user(std::string_view user_id) override {
    write_then([&] { inner_.remove_for_user(user_id); }, by_user(user_id));
  }
  void update_last_activity(std::string_view id, int64_t at) override {
    write_then([&] { inner_.update_last_activity(id, at); }, by_id(id));
  }
  void update_roles_for_user(std::string_view user_id, std::string_view roles) override {
    write_then([&] { inner_.update_roles_for_user(user_id, roles); }, by_user(user_id));
  }
  void update_props(std::string_view id, const boost::json::object& props) override {
    write_then([&] { inner_.update_props(id, props); }, by_id(id));
  }
  void remove_expired(int64_t now) override {
    write_then([&] { inner_.remove_expired(now); }, [this] { by_token_.clear(); });
  }

 private:
  // The session's cached entry, found by its token (read before the write): a scan of every
  // cached session under the lock for each activity update made the cache's cost grow with the
  // number of users.
  std::function<void()> by_id(std::string_view id) {
    if (auto s = inner_.get(id))
      return [this, token = std::move(s->token)] { by_token_.erase(token); };
    return [this, id = std::string(id)] {
      by_token_.erase_if([&](const model::Session& s) { return s.id == id; });
    };
  }
  std::function<void()> by_user(std::string_view user_id) {
    return [this, uid = std::string(user_id)] {
      by_token_.erase_if([&](const model::Session& s) { return s.user_id == uid; });
    };
  }

  SessionStore& inner_;
  KeyCache<model::Session> by_token_{35'000};  // Mattermost's SessionCacheSize
};

class CachedUserStore final : public UserStore {
 public:
  CachedUserStore(UserStore& inner, MentionCache& mentions, ChannelCaches& channels)
      : inner_(inner), mentions_(mentions), channels_(channels) {}

  void insert(const model::User& u) override {
    write_then([&] { inner_.insert(u); }, written(u, false));
  }
  void update(const model::User& u) override {
    // Channel member counts leave out deleted users and count guests by their roles.
    auto old = get(u.id);
    bool counted_differently = !old || old->delete_at != u.delete_at || old->roles != u.roles;
    write_then([&] { inner_.update(u); }, written(u, counted_differently));
  }
  std::optional<model::User> get(std::string_view id) override {
    if (cache_tx::active()) return inner_.get(id);
    return by_id_.get_or_load(id, [&] { return inner_.get(id); });
  }
  std::optional<model::User> get_by_username(std::string_view username) override {
    return inner_.get_by_username(username);
  }
  std::optional<model::User> get_by_email(std::string_view email) override {
    return inner_.get_by_email(email);
  }
  std::vector<model::User> get_many(const std::vector<std::string>& ids) override {
    return inner_.get_many(ids);
  }
  std::vector<model::User> get_by_usernames(const std::vector<std::string>& names) override {
    return inner_.get_by_usernames(names);
  }
  std::vector<model::User> query(const UserQuery& q) override { return inner_.query(q); }
  int64_t count(bool include_deleted) override { return inner_.count(include_deleted); }

 private:
  // The user's cached profile, the mention lists holding other values for them and, when
  // `counts`, every channel's member counts.
  std::function<void()> written(const model::User& u, bool counts) {
    return [this, u, counts] {
      by_id_.erase(u.id);
      mentions_.user_written(u);
      if (counts) channels_.member_counts.clear();
    };
  }

  UserStore& inner_;
  MentionCache& mentions_;
  ChannelCaches& channels_;
  KeyCache<model::User> by_id_{50'000};  // Mattermost's user profile cache size
};

// Statuses by user id, as Mattermost's status cache: every post reads the poster's status
// (set_status_online decides that nothing changes) and every channel switch the statuses of
// the users it shows. Each status write drops its user, timed DND ending the users it
// changed, the reset at start everything.
class CachedStatusStore final : public StatusStore {
 public:
  explicit CachedStatusStore(StatusStore& inner) : inner_(inner) {}

  std::optional<model::Status> get(std::string_view user_id) override {
    if (cache_tx::active()) return inner_.get(user_id);
    return by_user_.get_or_load(user_id, [&] { return inner_.get(user_id); });
  }
  std::vector<model::Status> get_many(const std::vector<std::string>& user_ids) override {
    if (cache_tx::active()) return inner_.get_many(user_ids);
    std::vector<model::Status> out;
    out.reserve(user_ids.size());
    std::vector<std::string> missing;
    by_user_.find_each(
        user_ids, [&](const model::Status& st) { out.push_back(st); },
        [&](const std::string& id) { missing.push_back(id); });
    if (missing.empty()) return out;
    auto gen = by_user_.generation();
    for (auto& st : inner_.get_many(missing)) {
      by_user_.fill(st.user_id, st, gen);
      out.push_back(std::move(st));
    }
    return out;
  }
  void save(const model::Status& st) override {
    write_then([&] { inner_.save(st); }, [this, id = st.user_id] { by_user_.erase(id); });
  }
  void update_last_activity(std::string_view user_id, int64_t at) override {
    write_then([&] { inner_.update_last_activity(user_id, at); },
               [this, id = std::string(user_id)] { by_user_.erase(id); });
  }
  std::vector<model::Status> not_offline() override { return inner_.not_offline(); }
  void reset_all() override {
    write_then([&] { inner_.reset_all(); }, [this] { by_user_.clear(); });
  }
  std::vector<model::Status> expire_dnd(int64_t now_seconds) override {
    std::vector<model::Status> out;
    // Shared: a transaction replays the invalidation after this call has returned.
    auto changed = std::make_shared<std::vector<std::string>>();
    write_then(
        [&] {
          out = inner_.expire_dnd(now_seconds);
          for (const auto& st : out) changed->push_back(st.user_id);
        },
        [this, changed] {
          for (const auto& id : *changed) by_user_.erase(id);
        });
    return out;
  }

 private:
  StatusStore& inner_;
  KeyCache<model::Status> by_user_{50'000};
};

class CachedStore final : public Store {
 public:
  CachedStore(std::unique_ptr<Store> inner, CacheOptions options)
      : inner_(std::move(inner)),
        sessions_(inner_->sessions()),
        statuses_(inner_->statuses()),
        users_(inner_->users(), mention_cache_, channel_caches_),
        posts_(inner_->posts(), channel_caches_, options.post_listings),
        channels_(inner_->channels(), channel_caches_, mention_cache_),
        teams_(inner_->teams(), channel_caches_, mention_cache_),
        sidebar_(inner_->sidebar(), mention_cache_),
        reactions_(inner_->reactions(), reaction_cache_, inner_->posts(), channel_caches_),
        emoji_(inner_->emoji(), reaction_cache_, channel_caches_) {}

  UserStore& users() override { return users_; }
  SessionStore& sessions() override { return sessions_; }
  TeamStore& teams() override { return teams_; }
  ChannelStore& channels() override { return channels_; }
  SystemStore& system() override { return inner_->system(); }
  PostStore& posts() override { return posts_; }
  ReactionStore& reactions() override { return reactions_; }
  PreferenceStore& preferences() override { return inner_->preferences(); }
  StatusStore& statuses() override { return statuses_; }
  SidebarStore& sidebar() override { return sidebar_; }
  ThreadStore& threads() override { return inner_->threads(); }
  DraftStore& drafts() override { return inner_->drafts(); }
  EmojiStore& emoji() override { return emoji_; }
  SearchStore& search() override { return inner_->search(); }
  FileInfoStore& file_infos() override { return inner_->file_infos(); }

  void transaction(const std::function<void()>& f) override {
    cache_tx::Scope scope;
    inner_->transaction(f);
  }
  bool healthy() override { return inner_->healthy(); }

 private:
  std::unique_ptr<Store> inner_;
  MentionCache mention_cache_{25'000};  // Mattermost's profiles-in-channel cache size
  CachedSessionStore sessions_;
  CachedStatusStore statuses_;
  CachedUserStore users_;
  ChannelCaches channel_caches_;
  CachedPostStore posts_;
  CachedChannelStore channels_;
  CachedTeamStore teams_;
  CachedSidebarStore sidebar_;
  ReactionCache reaction_cache_{100'000};  // posts, most with no reaction
  CachedReactionStore reactions_;
  CachedEmojiStore emoji_;
};

}  // namespace

std::unique_ptr<Store> with_caches(std::unique_ptr<Store> inner, CacheOptions options) {
  return std::make_unique<CachedStore>(std::move(inner), options);
}

}  // namespace parley::store
