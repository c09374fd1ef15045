// Changing posts: PUT (update), patch, pin/unpin and soft delete, with Mattermost's permission
// order (edit_post / edit_others_posts, delete_post / delete_others_posts), edit time limit and
// the post_edited / post_deleted events.
#include "app/authorization.h"
#include "app/drafts.h"
#include "app/files.h"
#include "app/mentions.h"
#include "app/post_util.h"
#include "app/posts.h"
#include "app/threads.h"
#include "model/post_writer.h"
#include "model/preference.h"
#include "model/team.h"
#include "store/channel_store.h"
#include "store/file_info_store.h"
#include "store/post_store.h"
#include "store/preference_store.h"
#include "store/thread_store.h"
#include "store/user_store.h"
#include "util/ids.h"

#include <boost/json/serialize.hpp>

namespace parley::app {
namespace {

namespace bj = boost::json;

AppError time_limit_error(int64_t limit) {
  return AppError::make("api.post.update_post.permissions_time_limit.app_error",
                        "Post edit is only allowed for " + std::to_string(limit) +
                            " seconds. Please ask your System Administrator for details.",
                        400);
}

bool past_edit_limit(App& app, const model::Post& original) {
  int64_t limit = app.config()->service.post_edit_time_limit;
  return limit != -1 && now_ms() > original.create_at + limit * 1000;
}

// Mattermost's App.UpdatePost with SafeUpdate off: `next` holds the wanted fields.
Result<model::Post> apply_update(App& app, const model::Session& s, const model::Post& old,
                                 const model::Post& next) {
  if (old.is_system_message())
    return AppError::make("api.post.update_post.system_message.app_error",
                          "Unable to update system message.", 400, "id=" + old.id);
  auto channel = post_util::load_channel(app, old.channel_id);
  if (!channel) return std::move(channel).error();
  if (channel->delete_at != 0)
    return AppError::make("api.post.update_post.can_not_update_post_in_deleted.error",
                          "Can not update a post in a deleted channel.", 400);
  model::Post p = old;
  int64_t now = now_ms();
  if (next.message != old.message) {
    p.message = next.message;
    p.edit_at = now;
    p.hashtags = model::parse_hashtags(next.message);
  }
  p.is_pinned = next.is_pinned;
  p.has_reactions = next.has_reactions;
  p.props = next.props;
  p.props.erase("add_channel_member");
  p.props.erase("force_notification");
  for (auto key : {"from_webhook", "from_bot", "from_plugin", "from_oauth_app", "deleteBy"})
    if (auto it = old.props.find(key); it != old.props.end()) p.props[key] = it->value();
  p.file_ids = next.file_ids;
  p.update_at = now;
  if (model::rune_count(p.message) > model::kPostMessageMaxRunes)
    return AppError::make("model.post.is_valid.message_length.app_error",
                          "Message property is longer than the maximum permitted length of " +
                              std::to_string(model::kPostMessageMaxRunes) + " characters.",
                          400, "id=" + p.id);
  if (model::rune_count(bj::serialize(p.props)) > 800000)
    return AppError::make("model.post.is_valid.props.app_error", "Invalid props for post.", 400);
  app.store().transaction([&] {
    // Removed files are soft deleted; new ones must be the author's uploads in this channel.
    if (p.file_ids != old.file_ids)
      p.file_ids = change_post_files(app, p, old.file_ids, p.file_ids, now);
    if (p.edit_at == old.edit_at && p.file_ids != old.file_ids) p.edit_at = now;
    app.store().posts().update(p);
  });
  auto saved = app.store().posts().get(p.id, false);
  model::Post out = saved ? std::move(*saved) : p;
  post_util::prepare(app, out);
  out.is_following.reset();
  post_util::publish_post_event(app, "post_edited", out);
  return out;
}

Result<model::Post> patch_unchecked(App& app, const model::Session& s, const std::string& post_id,
                                    PostPatch patch) {
  auto post = post_util::load_post(app, post_id, false);
  if (!post) return std::move(post).error();
  auto channel = post_util::load_channel(app, post->channel_id);
  if (!channel) return std::move(channel).error();
  if (channel->delete_at != 0)
    return AppError::make("api.post.patch_post.can_not_update_post_in_deleted.error",
                          "Can not update a post in a deleted channel.", 400);
  auto author = app.store().users().get(post->user_id);
  model::Session author_session;
  author_session.user_id = post->user_id;
  author_session.roles = author ? author->roles : std::string();
  if (patch.message &&
      !has_channel_permission(app, author_session, *channel, "use_channel_mentions") &&
      !find_channel_mention(*patch.message).empty()) {
    if (!patch.props) patch.props = boost::json::object{};
    (*patch.props)["mentionHighlightDisabled"] = true;
  }
  model::Post next = *post;
  if (patch.is_pinned) next.is_pinned = *patch.is_pinned;
  if (patch.message) next.message = *patch.message;
  if (patch.props) next.props = *patch.props;
  if (patch.file_ids) next.file_ids = *patch.file_ids;
  if (patch.has_reactions) next.has_reactions = *patch.has_reactions;
  return apply_update(app, s, *post, next);
}

}  // namespace

Result<model::Post> update_post(App& app, const model::Session& s, const std::string& post_id,
                                const model::Post& received, bool file_ids_given) {
  auto original = app.store().posts().get(post_id, false);
  if (!original) return errors::permission("edit_post", s.user_id);
  if (!has_channel_permission(app, s, original->channel_id, "edit_post"))
    return errors::permission("edit_post", s.user_id);
  model::Post next = received;
  if (!file_ids_given) next.file_ids = original->file_ids;
  if (!next.file_ids.empty() && next.file_ids != original->file_ids &&
      !has_channel_permission(app, s, original->channel_id, "upload_file"))
    return errors::permission("upload_file", s.user_id);
  if (s.user_id != original->user_id &&
      !has_channel_permission(app, s, original->channel_id, "edit_others_posts"))
    return errors::permission("edit_others_posts", s.user_id);
  if (past_edit_limit(app, *original) && next.message != original->message)
    return time_limit_error(app.config()->service.post_edit_time_limit);
  return apply_update(app, s, *original, next);
}

Result<model::Post> patch_post(App& app, const model::Session& s, const std::string& post_id,
                               const PostPatch& patch) {
  auto original = app.store().posts().get(post_id, false);
  if (!original) return errors::permission("edit_post", s.user_id);
  // Mattermost checks exactly one permission: edit_post on one's own post, else
  // edit_others_posts.
  const char* perm = s.user_id == original->user_id ? "edit_post" : "edit_others_posts";
  if (!has_channel_permission(app, s, original->channel_id, perm))
    return errors::permission(perm, s.user_id);
  if (past_edit_limit(app, *original) && patch.message)
    return time_limit_error(app.config()->service.post_edit_time_limit);
  return patch_unchecked(app, s, post_id, patch);
}

Status set_post_pinned(App& app, const model::Session& s, const std::string& post_id, bool pinned) {
  auto post = app.store().posts().get(post_id, false);
  if (!post) return errors::permission("read_channel_content", s.user_id);
  auto channel = post_util::load_channel(app, post->channel_id);
  if (!channel) return std::move(channel).error();
  if (!can_read_channel(app, s, *channel))
    return errors::permission("read_channel_content", s.user_id);
  PostPatch patch;
  patch.is_pinned = pinned;
  auto r = patch_unchecked(app, s, post_id, patch);
  if (!r) return std::move(r).error();
  return {};
}

Status delete_post(App& app, const model::Session& s, const std::string& post_id, bool permanent) {
  if (permanent && !app.config()->service.enable_api_post_deletion)
    return AppError::make(
        "api.post.delete_post.not_enabled.app_error",
        "Cannot delete post, ServiceSettings.EnableAPIPostDeletion is not enabled.", 501,
        "postId=" + post_id);
  if (permanent && !has_permission(s, "manage_system"))
    return errors::permission("manage_system", s.user_id);
  auto post = post_util::load_post(app, post_id, permanent);
  if (!post) return std::move(post).error();
  const char* perm = s.user_id == post->user_id ? "delete_post" : "delete_others_posts";
  if (!has_channel_permission(app, s, post->channel_id, perm))
    return errors::permission(perm, s.user_id);
  auto channel = post_util::load_channel(app, post->channel_id);
  if (!channel) return std::move(channel).error();
  if (channel->delete_at != 0 && !permanent)
    return AppError::make("api.post.delete_post.can_not_delete_post_in_deleted.error",
                          "Can not delete a post in a deleted channel.", 400);
  std::vector<model::FileInfo> removed_files;
  app.store().transaction([&] {
    if (permanent) {
      removed_files = app.store().file_infos().permanent_delete_for_post(post->id);
      app.store().posts().permanent_delete(post->id);
    } else {
      int64_t now = now_ms();
      app.store().posts().soft_delete(post->id, now, s.user_id);
      app.store().file_infos().delete_for_post(post->id, now);
    }
  });
  remove_stored_files(app, removed_files);
  if (permanent && post->root_id.empty())
    app.store().threads().remove(post->id);
  else
    thread_refresh(app, post->root_id.empty() ? post->id : post->root_id);
  // Mattermost's clean-up after a deletion: the post's flags, and drafts replying to it.
  app.store().preferences().remove_for_all_users(model::preference::kCategoryFlaggedPost, post->id);
  delete_drafts_for_root(app, post->channel_id, post->id);

  // Everyone in the channel learns of the deletion; system admins also see who deleted it.
  std::string json = model::to_json_text(*post);
  auto members = app.store().channels().member_user_ids(post->channel_id);
  std::vector<std::string> admins, others;
  for (const auto& u : app.store().users().get_many(members))
    (u.is_system_admin() ? admins : others).push_back(u.id);
  Event plain{"post_deleted", {{"post", json}}, {}, std::move(others), {}, {}};
  plain.broadcast.channel_id = post->channel_id;
  app.publish(std::move(plain));
  Event full{
      "post_deleted", {{"post", json}, {"delete_by", s.user_id}}, {}, std::move(admins), {}, {}};
  full.broadcast.channel_id = post->channel_id;
  app.publish(std::move(full));
  return {};
}

}  // namespace parley::app
