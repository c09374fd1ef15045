// Keeping collapsed reply threads current as replies come and go: the Threads row, follower
// memberships (ThreadAutoFollow) with their unread mentions, and the thread_updated event.
#include "app/crt.h"
#include "app/thread_json.h"
#include "app/threads.h"
#include "store/channel_store.h"
#include "store/post_store.h"
#include "store/thread_store.h"
#include "util/ids.h"

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

ReplyThreadState thread_on_reply(App& app, const model::Post& reply, const model::Channel& channel,
                                 const std::vector<std::string>& explicit_mentions,
                                 const std::vector<std::string>& mentioned) {
  ReplyThreadState out;
  auto root = app.store().posts().get(reply.root_id, true);
  if (!root) return out;
  auto& threads = app.store().threads();
  auto listed = [](const std::vector<std::string>& v, const std::string& id) {
    return std::find(v.begin(), v.end(), id) != v.end();
  };
  app.store().transaction([&] {
    save_thread_row(app, *root, channel.team_id);
    // What each follower had unread before this reply (it is already saved and counted when
    // created after their last view).
    for (const auto& m : threads.memberships(root->id)) {
      if (!m.following) continue;
      auto ut = threads.user_thread(root->id, m.user_id);
      int64_t replies = ut ? ut->unread_replies : 0;
      if (reply.create_at > m.last_viewed) --replies;
      out.previous[m.user_id] = {m.unread_mentions, std::max<int64_t>(0, replies)};
    }
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
    for (const auto& u : mentioned) {
      if (u == reply.user_id) continue;
      // Thread participants mentioned for their "comments" setting follow without a mention
      // and stay unfollowed if they chose so.
      bool explicit_mention = listed(explicit_mentions, u);
      follow(u, false, explicit_mention, !explicit_mention);
    }
    // The root author follows unless they chose to stop.
    if (root->user_id != reply.user_id && !listed(mentioned, root->user_id))
      follow(root->user_id, false, false, true);
    // Other followers see the thread updated.
    for (auto m : threads.memberships(root->id)) {
      if (!m.following || m.user_id == reply.user_id || m.user_id == root->user_id ||
          listed(mentioned, m.user_id))
        continue;
      m.last_updated = reply.create_at;
      threads.save_membership(m);
    }
  });
  for (const auto& m : threads.memberships(root->id))
    if (m.following) out.followers.push_back(m.user_id);
  return out;
}

void follow_thread_on_add(App& app, const std::string& root_id,
                          const std::vector<std::string>& added, const std::string& requestor) {
  if (added.empty() || !app.config()->service.thread_auto_follow) return;
  auto root = app.store().posts().get(root_id, false);
  if (!root || !root->root_id.empty()) return;
  auto channel = app.store().channels().get(root->channel_id);
  if (!channel) return;
  auto& threads = app.store().threads();
  std::map<std::string, ThreadUnreadSnapshot> previous;
  app.store().transaction([&] {
    if (!threads.get(root->id))
      threads.save(
          store::Thread{root->id, root->channel_id, 0, 0, {}, root->delete_at, channel->team_id});
    // The added users follow as if mentioned; the requestor keeps an unfollow.
    auto follow = [&](const std::string& user_id, bool keep_unfollowed) {
      auto m = threads.membership(root->id, user_id);
      if (m && m->following) {
        previous[user_id] = {m->unread_mentions, 0};
        if (auto ut = threads.user_thread(root->id, user_id))
          previous[user_id].replies = ut->unread_replies;
        return;
      }
      if (m && keep_unfollowed) return;
      if (!m) m = store::ThreadMembership{root->id, user_id, true, root->create_at, 0, 0};
      m->following = true;
      m->last_updated = now_ms();
      threads.save_membership(*m);
    };
    for (const auto& u : added) follow(u, false);
    if (std::find(added.begin(), added.end(), requestor) == added.end()) follow(requestor, true);
  });
  if (!crt_allowed(app)) return;
  std::vector<std::string> recipients = added;
  recipients.push_back(requestor);
  std::vector<std::string> crt_recipients;
  auto on = crt_enabled_users(app, recipients);
  for (const auto& u : recipients)
    if (on.count(u)) crt_recipients.push_back(u);
  publish_thread_updated(app, root->id, crt_recipients, previous);
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
                            const std::vector<std::string>& recipients,
                            const std::map<std::string, ThreadUnreadSnapshot>& previous) {
  auto thread = app.store().threads().get(root_id);
  if (!thread) return;
  for (const auto& user_id : recipients) {
    auto ut = app.store().threads().user_thread(root_id, user_id);
    if (!ut || !ut->membership.following) continue;
    auto json = thread_response_json(app, *ut, false);
    if (!json) continue;
    // A user who was not following before this reply starts from nothing unread.
    ThreadUnreadSnapshot before;
    if (auto it = previous.find(user_id); it != previous.end()) before = it->second;
    Event e{"thread_updated",
            {{"thread", boost::json::serialize(*json)},
             {"previous_unread_mentions", before.mentions},
             {"previous_unread_replies", before.replies}},
            {},
            std::nullopt,
            {},
            {}};
    e.broadcast.user_id = user_id;
    e.broadcast.team_id = thread->team_id;
    app.publish(std::move(e));
  }
}

}  // namespace parley::app
