// WebSocket presence -> statuses. The hub reports when a user's first socket attaches or last
// socket detaches; PresenceTracker applies those changes (online / offline unless set by hand)
// on its own thread so the hub never waits on the database, and ends timed DND statuses once a
// minute.
#pragma once

#include "app/app.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

namespace parley::app {

class PresenceListener {
 public:
  virtual ~PresenceListener() = default;
  // `online`: the user now has at least one attached socket (reported again for every socket
  // that attaches, as each new connection sets the user online). Must not block.
  virtual void presence_changed(const std::string& user_id, bool online) = 0;
  // A socket closed while others stay, and none of them saw activity since `last_activity_at`,
  // which is past the away timeout: the status takes that time and may become away.
  virtual void connections_idle(const std::string& user_id, int64_t last_activity_at) = 0;
};

class PresenceTracker final : public PresenceListener {
 public:
  // Resets statuses not set by hand to offline, then starts the worker thread.
  explicit PresenceTracker(App& app,
                           std::chrono::milliseconds dnd_check_interval = std::chrono::minutes(1));
  ~PresenceTracker() override;  // applies what is queued, then joins
  PresenceTracker(const PresenceTracker&) = delete;
  PresenceTracker& operator=(const PresenceTracker&) = delete;

  void presence_changed(const std::string& user_id, bool online) override;
  void connections_idle(const std::string& user_id, int64_t last_activity_at) override;
  // Blocks until every change queued so far has been applied.
  void drain();

 private:
  void run();

  App& app_;
  const std::chrono::milliseconds dnd_check_interval_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable idle_;
  struct Change {
    std::string user_id;
    enum class Kind { online, offline, idle } kind;
    int64_t last_activity_at = 0;
  };
  std::deque<Change> queue_;
  bool busy_ = false;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace parley::app
