// Tells the store which user the current request acts for, so that a backend with read replicas
// can keep that user's reads on the primary right after they write (read-after-write). The api
// layer opens one ActingUser per authenticated request on the thread that handles it; nothing
// else needs to know. Backends without replicas (SQLite) ignore it.
#pragma once

#include <string>

namespace parley::store {

class ActingUser {
 public:
  explicit ActingUser(std::string user_id);
  ~ActingUser();
  ActingUser(const ActingUser&) = delete;
  ActingUser& operator=(const ActingUser&) = delete;

  // The innermost scope open on this thread, or nullptr (background work, anonymous requests).
  static ActingUser* current();

  const std::string& user_id() const { return user_id_; }
  bool wrote() const { return wrote_; }
  void mark_wrote() { wrote_ = true; }

 private:
  std::string user_id_;
  bool wrote_ = false;
  ActingUser* outer_;
};

}  // namespace parley::store
