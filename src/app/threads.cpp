// The /users/{id}/teams/{tid}/threads endpoints: listing with totals, one thread, following,
// marking read and unread, and the ThreadResponse JSON they answer with.
#include "app/threads.h"

#include "app/authorization.h"
#include "app/crt.h"
#include "app/mentions.h"
#include "app/post_util.h"
#include "app/thread_json.h"
#include "model/user.h"
#include "store/channel_store.h"
#include "store/post_store.h"
#include "store/thread_store.h"
#include "store/user_store.h"
#include "util/ids.h"

#include <boost/json/serialize.hpp>

namespace parley::app {
namespace {

namespace bj = boost::json;

Status check_user(App& app, const model::Session& s, const std::string& user_id) {
  if (!can_manage_user(app, s, user_id)) return errors::permission("edit_other_users", s.user_id);
  return {};
}

// The thread's root post, readable by the session.
Result<model::Post> readable_root(App& app, const model::Session& s, const std::string& id) {
  auto post = post_util::load_post(app, id, true);
  if (!post) return std::move(post).error();
  auto channel = post_util::load_channel(app, post->channel_id);
  if (!channel) return std::move(channel).error();
  if (auto st = post_util::check_read(app, s, *channel); !st) return std::move(st).error();
  return post;
}

AppError not_found() {
  return AppError::make("app.user.get_threads_for_user.not_found", "Thread not found.", 404,
                        "thread not found/followed");
}

// Mentions of the user in replies created after `since` (Mattermost's countThreadMentions).
int64_t count_mentions(App& app, const std::string& user_id, const std::string& root_id,
                       int64_t since) {
  auto user = app.store().users().get(user_id);
  if (!user) return 0;
  auto root = app.store().posts().get(root_id, true);
  if (!root) return 0;
  auto member = app.store().channels().get_member(root->channel_id, user_id);
  MentionKeywords keywords;
  add_mention_keywords(keywords,
                       {user->id, user->username, user->first_name, user->notify_props,
                        member ? member->notify_props : bj::object{}, app.is_online(user->id)},
                       true);
  int64_t n = 0;
  for (const auto& p : app.store().posts().thread(root_id)) {
    if (p.id == root_id || p.create_at <= since || p.user_id == user_id) continue;
    if (parse_mentions(p.message, keywords).mentions.count(user_id)) ++n;
  }
  return n;
}

}  // namespace

std::optional<bj::object> thread_response_json(App& app, const store::UserThread& t,
                                               bool extended) {
  auto root = app.store().posts().get(t.thread.post_id, true);
  if (!root) return std::nullopt;
  post_util::prepare(app, *root);
  bj::array participants;
  if (extended) {
    auto cfg = app.config();
    model::UserView view{false, cfg->privacy.show_email_address, cfg->privacy.show_full_name};
    auto users = app.store().users().get_many(t.thread.participants);
    for (const auto& id : t.thread.participants)
      for (const auto& u : users)
        if (u.id == id) participants.push_back(model::to_json(u, view));
  } else {
    for (const auto& id : t.thread.participants) participants.push_back(bj::object{{"id", id}});
  }
  return bj::object{{"id", t.thread.post_id},
                    {"reply_count", t.thread.reply_count},
                    {"last_reply_at", t.thread.last_reply_at},
                    {"last_viewed_at", t.membership.last_viewed},
                    {"participants", std::move(participants)},
                    {"post", model::to_json(*root)},
                    {"unread_replies", t.unread_replies},
                    {"unread_mentions", t.membership.unread_mentions},
                    {"is_urgent", app.config()->service.post_priority && root->is_urgent()},
                    {"delete_at", t.thread.delete_at}};
}

void set_is_following(App& app, const std::string& user_id, model::PostList& list) {
  std::vector<std::string> roots;
  for (const auto& [id, p] : list.posts)
    if (p.root_id.empty()) roots.push_back(id);
  for (const auto& m : app.store().threads().user_memberships(user_id, roots))
    list.posts.at(m.post_id).is_following = m.following;
}

Result<bj::object> get_user_threads(App& app, const model::Session& s, const std::string& user_id,
                                    const std::string& team_id, const UserThreadsQuery& q) {
  if (auto st = check_user(app, s, user_id); !st) return std::move(st).error();
  if (!has_team_permission(app, s, team_id, "view_team"))
    return errors::permission("view_team", s.user_id);
  if (!q.before.empty() && !q.after.empty())
    return AppError::make("api.getThreadsForUser.bad_params",
                          "Before and After parameters to getThreadsForUser are mutually "
                          "exclusive",
                          400);
  auto& threads = app.store().threads();
  bj::object out;
  if (!q.threads_only) {
    auto totals = threads.totals(user_id, team_id);
    out["total"] = q.unread ? totals.unread_threads : totals.total;
    out["total_unread_threads"] = totals.unread_threads;
    out["total_unread_mentions"] = totals.unread_mentions;
    out["total_unread_urgent_mentions"] =
        app.config()->service.post_priority ? totals.unread_urgent_mentions : 0;
  } else {
    out["total"] = 0;
    out["total_unread_threads"] = 0;
    out["total_unread_mentions"] = 0;
    out["total_unread_urgent_mentions"] = 0;
  }
  bj::array list;
  if (!q.totals_only) {
    store::UserThreadQuery sq{user_id,    team_id,   q.before, q.after,
                              q.per_page, q.deleted, q.unread, q.since};
    for (const auto& t : threads.for_user(sq))
      if (auto j = thread_response_json(app, t, q.extended)) list.push_back(std::move(*j));
  }
  out["threads"] = std::move(list);
  return out;
}

Result<bj::object> get_user_thread(App& app, const model::Session& s, const std::string& user_id,
                                   const std::string& team_id, const std::string& thread_id,
                                   bool extended) {
  if (auto st = check_user(app, s, user_id); !st) return std::move(st).error();
  if (auto root = readable_root(app, s, thread_id); !root) return std::move(root).error();
  auto t = app.store().threads().user_thread(thread_id, user_id);
  if (!t)
    return AppError::make("app.user.get_thread_membership_for_user.not_found",
                          "Thread membership not found.", 404,
                          "thread membership not found/followed");
  auto j = thread_response_json(app, *t, extended);
  if (!j) return not_found();
  return std::move(*j);
}

Status set_thread_following(App& app, const model::Session& s, const std::string& user_id,
                            const std::string& team_id, const std::string& thread_id,
                            bool following) {
  if (auto st = check_user(app, s, user_id); !st) return std::move(st).error();
  auto root = readable_root(app, s, thread_id);
  if (!root) return std::move(root).error();
  auto& threads = app.store().threads();
  auto thread = threads.get(thread_id);
  int64_t now = now_ms();
  app.store().transaction([&] {
    if (!thread) {
      // Following a post without replies starts its thread row (Mattermost's MaintainMembership).
      auto channel = app.store().channels().get(root->channel_id);
      thread = store::Thread{
          thread_id, root->channel_id, 0, 0, {}, root->delete_at, channel ? channel->team_id : ""};
      threads.save(*thread);
    }
    auto m = threads.membership(thread_id, user_id)
                 .value_or(store::ThreadMembership{thread_id, user_id, following, 0, 0, 0});
    m.following = following;
    if (following) m.last_viewed = now;
    m.last_updated = now;
    threads.save_membership(m);
  });
  Event e{"thread_follow_changed",
          {{"thread_id", thread_id}, {"state", following}, {"reply_count", thread->reply_count}},
          {},
          std::nullopt,
          {},
          {}};
  e.broadcast.user_id = user_id;
  e.broadcast.team_id = team_id;
  app.publish(std::move(e));
  return {};
}

Result<bj::object> set_thread_read(App& app, const model::Session& s, const std::string& user_id,
                                   const std::string& team_id, const std::string& thread_id,
                                   int64_t timestamp) {
  if (auto st = check_user(app, s, user_id); !st) return std::move(st).error();
  auto root = readable_root(app, s, thread_id);
  if (!root) return std::move(root).error();
  auto& threads = app.store().threads();
  if (!threads.get(thread_id)) return not_found();
  auto before = threads.user_thread(thread_id, user_id);
  int64_t prev_mentions = before ? before->membership.unread_mentions : 0;
  int64_t prev_replies = before ? before->unread_replies : 0;
  auto m = before ? before->membership : store::ThreadMembership{thread_id, user_id, true, 0, 0, 0};
  m.following = true;
  m.last_viewed = timestamp;
  m.last_updated = now_ms();
  m.unread_mentions = count_mentions(app, user_id, thread_id, timestamp);
  threads.save_membership(m);
  auto t = threads.user_thread(thread_id, user_id);
  if (!t) return not_found();
  auto j = thread_response_json(app, *t, false);
  if (!j) return not_found();
  Event e{"thread_read_changed",
          {{"thread_id", thread_id},
           {"timestamp", timestamp},
           {"unread_mentions", t->membership.unread_mentions},
           {"unread_replies", t->unread_replies},
           {"previous_unread_mentions", prev_mentions},
           {"previous_unread_replies", prev_replies},
           {"channel_id", root->channel_id}},
          {},
          std::nullopt,
          {},
          {}};
  e.broadcast.user_id = user_id;
  e.broadcast.team_id = team_id;
  app.publish(std::move(e));
  return std::move(*j);
}

Result<bj::object> set_thread_unread(App& app, const model::Session& s, const std::string& user_id,
                                     const std::string& team_id, const std::string& thread_id,
                                     const std::string& post_id) {
  if (auto st = check_user(app, s, user_id); !st) return std::move(st).error();
  auto post = post_util::load_post(app, post_id, false);
  if (!post) return std::move(post).error();
  if (post->root_id != thread_id && post_id != thread_id)
    return AppError::make("app.user.update_thread_read_for_user_by_post.app_error",
                          "Unable to update the thread read state: the post is not in the thread.",
                          400);
  return set_thread_read(app, s, user_id, team_id, thread_id, post->create_at - 1);
}

void mark_thread_unread_from(App& app, const std::string& user_id, const model::Post& root,
                             int64_t last_viewed) {
  auto& threads = app.store().threads();
  auto thread = threads.get(root.id);
  if (!thread) {
    auto channel = app.store().channels().get(root.channel_id);
    thread = store::Thread{
        root.id, root.channel_id, 0, 0, {}, root.delete_at, channel ? channel->team_id : ""};
    threads.save(*thread);
  }
  auto m = threads.membership(root.id, user_id)
               .value_or(store::ThreadMembership{root.id, user_id, true, 0, 0, 0});
  m.following = true;
  m.last_viewed = last_viewed;
  m.last_updated = now_ms();
  m.unread_mentions = count_mentions(app, user_id, root.id, last_viewed);
  threads.save_membership(m);
  if (!crt_enabled(app, user_id)) return;
  auto t = threads.user_thread(root.id, user_id);
  if (!t) return;
  auto j = thread_response_json(app, *t, false);
  if (!j) return;
  Event e{"thread_updated", {{"thread", bj::serialize(*j)}}, {}, std::nullopt, {}, {}};
  e.broadcast.user_id = user_id;
  e.broadcast.team_id = thread->team_id;
  app.publish(std::move(e));
}

Result<bj::object> get_thread_mention_counts(App& app, const model::Session& s,
                                             const std::string& user_id,
                                             const std::string& team_id) {
  if (auto st = check_user(app, s, user_id); !st) return std::move(st).error();
  bj::object out;
  for (const auto& [channel_id, n] : app.store().threads().mention_counts(user_id, team_id))
    out[channel_id] = n;
  return out;
}

Status set_threads_read(App& app, const model::Session& s, const std::string& user_id,
                        const std::string& team_id) {
  if (auto st = check_user(app, s, user_id); !st) return std::move(st).error();
  app.store().threads().mark_all_read(user_id, team_id, now_ms());
  Event e{"thread_read_changed", {}, {}, std::nullopt, {}, {}};
  e.broadcast.user_id = user_id;
  e.broadcast.team_id = team_id;
  app.publish(std::move(e));
  return {};
}

}  // namespace parley::app
