// Channel/post loading with Mattermost's errors, read checks and client preparation of posts.
#include "app/post_util.h"

#include "app/authorization.h"
#include "app/emoji.h"
#include "app/link_previews.h"
#include "model/post_writer.h"
#include "store/channel_store.h"
#include "store/file_info_store.h"
#include "store/post_store.h"
#include "store/reaction_store.h"
#include "store/user_store.h"

#include <map>

namespace parley::app::post_util {

Result<model::Channel> load_channel(App& app, std::string_view channel_id) {
  auto c = app.store().channels().get(channel_id);
  if (!c)
    return AppError::make("app.channel.get.existing.app_error",
                          "Unable to find the existing channel.", 404,
                          "channel_id=" + std::string(channel_id));
  return std::move(*c);
}

Result<model::Post> load_post(App& app, std::string_view post_id, bool include_deleted) {
  auto p = app.store().posts().get(post_id, include_deleted);
  if (!p) return AppError::make("app.post.get.app_error", "Unable to get the post.", 404);
  return std::move(*p);
}

Status check_read(App& app, const model::Session& s, const model::Channel& channel) {
  if (can_read_channel(app, s, channel)) return {};
  if (channel.is_open()) return errors::permission("read_public_channel", s.user_id);
  return errors::permission("read_channel_content", s.user_id);
}

bool has_permission_by_post(App& app, const model::Session& s, std::string_view post_id,
                            std::string_view permission) {
  auto post = app.store().posts().get(post_id, true);
  if (post) {
    if (auto channel = app.store().channels().get(post->channel_id))
      return has_channel_permission(app, s, *channel, permission);
  }
  return has_permission(s, permission);
}

namespace {

// `reactions`: false for a post just created, which nobody can have reacted to yet.
void fill(App& app, std::vector<model::Post*>& posts, bool extended, bool reactions = true) {
  auto cfg = app.config();  // once per page: the atomic load contends when done per post
  std::vector<std::string> ids;
  std::map<std::string, model::Post*> by_id;
  std::vector<std::string> roots;
  for (auto* p : posts) {
    ids.push_back(p->id);
    by_id[p->id] = p;
    p->reactions.clear();
    add_embeds_and_images(app, *cfg, *p);
    if (p->root_id.empty() && p->reply_count > 0) roots.push_back(p->id);
  }
  if (!ids.empty()) {
    if (reactions)
      for (auto& r : app.store().reactions().for_posts(ids))
        by_id[r.post_id]->reactions.push_back(r);
    for (auto* p : posts) {
      std::vector<std::string> names;
      for (const auto& r : p->reactions) names.push_back(r.emoji_name);
      p->emojis = p->delete_at > 0 ? std::vector<model::Emoji>{}
                                   : emojis_for_post(app, *cfg, p->message, names);
    }
  }
  std::vector<std::string> with_files;
  for (auto* p : posts) {
    p->files.clear();
    if (!p->file_ids.empty() && p->delete_at == 0) with_files.push_back(p->id);
  }
  for (auto& f : app.store().file_infos().for_posts(with_files))
    by_id[f.post_id]->files.push_back(std::move(f));
  if (roots.empty()) return;
  auto stats = app.store().posts().thread_stats(roots);
  std::map<std::string, boost::json::object> users;
  if (extended) {
    std::vector<std::string> uids;
    for (const auto& t : stats)
      uids.insert(uids.end(), t.participants.begin(), t.participants.end());
    model::UserView view{false, cfg->privacy.show_email_address, cfg->privacy.show_full_name};
    for (const auto& u : app.store().users().get_many(uids)) users[u.id] = model::to_json(u, view);
  }
  for (std::size_t i = 0; i < roots.size(); ++i) {
    auto* p = by_id[roots[i]];
    p->last_reply_at = stats[i].last_reply_at;
    std::vector<boost::json::object> participants;
    for (const auto& uid : stats[i].participants) {
      auto it = users.find(uid);
      participants.push_back(it != users.end() ? it->second : boost::json::object{{"id", uid}});
    }
    p->participants = std::move(participants);
  }
}

}  // namespace

void prepare(App& app, model::Post& p, bool extended_participants) {
  std::vector<model::Post*> v{&p};
  fill(app, v, extended_participants);
}

void prepare_created(App& app, model::Post& p) {
  std::vector<model::Post*> v{&p};
  fill(app, v, false, false);
}

void prepare(App& app, model::PostList& l, bool extended_participants) {
  std::vector<model::Post*> v;
  v.reserve(l.posts.size());
  for (auto& [id, p] : l.posts) v.push_back(&p);
  fill(app, v, extended_participants);
}

void publish_post_event(App& app, const std::string& event, const model::Post& p) {
  app.publish_to_channel(event, {{"post", model::to_json_text(p)}}, p.channel_id);
}

}  // namespace parley::app::post_util
