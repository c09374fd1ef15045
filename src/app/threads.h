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

#include <string>
#include <vector>

namespace parley::app {

// After a reply is saved: refreshes the thread, makes the root author, the replier and the
// mentioned users follow it, counts mentions. Returns the followers (for posted's `followers`).
std::vector<std::string> thread_on_reply(App& app, const model::Post& reply,
                                         const model::Channel& channel,
                                         const std::vector<std::string>& mentioned);
// After a reply of `root_id` was deleted: recounts the row; after the root was: marks it deleted.
void thread_refresh(App& app, const std::string& root_id);
// Publishes thread_updated to each follower of the thread; `mentioned` (the users the new reply
// mentioned) sets previous_unread_mentions.
void publish_thread_updated(App& app, const std::string& root_id,
                            const std::vector<std::string>& mentioned);

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
