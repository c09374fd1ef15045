// The presence worker: a queue of presence changes (online, offline, idle) applied in order.
#include "app/presence.h"

#include "app/statuses.h"
#include "util/ids.h"
#include "util/log.h"

namespace parley::app {

PresenceTracker::PresenceTracker(App& app, std::chrono::milliseconds dnd_check_interval)
    : app_(app), dnd_check_interval_(dnd_check_interval) {
  reset_statuses(app_);
  thread_ = std::thread([this] { run(); });
}

PresenceTracker::~PresenceTracker() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void PresenceTracker::presence_changed(const std::string& user_id, bool online) {
  {
    std::lock_guard lock(mutex_);
    queue_.push_back({user_id, online ? Change::Kind::online : Change::Kind::offline, 0});
  }
  wake_.notify_one();
}

void PresenceTracker::connections_idle(const std::string& user_id, int64_t last_activity_at) {
  {
    std::lock_guard lock(mutex_);
    queue_.push_back({user_id, Change::Kind::idle, last_activity_at});
  }
  wake_.notify_one();
}

void PresenceTracker::drain() {
  std::unique_lock lock(mutex_);
  idle_.wait(lock, [&] { return queue_.empty() && !busy_; });
}

void PresenceTracker::run() {
  auto next_dnd_check = std::chrono::steady_clock::now() + dnd_check_interval_;
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait_until(lock, next_dnd_check, [&] { return stopping_ || !queue_.empty(); });
    bool check_dnd = std::chrono::steady_clock::now() >= next_dnd_check;
    if (queue_.empty() && !check_dnd) {
      if (stopping_) break;
      continue;
    }
    auto batch = std::move(queue_);
    queue_.clear();
    busy_ = true;
    lock.unlock();
    try {
      for (const auto& c : batch) {
        switch (c.kind) {
          case Change::Kind::online:
            set_status_online(app_, c.user_id, false);
            break;
          case Change::Kind::offline:
            set_status_offline(app_, c.user_id, false);
            break;
          case Change::Kind::idle:
            set_status_last_activity_at(app_, c.user_id, c.last_activity_at);
            break;
        }
      }
      if (check_dnd) expire_dnd_statuses(app_, now_ms() / 1000);
    } catch (const std::exception& e) {
      log::warn("presence update failed", {{"error", e.what()}});
    }
    if (check_dnd) next_dnd_check = std::chrono::steady_clock::now() + dnd_check_interval_;
    lock.lock();
    busy_ = false;
    idle_.notify_all();
  }
  busy_ = false;
  idle_.notify_all();
}

}  // namespace parley::app
