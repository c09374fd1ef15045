// Collapsed reply threads with Mattermost's rules: the Threads row and follower memberships kept
// as replies come and go (ThreadAutoFollow), the /users/{id}/teams/{tid}/threads endpoints, and
// the thread_updated / thread_follow_changed / thread_read_changed events.
#pragma once

#include "app/app.h"
#include "model/channel.h"
#include "model/post.h"
#include "model/session.h"
#include "util/app_error.h"

#include <boost/json/object.hpp>

#include <map>
#include <string>
#include <vector>

namespace parley::app {

// A follower's unread counts of a thread just before a reply changed them.
struct ThreadUnreadSnapshot {
  int64_t mentions = 0;
  int64_t replies = 0;
};

struct ReplyThreadState {
  std::vector<std::string> followers;  // after the reply
  // Users who already followed the thread before the reply, with their counts then.
  std::map<std::string, ThreadUnreadSnapshot> previous;
};

// After a reply is saved: refreshes the thread, makes the root author, the replier and the
// mentioned users follow it, and counts `explicit_mentions` as unread thread mentions; users in
// `mentioned` only as thread participants (comment mentions) follow without a mention.
ReplyThreadState thread_on_reply(App& app, const model::Post& reply, const model::Channel& channel,
                                 const std::vector<std::string>& explicit_mentions,
                                 const std::vector<std::string>& mentioned);
// Users added to a channel from a thread (post_root_id) follow it as Mattermost's "added to the
// channel" reply makes them; the requestor follows too unless they chose to stop.
void follow_thread_on_add(App& app, const std::string& root_id,
                          const std::vector<std::string>& added, const std::string& requestor);
// After a reply of `root_id` was deleted: recounts the row; after the root was: marks it deleted.
void thread_refresh(App& app, const std::string& root_id);
// Publishes thread_updated to each of `recipients` (followers who are channel members with
// collapsed threads on); previous_unread_* come from `previous` (0 for new followers).
void publish_thread_updated(App& app, const std::string& root_id,
                            const std::vector<std::string>& recipients,
                            const std::map<std::string, ThreadUnreadSnapshot>& previous);

// Sets is_following on the root posts of `list` the user has a thread membership for
// (Mattermost's collapsed-threads post queries); others keep it unset.
void set_is_following(App& app, const std::string& user_id, model::PostList& list);

struct UserThreadsQuery {
  std::string before;
  std::string after;
  int per_page = 60;
  bool extended = false;
  bool deleted = false;
  bool unread = false;
  int64_t since = 0;
  bool totals_only = false;
  bool threads_only = false;
};

Result<boost::json::object> get_user_threads(App& app, const model::Session& s,
                                             const std::string& user_id, const std::string& team_id,
                                             const UserThreadsQuery& q);
Result<boost::json::object> get_user_thread(App& app, const model::Session& s,
                                            const std::string& user_id, const std::string& team_id,
                                            const std::string& thread_id, bool extended);
Status set_thread_following(App& app, const model::Session& s, const std::string& user_id,
                            const std::string& team_id, const std::string& thread_id,
                            bool following);
Result<boost::json::object> set_thread_read(App& app, const model::Session& s,
                                            const std::string& user_id, const std::string& team_id,
                                            const std::string& thread_id, int64_t timestamp);
Result<boost::json::object> set_thread_unread(App& app, const model::Session& s,
                                              const std::string& user_id,
                                              const std::string& team_id,
                                              const std::string& thread_id,
                                              const std::string& post_id);
// Marking a reply unread without collapsed threads: the user follows the thread, which is read
// up to `last_viewed` with its unread mentions recounted; thread_updated goes to the user when
// collapsed threads are on.
void mark_thread_unread_from(App& app, const std::string& user_id, const model::Post& root,
                             int64_t last_viewed);
// GET .../threads/mention_counts: {channel_id: unread thread mentions}.
Result<boost::json::object> get_thread_mention_counts(App& app, const model::Session& s,
                                                      const std::string& user_id,
                                                      const std::string& team_id);
Status set_threads_read(App& app, const model::Session& s, const std::string& user_id,
                        const std::string& team_id);

}  // namespace parley::app
