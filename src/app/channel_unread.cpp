// Mark as unread from a post: recounts the member's unread messages, mentions (keywords,
// being added, replies to threads the user is in per their "comments" setting) and urgent
// mentions from the post on, and publishes post_unread to the user.
#include "app/channel_unread.h"

#include "app/authorization.h"
#include "app/crt.h"
#include "app/mentions.h"
#include "app/post_util.h"
#include "app/threads.h"
#include "store/channel_store.h"
#include "store/post_store.h"
#include "store/user_store.h"
#include "util/ids.h"

#include <algorithm>
#include <map>

namespace parley::app {
namespace {

namespace bj = boost::json;

std::string prop(const bj::object& o, std::string_view key) {
  auto it = o.find(key);
  if (it == o.end() || !it->value().is_string()) return {};
  return std::string(it->value().get_string());
}

struct Counts {
  int64_t unread = 0;
  int64_t unread_root = 0;
  int64_t mentions = 0;
  int64_t mentions_root = 0;
  int64_t urgent = 0;
};

// Decides whether one post mentions the user, as Mattermost's isPostMention.
class MentionTest {
 public:
  MentionTest(App& app, const model::User& user, const bj::object& channel_props) : app_(app) {
    user_id_ = user.id;
    // The user is assumed online: they are the one marking the post.
    add_mention_keywords(
        keywords_,
        {user.id, user.username, user.first_name, user.notify_props, channel_props, true}, true);
    comments_ = prop(user.notify_props, "comments");
  }

  bool operator()(const model::Post& p) {
    if (p.user_id == user_id_ && prop(p.props, "from_webhook") != "true") return false;
    if (parse_mentions(p.message, keywords_).mentions.count(user_id_)) return true;
    if (p.type == "system_add_to_channel" && prop(p.props, "addedUserId") == user_id_) return true;
    if ((comments_ != "root" && comments_ != "any") || p.root_id.empty()) return false;
    auto [it, fresh] = by_thread_.try_emplace(p.root_id, false);
    if (fresh) it->second = in_thread(p.root_id);
    return it->second;
  }

 private:
  // "root": the user wrote the root; "any": the user wrote any post of the thread.
  bool in_thread(const std::string& root_id) {
    for (const auto& tp : app_.store().posts().thread(root_id)) {
      bool is_root = tp.id == root_id;
      if (tp.user_id == user_id_ && (is_root || comments_ == "any")) return true;
    }
    return false;
  }

  App& app_;
  std::string user_id_;
  std::string comments_;
  MentionKeywords keywords_;
  std::map<std::string, bool> by_thread_;
};

// Counts over `post` and every non-deleted post of its channel created after it.
Counts count_from(App& app, const model::User& user, const model::Channel& channel,
                  const model::ChannelMember& member, const model::Post& post) {
  Counts n;
  bool priority = app.config()->service.post_priority;
  bool direct = channel.is_direct() || channel.is_group();
  MentionTest mentions(app, user, member.notify_props);
  auto visit = [&](const model::Post& p) {
    bool root = p.root_id.empty();
    if (!p.is_join_leave()) {
      ++n.unread;
      if (root) ++n.unread_root;
    }
    // In direct and group channels every counted post of someone else is a mention.
    bool mentioned = direct ? !p.is_join_leave() && p.user_id != user.id : mentions(p);
    if (!mentioned) return;
    ++n.mentions;
    if (!root) return;
    ++n.mentions_root;
    if (priority && p.is_urgent()) ++n.urgent;
  };
  visit(post);
  constexpr int kPage = 200;
  for (int offset = 0;; offset += kPage) {
    store::PostPageQuery q{channel.id, offset, kPage, false, false};
    auto page = app.store().posts().around(q, post.id, false);
    for (const auto& p : page) visit(p);
    if (static_cast<int>(page.size()) < kPage) break;
  }
  return n;
}

void publish_post_unread(App& app, const model::ChannelUnreadAt& u, const std::string& post_id) {
  Event e{"post_unread",
          {{"msg_count", u.counts.msg_count},
           {"msg_count_root", u.counts.msg_count_root},
           {"mention_count", u.counts.mention_count},
           {"mention_count_root", u.counts.mention_count_root},
           {"urgent_mention_count", u.counts.urgent_mention_count},
           {"last_viewed_at", u.last_viewed_at},
           {"post_id", post_id}},
          {},
          std::nullopt,
          {},
          {}};
  e.broadcast.user_id = u.user_id;
  e.broadcast.channel_id = u.counts.channel_id;
  e.broadcast.team_id = u.counts.team_id;
  app.publish(std::move(e));
}

}  // namespace

Result<model::ChannelUnreadAt> mark_post_unread(App& app, const model::Session& actor,
                                                const std::string& user_id,
                                                const std::string& post_id,
                                                bool collapsed_threads_supported) {
  if (actor.user_id != user_id && !can_manage_user(app, actor, user_id))
    return errors::permission("edit_other_users", actor.user_id);
  auto post = post_util::load_post(app, post_id, false);
  if (!post) return std::move(post).error();
  auto channel = post_util::load_channel(app, post->channel_id);
  if (!channel) return std::move(channel).error();
  if (!has_channel_permission(app, actor, *channel, "read_channel_content"))
    return errors::permission("read_channel_content", actor.user_id);
  auto user = app.store().users().get(user_id);
  if (!user)
    return AppError::make("app.user.missing_account.const", "Unable to find the user.", 404);
  auto member = app.store().channels().get_member(channel->id, user_id);
  if (!member)
    return AppError::make("app.channel.get_member.missing.app_error",
                          "No channel member found for that user ID and channel ID.", 404);

  // A client without collapsed threads that marks a reply unread also marks the thread
  // unread, and the root counters are left as if every root post had been read.
  bool crt = collapsed_threads_supported && crt_enabled(app, user_id);
  bool keep_root = crt || post->root_id.empty();
  if (!keep_root && app.config()->service.thread_auto_follow) {
    if (auto root = post_util::load_post(app, post->root_id, false))
      mark_thread_unread_from(app, user_id, *root, post->create_at - 1);
  }

  model::ChannelUnreadAt out;
  app.store().transaction([&] {
    auto& channels = app.store().channels();
    auto fresh = channels.get(channel->id);
    auto m = channels.get_member(channel->id, user_id);
    if (!fresh || !m) return;
    auto n = count_from(app, *user, *fresh, *m, *post);
    m->last_viewed_at = post->create_at - 1;
    m->msg_count = std::max<int64_t>(0, fresh->total_msg_count - n.unread);
    m->msg_count_root =
        std::max<int64_t>(0, fresh->total_msg_count_root - (keep_root ? n.unread_root : 0));
    m->mention_count = n.mentions;
    m->mention_count_root = keep_root ? n.mentions_root : 0;
    m->urgent_mention_count = keep_root ? n.urgent : 0;
    m->last_update_at = now_ms();
    channels.update_member(*m);
    out.user_id = user_id;
    out.last_viewed_at = m->last_viewed_at;
    out.counts.team_id = fresh->team_id;
    out.counts.channel_id = fresh->id;
    out.counts.msg_count = m->msg_count;
    out.counts.msg_count_root = m->msg_count_root;
    out.counts.mention_count = m->mention_count;
    out.counts.mention_count_root = m->mention_count_root;
    out.counts.urgent_mention_count = m->urgent_mention_count;
  });
  if (out.user_id.empty())
    return AppError::make("app.channel.update_last_viewed_at_post.app_error",
                          "Unable to mark channel as unread.", 500);
  publish_post_unread(app, out, post_id);
  return out;
}

}  // namespace parley::app
