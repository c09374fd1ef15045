// Keeping collapsed reply threads current as replies come and go: the Threads row, follower
// memberships (ThreadAutoFollow) with their unread mentions, and the thread_updated event.
#include "app/thread_json.h"
#include "app/threads.h"
#include "store/channel_store.h"
#include "store/post_store.h"
#include "store/thread_store.h"

#include <boost/json/serialize.hpp>

#include <algorithm>

namespace parley::app {
namespace {

// Rewrites the Threads row of `root` from its replies; false when the root has no replies.
bool save_thread_row(App& app, const model::Post& root, const std::string& team_id) {
  auto stats = app.store().posts().thread_stats({root.id});
  store::Thread t;
  t.post_id = root.id;
  t.channel_id = root.channel_id;
  t.team_id = team_id;
  t.delete_at = root.delete_at;
  if (!stats.empty()) {
    t.reply_count = stats[0].reply_count;
    t.last_reply_at = stats[0].last_reply_at;
    t.participants = stats[0].participants;
  }
  auto existing = app.store().threads().get(root.id);
  if (!existing && t.reply_count == 0) return false;
  app.store().threads().save(t);
  return true;
}

}  // namespace

std::vector<std::string> thread_on_reply(App& app, const model::Post& reply,
                                         const model::Channel& channel,
                                         const std::vector<std::string>& mentioned) {
  auto root = app.store().posts().get(reply.root_id, true);
  if (!root) return {};
  auto& threads = app.store().threads();
  app.store().transaction([&] {
    save_thread_row(app, *root, channel.team_id);
    if (!app.config()->service.thread_auto_follow) return;
    auto follow = [&](const std::string& user_id, bool replier, bool mentioned_user,
                      bool keep_unfollowed) {
      auto m = threads.membership(root->id, user_id);
      bool fresh = !m;
      if (fresh) {
        m = store::ThreadMembership{root->id, user_id, true, 0, 0, 0};
        // A new follower has read nothing of the thread but the root.
        m->last_viewed = replier ? reply.create_at : root->create_at;
      } else if (!(keep_unfollowed && !m->following)) {
        m->following = true;
      }
      if (replier) {
        m->last_viewed = reply.create_at;
        m->unread_mentions = 0;
      }
      if (mentioned_user && m->following) ++m->unread_mentions;
      m->last_updated = reply.create_at;
      threads.save_membership(*m);
    };
    follow(reply.user_id, true, false, false);
    for (const auto& u : mentioned)
      if (u != reply.user_id) follow(u, false, true, false);
    // The root author follows unless they chose to stop.
    if (root->user_id != reply.user_id &&
        std::find(mentioned.begin(), mentioned.end(), root->user_id) == mentioned.end())
      follow(root->user_id, false, false, true);
    // Other followers see the thread updated.
    for (auto m : threads.memberships(root->id)) {
      if (!m.following || m.user_id == reply.user_id || m.user_id == root->user_id ||
          std::find(mentioned.begin(), mentioned.end(), m.user_id) != mentioned.end())
        continue;
      m.last_updated = reply.create_at;
      threads.save_membership(m);
    }
  });
  std::vector<std::string> followers;
  for (const auto& m : threads.memberships(root->id))
    if (m.following) followers.push_back(m.user_id);
  return followers;
}

void thread_refresh(App& app, const std::string& root_id) {
  auto root = app.store().posts().get(root_id, true);
  if (!root) return;
  if (root->delete_at != 0) {
    // A deleted root keeps its counts; the thread is only marked deleted (MarkAsDeleted).
    if (auto t = app.store().threads().get(root_id)) {
      t->delete_at = root->delete_at;
      app.store().threads().save(*t);
    }
    return;
  }
  auto channel = app.store().channels().get(root->channel_id);
  save_thread_row(app, *root, channel ? channel->team_id : "");
}

void publish_thread_updated(App& app, const std::string& root_id,
                            const std::vector<std::string>& mentioned) {
  auto thread = app.store().threads().get(root_id);
  if (!thread) return;
  for (const auto& m : app.store().threads().memberships(root_id)) {
    if (!m.following) continue;
    auto ut = app.store().threads().user_thread(root_id, m.user_id);
    if (!ut) continue;
    bool was_mentioned =
        std::find(mentioned.begin(), mentioned.end(), m.user_id) != mentioned.end();
    int64_t prev_mentions =
        std::max<int64_t>(0, ut->membership.unread_mentions - (was_mentioned ? 1 : 0));
    int64_t prev_replies = std::max<int64_t>(0, ut->unread_replies - 1);
    auto json = thread_response_json(app, *ut, false);
    if (!json) continue;
    Event e{"thread_updated",
            {{"thread", boost::json::serialize(*json)},
             {"previous_unread_mentions", prev_mentions},
             {"previous_unread_replies", prev_replies}},
            {},
            std::nullopt,
            {},
            {}};
    e.broadcast.user_id = m.user_id;
    e.broadcast.team_id = thread->team_id;
    app.publish(std::move(e));
  }
}

}  // namespace parley::app
