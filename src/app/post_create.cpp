// POST /posts: Mattermost's createPost checks, CreatePostAsUser/CreatePost rules, mention
// resolution (SendNotifications), counters, and the posted / ephemeral_message /
// multiple_channels_viewed events.
#include "app/authorization.h"
#include "app/crt.h"
#include "app/files.h"
#include "app/mention_keywords_cache.h"
#include "app/mentions.h"
#include "app/post_util.h"
#include "app/posts.h"
#include "app/threads.h"
#include "model/post_writer.h"
#include "model/team.h"
#include "store/channel_store.h"
#include "store/post_store.h"
#include "store/team_store.h"
#include "store/thread_store.h"
#include "store/user_store.h"
#include "util/ids.h"

#include <boost/json/serialize.hpp>

#include <algorithm>
#include <limits>
#include <set>
#include <unordered_map>

namespace parley::app {
namespace {

namespace bj = boost::json;

constexpr int64_t kPendingPostWindowMs = 30'000;

bool known_type(const std::string& t) {
  static const std::set<std::string, std::less<>> kTypes = {
      "", "slack_attachment", "add_bot_teams_channels", "reminder", "me", "burn_on_read", "card",
  };
  return kTypes.count(t) > 0 || t.starts_with("custom_");
}

// Mattermost's Post.IsValid for a post about to be saved.
Status validate(const model::Post& p) {
  auto bad = [&](const std::string& field) {
    return AppError::make("model.post.is_valid." + field + ".app_error",
                          "Invalid " + field + " for post.", 400, "id=" + p.id);
  };
  if (!p.root_id.empty() && !is_valid_id(p.root_id)) return bad("root_id");
  if (model::rune_count(p.message) > model::kPostMessageMaxRunes)
    return AppError::make("model.post.is_valid.message_length.app_error",
                          "Message property is longer than the maximum permitted length of " +
                              std::to_string(model::kPostMessageMaxRunes) + " characters.",
                          400, "id=" + p.id);
  if (model::rune_count(p.hashtags) > 1000) return bad("hashtags");
  if (!known_type(p.type) && !p.is_system_message()) return bad("type");
  if (model::rune_count(bj::serialize(bj::array(p.file_ids.begin(), p.file_ids.end()))) > 300)
    return bad("file_ids");
  if (model::rune_count(bj::serialize(p.props)) > 800000) return bad("props");
  return {};
}

bool prop_is(const bj::object& props, std::string_view key, std::string_view value) {
  auto it = props.find(key);
  return it != props.end() && it->value().is_string() && it->value().get_string() == value;
}

Status check_priority(App& app, const model::Post& p) {
  if (!p.priority) return {};
  if (!app.config()->service.post_priority)
    return AppError::make("api.post.post_priority.priority_post_not_allowed_for_user.request_error",
                          "You are not allowed to set the priority of this post.", 403);
  if (!p.root_id.empty())
    return AppError::make(
        "api.post.post_priority.priority_post_only_allowed_for_root_post.request_error",
        "Post priority can only be set on root posts.", 400);
  const auto& prio = *p.priority;
  if ((prio.requested_ack && *prio.requested_ack) ||
      (prio.persistent_notifications && *prio.persistent_notifications))
    return AppError::make("<untranslated>", "Feature unavailable.", 501,
                          "license is neither professional nor enterprise");
  if (!prio.priority.empty() && prio.priority != "important" && prio.priority != "urgent")
    return errors::invalid_param("post.metadata.priority");
  return {};
}

struct Recipients {
  store::MentionMembers members;               // the channel's, with their notify props
  std::vector<std::string> mentioned;          // user ids
  std::vector<std::string> explicit_mentions;  // mentioned, but not only as thread participants
};

const store::MentionMember* find_member(const store::MentionMembers& members,
                                        std::string_view user_id) {
  auto it = std::lower_bound(
      members->begin(), members->end(), user_id,
      [](const store::MentionMember& m, std::string_view id) { return m.user_id < id; });
  return it != members->end() && it->user_id == user_id ? &*it : nullptr;
}

// Whether the message holds "@here" in any case (the only keyword that depends on presence).
bool mentions_here(std::string_view message) {
  for (auto at = message.find('@'); at != std::string_view::npos; at = message.find('@', at + 1)) {
    if (message.size() - at < 5) return false;
    bool match = true;
    for (std::size_t i = 0; i < 4 && match; ++i) {
      char c = message[at + 1 + i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      match = c == "here"[i];
    }
    if (match) return true;
  }
  return false;
}

// `channel_mentions`: the poster may use @channel, @all and @here here.
Recipients resolve_mentions(App& app, const model::Post& post, const model::Channel& channel,
                            bool channel_mentions) {
  Recipients r;
  // The members with their profiles and notify props: one cached list per channel.
  r.members = app.store().channels().mention_members(channel.id);
  const auto& members = *r.members;
  bool from_webhook = prop_is(post.props, "from_webhook", "true");
  MentionResults results;
  if (channel.is_direct()) {
    for (const auto& m : members)
      if (m.user_id != post.user_id || from_webhook) results.add(m.user_id, MentionType::dm);
  } else {
    auto cfg = app.config();
    bool allow_channel = channel_mentions && static_cast<int64_t>(members.size()) <
                                                 cfg->team.max_notifications_per_channel;
    if (mentions_here(post.message)) {
      MentionKeywords keywords;
      for (const auto& m : members)
        add_mention_keywords(keywords,
                             {m.user_id, m.username, m.first_name, m.notify_props,
                              m.channel_notify_props, app.is_online(m.user_id)},
                             allow_channel);
      results = parse_mentions(post.message, keywords);
    } else {
      // Without "@here" in the message the online members' @here entries match nothing.
      results = parse_mentions(post.message, *app.mention_keywords().get(r.members, allow_channel));
    }
    if (channel.is_group())
      for (const auto& m : members) results.add(m.user_id, MentionType::gm);
    if (!post.root_id.empty()) {
      // Comment mentions: thread participants without collapsed threads whose "comments"
      // setting asks for them.
      auto thread = app.store().posts().thread(post.root_id);
      std::vector<std::string> writers;
      for (const auto& tp : thread) writers.push_back(tp.user_id);
      auto crt_users = crt_enabled_users(app, writers);
      for (const auto& tp : thread) {
        const auto* m = find_member(r.members, tp.user_id);
        if (!m || crt_users.count(tp.user_id)) continue;
        auto c = m->notify_props.find("comments");
        std::string comments = c != m->notify_props.end() && c->value().is_string()
                                   ? std::string(c->value().get_string())
                                   : "";
        bool is_root = tp.id == post.root_id;
        if (comments == "any" || (comments == "root" && is_root))
          results.add(tp.user_id, is_root ? MentionType::comment : MentionType::thread);
      }
    }
    if (!from_webhook) results.mentions.erase(post.user_id);
  }
  for (const auto& [id, type] : results.mentions) {
    r.mentioned.push_back(id);
    if (type != MentionType::thread && type != MentionType::comment)
      r.explicit_mentions.push_back(id);
  }
  return r;
}

std::string channel_display_name(const model::Channel& channel, const model::User& sender,
                                 const store::MentionMembers& members) {
  if (channel.is_direct()) return "@" + sender.username;
  if (channel.is_group()) {
    std::vector<std::string> names;
    for (const auto& m : *members) names.push_back(m.username);
    std::sort(names.begin(), names.end());
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
  }
  return channel.display_name;
}

void send_ephemeral(App& app, const std::string& user_id, model::Post p) {
  p.id = new_id();
  p.type = "system_ephemeral";
  if (p.create_at == 0) p.create_at = now_ms();
  Event e{"ephemeral_message", {{"post", model::to_json_text(p)}}, {}, std::nullopt, {}, {}};
  e.broadcast.user_id = user_id;
  e.broadcast.channel_id = p.channel_id;
  app.publish(std::move(e));
}

}  // namespace

Result<model::Post> create_post(App& app, const model::Session& s, model::Post post,
                                bool set_online) {
  auto cfg = app.config();
  post.user_id = s.user_id;
  post.delete_at = 0;
  post.id.clear();
  post.original_id.clear();
  post.edit_at = 0;
  if (post.create_at != 0 && !has_permission(s, "manage_system")) post.create_at = 0;
  bool chosen_create_at = post.create_at != 0;

  // createPostChecks (api layer in Mattermost). The channel is read once for every permission
  // below.
  std::optional<model::Channel> channel = app.store().channels().get(post.channel_id);
  auto may = [&](std::string_view permission) {
    return channel ? has_channel_permission(app, s, *channel, permission)
                   : has_permission(s, "manage_system");
  };
  bool may_post = may("create_post");
  if (!may_post && channel && channel->is_open() &&
      has_team_permission(app, s, channel->team_id, "create_post_public"))
    may_post = true;
  if (!may_post) return errors::permission("create_post", s.user_id);
  if (!post.file_ids.empty() && !may("upload_file"))
    return errors::permission("upload_file", s.user_id);
  if (cfg->service.experimental_enable_hardened_mode) {
    for (auto key : {"from_webhook", "override_username", "webhook_display_name",
                     "override_icon_url", "override_icon_emoji", "mm_blocks_actions"})
      if (post.props.contains(key)) return errors::invalid_body_param("props");
  }
  if (auto st = check_priority(app, post); !st) return std::move(st).error();

  // CreatePostAsUser.
  if (!channel) return errors::invalid_param("post.channel_id");
  if (post.is_system_message()) return errors::invalid_param("post.type");
  if (channel->delete_at != 0)
    return AppError::make("api.post.create_post.can_not_post_to_deleted.error",
                          "Can not post to deleted channel.", 400);

  // CreatePost.
  auto& posts = app.store().posts();
  if (!post.pending_post_id.empty()) {
    if (auto found =
            posts.find_pending(s.user_id, post.pending_post_id, now_ms() - kPendingPostWindowMs)) {
      post_util::prepare(app, *found);
      return std::move(*found);
    }
  }
  post.props.erase("add_channel_member");
  post.props.erase("force_notification");
  if (!post.root_id.empty()) {
    auto root = posts.get(post.root_id, false);
    if (!root || !root->root_id.empty())
      return AppError::make("api.post.create_post.root_id.app_error", "Invalid RootId parameter.",
                            400);
    if (root->channel_id != post.channel_id)
      return AppError::make("api.post.create_post.channel_root_id.app_error",
                            "Invalid ChannelId for RootId parameter.", 400);
  }
  auto sender = app.store().users().get(s.user_id);
  if (!sender)
    return AppError::make("app.user.missing_account.const", "Unable to find the user.", 404);
  if (sender->is_bot) post.props["from_bot"] = "true";
  bool channel_mentions = may("use_channel_mentions");
  std::string disabled_mention;
  if (post.type.empty() && !channel_mentions) {
    disabled_mention = find_channel_mention(post.message);
    if (!disabled_mention.empty()) post.props["mentionHighlightDisabled"] = true;
  }
  if (post.type == "burn_on_read")
    return AppError::make("api.post.fill_in_post_props.burn_on_read.license.app_error",
                          "Burn-on-read posts need an Enterprise Advanced license.", 501);
  post.hashtags = model::parse_hashtags(post.message);

  // PreSave and validation.
  post.id = new_time_ordered_id();
  if (post.create_at == 0) post.create_at = now_ms();
  post.update_at = post.create_at;
  std::vector<std::string> unique_files;
  for (auto& f : post.file_ids)
    if (std::find(unique_files.begin(), unique_files.end(), f) == unique_files.end())
      unique_files.push_back(f);
  post.file_ids = std::move(unique_files);
  if (auto st = validate(post); !st) return std::move(st).error();

  auto recipients = resolve_mentions(app, post, *channel, channel_mentions);
  store::PostSaveEffects effects;
  bool from_webhook = post.props.contains("from_webhook");
  bool from_bot = post.props.contains("from_bot");
  effects.mark_read_by_poster =
      !from_webhook && !from_bot && !(!post.root_id.empty() && crt_enabled(app, s.user_id));
  effects.mentioned = recipients.mentioned;
  effects.urgent = post.is_urgent();
  effects.keep_create_at = chosen_create_at;
  // The poster's new LastViewedAt for multiple_channels_viewed, from the insert's own update.
  int64_t poster_viewed_at = -1;
  effects.poster_viewed_at = &poster_viewed_at;
  // Files that cannot be attached (another user's, another channel's, already attached) are
  // dropped from the post, as Mattermost does, in the insert's transaction. Without files the
  // insert is its own transaction (no nested savepoint).
  if (post.file_ids.empty()) {
    posts.insert(post, effects);
  } else {
    app.store().transaction([&] {
      post.file_ids = attach_files(app, post, post.file_ids);
      posts.insert(post, effects);
    });
  }
  ReplyThreadState thread_state;
  if (!post.root_id.empty())
    thread_state =
        thread_on_reply(app, post, *channel, recipients.explicit_mentions, recipients.mentioned);
  // Marking the channel read also reads its threads for a poster without collapsed threads.
  if (effects.mark_read_by_poster && cfg->service.thread_auto_follow &&
      !crt_enabled(app, s.user_id))
    app.store().threads().mark_channel_read(s.user_id, channel->id, now_ms());

  // Followers with collapsed threads who are still in the channel get the thread events.
  std::vector<std::string> crt_followers;
  if (!post.root_id.empty() && crt_allowed(app)) {
    std::vector<std::string> in_channel;
    for (const auto& f : thread_state.followers)
      if (find_member(recipients.members, f)) in_channel.push_back(f);
    auto on = crt_enabled_users(app, in_channel);
    for (const auto& f : in_channel)
      if (on.count(f)) crt_followers.push_back(f);
  }
  std::vector<std::string> notify_followers;
  for (const auto& f : crt_followers)
    if (f != post.user_id || prop_is(post.props, "from_webhook", "true"))
      notify_followers.push_back(f);

  // The answer is the row as inserted: `post` holds every column as bound (the insert shifted
  // create_at, attach_files kept the attachable files), and the stored text of props and file
  // ids parses back to the same values. Only the reply count is the database's: a new root has
  // none (its id is not out yet), a reply reads its thread's back.
  model::Post out = post;
  if (!post.root_id.empty())
    if (auto saved = posts.get(post.id, false)) out.reply_count = saved->reply_count;
  post_util::prepare_created(app, out);

  bj::object data{
      {"post", model::to_json_text(out)},
      {"channel_display_name", channel_display_name(*channel, *sender, recipients.members)},
      {"channel_name", channel->name},
      {"channel_type", channel->type},
      {"sender_name", "@" + sender->username},
      {"team_id", channel->team_id},
      {"set_online", set_online}};
  if (!out.file_ids.empty()) {
    data["otherFile"] = "true";
    if (std::any_of(out.files.begin(), out.files.end(),
                    [](const model::FileInfo& f) { return f.is_image(); }))
      data["image"] = "true";
  }
  Event e{"posted", std::move(data), {}, std::nullopt, recipients.mentioned, notify_followers};
  e.broadcast.channel_id = channel->id;
  std::vector<std::string> members;
  members.reserve(recipients.members->size());
  for (const auto& m : *recipients.members) members.push_back(m.user_id);
  e.recipients = std::move(members);
  app.publish(std::move(e));
  if (!post.root_id.empty() && crt_allowed(app))
    publish_thread_updated(app, post.root_id, crt_followers, thread_state.previous);

  if (!disabled_mention.empty()) {
    model::Post eph;
    eph.user_id = s.user_id;
    eph.root_id = post.root_id;
    eph.channel_id = channel->id;
    eph.message = "Channel notifications are disabled in " + channel->name + ". The " +
                  disabled_mention + " did not trigger any notifications.";
    eph.props["mentionHighlightDisabled"] = true;
    send_ephemeral(app, s.user_id, std::move(eph));
  }
  if (effects.mark_read_by_poster && cfg->service.enable_channel_viewed_messages) {
    if (poster_viewed_at >= 0) {
      Event viewed{"multiple_channels_viewed",
                   {{"channel_times", bj::object{{channel->id, poster_viewed_at}}}},
                   {},
                   std::nullopt,
                   {},
                   {}};
      viewed.broadcast.user_id = s.user_id;
      app.publish(std::move(viewed));
    }
  }
  return out;
}

}  // namespace parley::app
