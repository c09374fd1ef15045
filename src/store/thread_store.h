// Persistence of collapsed reply threads: the Threads summary rows and the per-user
// ThreadMemberships (following, last viewed, unread mentions).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace parley::store {

struct Thread {
  std::string post_id;  // the root post
  std::string channel_id;
  int64_t reply_count = 0;
  int64_t last_reply_at = 0;
  std::vector<std::string> participants;  // repliers, in order of first reply
  int64_t delete_at = 0;                  // the root's DeleteAt
  std::string team_id;                    // "" for direct and group channels
};

struct ThreadMembership {
  std::string post_id;
  std::string user_id;
  bool following = true;
  int64_t last_viewed = 0;
  int64_t last_updated = 0;
  int64_t unread_mentions = 0;
};

// A followed thread as one user sees it.
struct UserThread {
  Thread thread;
  ThreadMembership membership;
  int64_t unread_replies = 0;  // non-deleted replies created after last_viewed
};

struct UserThreadQuery {
  std::string user_id;
  std::string team_id;  // threads of this team and of direct/group channels
  std::string before;   // thread id cursors (by last reply time)
  std::string after;
  int per_page = 25;
  bool include_deleted = false;
  bool unread_only = false;
  int64_t since = 0;  // memberships updated after this time
};

struct ThreadTotals {
  int64_t total = 0;
  int64_t unread_threads = 0;
  int64_t unread_mentions = 0;
  int64_t unread_urgent_mentions = 0;  // of threads whose root has priority "urgent"
};

class ThreadStore {
 public:
  virtual ~ThreadStore() = default;
  virtual void save(const Thread& t) = 0;  // insert or replace
  virtual std::optional<Thread> get(std::string_view post_id) = 0;
  virtual void remove(std::string_view post_id) = 0;  // the thread and its memberships
  virtual std::optional<ThreadMembership> membership(std::string_view post_id,
                                                     std::string_view user_id) = 0;
  virtual void save_membership(const ThreadMembership& m) = 0;  // insert or replace
  // Every membership of the thread, following or not.
  virtual std::vector<ThreadMembership> memberships(std::string_view post_id) = 0;
  // The user's memberships of those of `post_ids` that have one (any order).
  virtual std::vector<ThreadMembership> user_memberships(
      std::string_view user_id, const std::vector<std::string>& post_ids) = 0;
  // The user's view of one thread (membership present), unread replies counted.
  virtual std::optional<UserThread> user_thread(std::string_view post_id,
                                                std::string_view user_id) = 0;
  // Followed threads in channels the user belongs to, newest last reply first.
  virtual std::vector<UserThread> for_user(const UserThreadQuery& q) = 0;
  // Totals over the same followed threads (not deleted) as for_user without cursors;
  // `team_only` leaves out direct and group channel threads.
  virtual ThreadTotals totals(std::string_view user_id, std::string_view team_id,
                              bool team_only = false) = 0;
  // Unread mentions of followed threads (not deleted) per channel, channels with none left out.
  virtual std::vector<std::pair<std::string, int64_t>> mention_counts(std::string_view user_id,
                                                                      std::string_view team_id) = 0;
  // Marks every followed thread of the team as read at `at`; returns how many changed.
  virtual int64_t mark_all_read(std::string_view user_id, std::string_view team_id, int64_t at) = 0;
  // Marks read at `at` the user's threads of the channel that have replies after their last view
  // (Mattermost's MarkAllAsReadByChannels, for users without collapsed threads).
  virtual void mark_channel_read(std::string_view user_id, std::string_view channel_id,
                                 int64_t at) = 0;
};

}  // namespace parley::store
