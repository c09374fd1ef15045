// Reactions: permission by post, emoji validation, limits, store upsert/removal and events.
#include "app/reactions.h"

#include "app/authorization.h"
#include "app/post_util.h"
#include "model/emoji.h"
#include "store/emoji_store.h"
#include "store/reaction_store.h"
#include "util/ids.h"

#include <boost/json/serialize.hpp>

#include <algorithm>

namespace parley::app {
namespace {

void publish_reaction(App& app, const std::string& event, const model::Reaction& r,
                      const std::string& channel_id) {
  app.publish_to_channel(event, {{"reaction", boost::json::serialize(model::to_json(r))}},
                         channel_id);
}

}  // namespace

bool valid_emoji_name(std::string_view name) {
  if (name.empty() || name.size() > model::kEmojiNameMaxLength) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '+' || c == '_';
  });
}

Result<model::Reaction> save_reaction(App& app, const model::Session& s, model::Reaction r) {
  if (!is_valid_id(r.user_id) || !is_valid_id(r.post_id) || r.emoji_name.empty() ||
      r.emoji_name.size() > model::kEmojiNameMaxLength)
    return AppError::make("api.reaction.save_reaction.invalid.app_error", "Reaction is not valid.",
                          400);
  if (r.user_id != s.user_id)
    return AppError::make("api.reaction.save_reaction.user_id.app_error",
                          "You cannot save reaction for the other user.", 403);
  if (!post_util::has_permission_by_post(app, s, r.post_id, "add_reaction"))
    return errors::permission("add_reaction", s.user_id);
  auto post = post_util::load_post(app, r.post_id, false);
  if (!post) return std::move(post).error();
  if (!model::is_system_emoji(r.emoji_name)) {
    // Not a system emoji: Mattermost requires a live custom emoji of that name.
    if (!app.config()->service.enable_custom_emoji)
      return AppError::make("api.emoji.disabled.app_error", "Custom emoji have been disabled.",
                            501);
    if (!app.store().emoji().get_by_name(r.emoji_name))
      return AppError::make("app.emoji.get_by_name.no_result", "Unable to find the emoji.", 404,
                            "name=" + r.emoji_name);
  }
  auto& reactions = app.store().reactions();
  if (!reactions.exists_on_post(r.post_id, r.emoji_name) &&
      reactions.unique_count(r.post_id) >=
          app.config()->service.unique_emoji_reaction_limit_per_post)
    return AppError::make("app.reaction.save.save.too_many_reactions",
                          "Reaction limit has been reached for this post.", 400);
  auto channel = post_util::load_channel(app, post->channel_id);
  if (!channel) return std::move(channel).error();
  if (channel->delete_at > 0)
    return AppError::make("api.reaction.save.archived_channel.app_error",
                          "You cannot react to posts in an archived channel.", 403);
  int64_t now = now_ms();
  r.channel_id = post->channel_id;
  r.create_at = now;
  r.update_at = now;
  r.delete_at = 0;
  reactions.save(r);
  for (const auto& stored : reactions.for_post(r.post_id))
    if (stored.user_id == r.user_id && stored.emoji_name == r.emoji_name) r = stored;
  publish_reaction(app, "reaction_added", r, post->channel_id);
  return r;
}

Status delete_reaction(App& app, const model::Session& s, const model::Reaction& r) {
  if (!post_util::has_permission_by_post(app, s, r.post_id, "remove_reaction"))
    return errors::permission("remove_reaction", s.user_id);
  if (r.user_id != s.user_id && !has_permission(s, "remove_others_reactions"))
    return errors::permission("remove_others_reactions", s.user_id);
  auto post = post_util::load_post(app, r.post_id, false);
  if (!post) return std::move(post).error();
  auto channel = post_util::load_channel(app, post->channel_id);
  if (!channel) return std::move(channel).error();
  if (channel->delete_at > 0)
    return AppError::make("api.reaction.delete.archived_channel.app_error",
                          "You cannot remove a reaction in an archived channel.", 403);
  int64_t now = now_ms();
  app.store().reactions().remove(r, now);
  model::Reaction removed = r;
  removed.channel_id = post->channel_id;
  removed.update_at = now;
  publish_reaction(app, "reaction_removed", removed, post->channel_id);
  return {};
}

Result<std::vector<model::Reaction>> get_reactions(App& app, const model::Session& s,
                                                   const std::string& post_id) {
  if (!post_util::has_permission_by_post(app, s, post_id, "read_channel_content"))
    return errors::permission("read_channel_content", s.user_id);
  return app.store().reactions().for_post(post_id);
}

Result<std::map<std::string, std::vector<model::Reaction>>> get_bulk_reactions(
    App& app, const model::Session& s, const std::vector<std::string>& post_ids) {
  for (const auto& id : post_ids)
    if (!post_util::has_permission_by_post(app, s, id, "read_channel_content"))
      return errors::permission("read_channel_content", s.user_id);
  std::map<std::string, std::vector<model::Reaction>> out;
  for (const auto& id : post_ids) out[id];
  for (auto& r : app.store().reactions().for_posts(post_ids)) out[r.post_id].push_back(r);
  return out;
}

}  // namespace parley::app
