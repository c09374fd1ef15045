// The storage interface the app layer sees: one accessor per aggregate, transactions, health.
// Implementations: store/sqlite (embedded default); PostgreSQL comes later.
#pragma once

#include <functional>
#include <memory>
#include <string>

namespace parley::store {

class UserStore;
class SessionStore;
class TeamStore;
class ChannelStore;
class SystemStore;
class PostStore;
class ReactionStore;
class PreferenceStore;
class StatusStore;
class SidebarStore;
class ThreadStore;
class DraftStore;
class EmojiStore;
class SearchStore;
class FileInfoStore;

class Store {
 public:
  virtual ~Store() = default;
  virtual UserStore& users() = 0;
  virtual SessionStore& sessions() = 0;
  virtual TeamStore& teams() = 0;
  virtual ChannelStore& channels() = 0;
  virtual SystemStore& system() = 0;
  virtual PostStore& posts() = 0;
  virtual ReactionStore& reactions() = 0;
  virtual PreferenceStore& preferences() = 0;
  virtual StatusStore& statuses() = 0;
  virtual SidebarStore& sidebar() = 0;
  virtual ThreadStore& threads() = 0;
  virtual DraftStore& drafts() = 0;
  virtual EmojiStore& emoji() = 0;
  virtual SearchStore& search() = 0;
  virtual FileInfoStore& file_infos() = 0;

  // Runs f in one write transaction; store calls made by f on this thread join it.
  virtual void transaction(const std::function<void()>& f) = 0;
  // A real write + read round trip; false when the database is unreachable.
  virtual bool healthy() = 0;
};

// Thrown by stores for unexpected database failures; `constraint` marks unique violations.
struct StoreError : std::runtime_error {
  StoreError(const std::string& what, bool constraint)
      : std::runtime_error(what), constraint(constraint) {}
  bool constraint;
};

}  // namespace parley::store
