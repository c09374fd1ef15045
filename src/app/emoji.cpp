// Custom emoji business rules (see emoji.h).
#include "app/emoji.h"

#include "app/authorization.h"
#include "app/files.h"
#include "files/backend.h"
#include "store/emoji_store.h"
#include "store/team_store.h"
#include "util/ids.h"

#include <boost/json/serialize.hpp>

#include <algorithm>
#include <set>

namespace parley::app {
namespace {

AppError disabled() {
  return AppError::make("api.emoji.disabled.app_error", "Custom emoji have been disabled.", 403);
}

std::string image_path(std::string_view id) {
  return "emoji/" + std::string(id) + "/image";
}

AppError storage_error() {
  return AppError::make("api.emoji.storage.app_error",
                        "File storage not configured properly. Please configure for either S3 "
                        "or local server file storage.",
                        403);
}

// The permission on the system or, failing that, on any team the user belongs to.
bool has_emoji_permission(App& app, const model::Session& s, std::string_view permission) {
  if (has_permission(s, permission)) return true;
  for (const auto& m : app.store().teams().members_for_user(s.user_id, false))
    if (has_team_permission(app, s, m.team_id, permission)) return true;
  return false;
}

Status check_enabled(App& app) {
  if (!app.config()->service.enable_custom_emoji) return disabled();
  if (!configured_file_store(app)) return storage_error();
  return {};
}

}  // namespace

bool can_create_emoji(App& app, const model::Session& s) {
  return has_emoji_permission(app, s, "create_emojis");
}

Result<model::Emoji> create_emoji(App& app, const model::Session& s, model::Emoji emoji,
                                  std::string_view image) {
  if (auto st = check_enabled(app); !st) return std::move(st).error();
  emoji.id = new_id();
  emoji.create_at = now_ms();
  emoji.update_at = emoji.create_at;
  emoji.delete_at = 0;
  if (emoji.creator_id.size() > 26)
    return AppError::make("model.emoji.user_id.app_error", "Invalid creator id.", 400);
  if (!model::is_valid_custom_emoji_name(emoji.name))
    return AppError::make("model.emoji.name.app_error",
                          "Name must be between 1 and 64 lowercase alphanumeric characters.", 400);
  if (model::is_system_emoji(emoji.name))
    return AppError::make("model.emoji.system_emoji_name.app_error",
                          "Name conflicts with existing system emoji name.", 400);
  if (emoji.creator_id != s.user_id)
    return AppError::make("api.emoji.create.other_user.app_error", "Invalid user id.", 403);
  auto& store = app.store().emoji();
  if (store.get_by_name(emoji.name))
    return AppError::make("api.emoji.create.duplicate.app_error",
                          "Unable to create emoji. Another emoji with the same name already "
                          "exists.",
                          400);
  if (image.empty())
    return AppError::make("api.context.invalid_body_param.app_error",
                          "Invalid or missing image in request body.", 400);
  auto prepared = prepare_emoji_image(image);
  if (!prepared) return std::move(prepared).error();
  auto* backend = configured_file_store(app);
  if (!backend) return storage_error();
  if (auto w = backend->write(image_path(emoji.id), prepared->bytes); !w)
    return std::move(w).error();
  if (!store.save(emoji)) {
    (void)backend->remove(image_path(emoji.id));
    return AppError::make("api.emoji.create.duplicate.app_error",
                          "Unable to create emoji. Another emoji with the same name already "
                          "exists.",
                          400);
  }
  app.publish_to_all("emoji_added", {{"emoji", boost::json::serialize(model::to_json(emoji))}});
  return emoji;
}

Result<std::vector<model::Emoji>> list_emoji(App& app, int page, int per_page, bool by_name) {
  if (auto st = check_enabled(app); !st) return std::move(st).error();
  return app.store().emoji().list(static_cast<int64_t>(page) * per_page, per_page, by_name);
}

Result<model::Emoji> get_emoji(App& app, std::string_view id) {
  if (auto st = check_enabled(app); !st) return std::move(st).error();
  auto e = app.store().emoji().get(id);
  if (!e) return AppError::make("app.emoji.get.no_result", "Unable to find the emoji.", 404);
  return *e;
}

Result<model::Emoji> get_emoji_by_name(App& app, std::string_view name) {
  if (auto st = check_enabled(app); !st) return std::move(st).error();
  auto e = app.store().emoji().get_by_name(name);
  if (!e)
    return AppError::make("app.emoji.get_by_name.no_result", "Unable to find the emoji.", 404);
  return *e;
}

Result<std::vector<model::Emoji>> get_emoji_by_names(App& app,
                                                     const std::vector<std::string>& names) {
  if (names.size() > 200)
    return AppError::make("api.emoji.get_multiple_by_name_too_many.request_error",
                          "Unable to get that many emojis by name. Only 200 emojis can be "
                          "requested at once.",
                          400);
  if (!app.config()->service.enable_custom_emoji) return disabled();
  std::vector<std::string> valid;
  for (const auto& n : names)
    if (model::is_valid_custom_emoji_name(n)) valid.push_back(n);
  return app.store().emoji().get_by_names(valid);
}

Result<EmojiImage> get_emoji_image(App& app, std::string_view id) {
  if (!app.store().emoji().get(id))
    return AppError::make("app.emoji.get.no_result", "Unable to find the emoji.", 404);
  auto* backend = configured_file_store(app);
  if (!backend) return storage_error();
  auto bytes = backend->read(image_path(id));
  if (!bytes)
    return AppError::make("api.emoji.get_image.read.app_error",
                          "Unable to read image file for emoji.", 404);
  auto format = emoji_image_format(*bytes);
  if (format.empty())
    return AppError::make("api.emoji.get_image.decode.app_error",
                          "Unable to decode image file for emoji.", 500);
  return EmojiImage{std::move(*bytes), format};
}

Status delete_emoji(App& app, const model::Session& s, std::string_view id) {
  auto emoji = get_emoji(app, id);
  if (!emoji) return std::move(emoji).error();
  if (!has_emoji_permission(app, s, "delete_emojis"))
    return errors::permission("delete_emojis", s.user_id);
  if (emoji->creator_id != s.user_id && !has_emoji_permission(app, s, "delete_others_emojis"))
    return errors::permission("delete_others_emojis", s.user_id);
  if (!app.store().emoji().remove(id, now_ms()))
    return AppError::make("app.emoji.delete.no_results", "Unable to find the emoji to delete.", 404,
                          "id=" + std::string(id));
  // Like Mattermost, the image is kept aside as image_deleted rather than destroyed.
  if (auto* backend = configured_file_store(app)) {
    if (auto bytes = backend->read(image_path(id))) {
      (void)backend->write("emoji/" + std::string(id) + "/image_deleted", *bytes);
      (void)backend->remove(image_path(id));
    }
  }
  return {};
}

Result<std::vector<model::Emoji>> search_emoji(App& app, std::string_view term, bool prefix_only,
                                               int limit) {
  if (!app.config()->service.enable_custom_emoji) return disabled();
  std::string lowered(term);
  for (auto& c : lowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return app.store().emoji().search(lowered, prefix_only, limit);
}

std::vector<model::Emoji> emojis_for_post(App& app, const config::Config& cfg,
                                          std::string_view message,
                                          const std::vector<std::string>& reaction_names) {
  if (!cfg.service.enable_custom_emoji) return {};
  std::set<std::string> names;
  for (const auto& n : reaction_names)
    if (!model::is_system_emoji(n)) names.insert(n);
  // :name: words, Mattermost's EmojiPattern.
  std::size_t i = 0;
  while ((i = message.find(':', i)) != std::string_view::npos) {
    std::size_t j = i + 1;
    while (j < message.size() && (std::isalnum(static_cast<unsigned char>(message[j])) ||
                                  message[j] == '_' || message[j] == '+' || message[j] == '-'))
      ++j;
    if (j < message.size() && message[j] == ':' && j > i + 1) {
      std::string name(message.substr(i + 1, j - i - 1));
      if (!model::is_system_emoji(name)) names.insert(std::move(name));
      i = j + 1;
    } else {
      i = j;
    }
  }
  std::vector<std::string> valid;
  for (const auto& n : names)
    if (model::is_valid_custom_emoji_name(n)) valid.push_back(n);
  if (valid.empty()) return {};
  return app.store().emoji().get_by_names(valid);
}

}  // namespace parley::app
