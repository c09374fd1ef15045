// Reading, saving and deleting preferences; the favorites mirror and the events.
#include "app/preferences.h"

#include "app/authorization.h"
#include "store/channel_store.h"
#include "store/post_store.h"
#include "store/preference_store.h"
#include "store/sidebar_store.h"

namespace parley::app {
namespace {

namespace pref = model::preference;

Status check_access(App& app, const model::Session& actor, const std::string& user_id) {
  if (!can_manage_user(app, actor, user_id))
    return errors::permission("edit_other_users", actor.user_id);
  return {};
}

Status check_count(const std::vector<model::Preference>& prefs) {
  if (prefs.empty() || prefs.size() > kMaxPreferencesPerRequest)
    return errors::invalid_param("preferences");
  return {};
}

// Flagged posts must exist and be readable by the actor.
Status check_flagged_posts(App& app, const model::Session& actor,
                           const std::vector<model::Preference>& prefs) {
  for (const auto& p : prefs) {
    if (p.category != pref::kCategoryFlaggedPost) continue;
    auto post = app.store().posts().get(p.name, false);
    if (!post) return errors::invalid_param("preference.name");
    auto channel = app.store().channels().get(post->channel_id);
    if (!channel || !can_read_channel(app, actor, *channel))
      return errors::permission("read_channel_content", actor.user_id);
  }
  return {};
}

void publish_preferences(App& app, const char* event, const std::string& user_id,
                         const std::vector<model::Preference>& prefs) {
  // Favorites may have moved; Mattermost sends this without data.
  app.publish_to_user("sidebar_category_updated", {}, user_id);
  app.publish_to_user(event, {{"preferences", boost::json::serialize(model::to_json(prefs))}},
                      user_id);
}

}  // namespace

Result<std::vector<model::Preference>> get_preferences(App& app, const model::Session& actor,
                                                       const std::string& user_id) {
  if (auto s = check_access(app, actor, user_id); !s) return std::move(s).error();
  return app.store().preferences().get_all(user_id);
}

Result<std::vector<model::Preference>> get_preferences_by_category(App& app,
                                                                   const model::Session& actor,
                                                                   const std::string& user_id,
                                                                   const std::string& category) {
  if (auto s = check_access(app, actor, user_id); !s) return std::move(s).error();
  auto prefs = app.store().preferences().get_category(user_id, category);
  if (prefs.empty())
    return AppError::make("api.preference.preferences_category.get.app_error",
                          "Unable to find preferences for the category.", 404);
  return prefs;
}

Result<model::Preference> get_preference(App& app, const model::Session& actor,
                                         const std::string& user_id, const std::string& category,
                                         const std::string& name) {
  if (auto s = check_access(app, actor, user_id); !s) return std::move(s).error();
  auto p = app.store().preferences().get(user_id, category, name);
  if (!p)
    return AppError::make("app.preference.get.app_error", "Unable to find preference.", 400,
                          "category=" + category + ", name=" + name);
  return std::move(*p);
}

Status update_preferences(App& app, const model::Session& actor, const std::string& user_id,
                          std::vector<model::Preference> prefs) {
  if (auto s = check_access(app, actor, user_id); !s) return s;
  if (auto s = check_count(prefs); !s) return s;
  if (auto s = check_flagged_posts(app, actor, prefs); !s) return s;
  for (auto& p : prefs) {
    if (p.user_id != user_id)
      return AppError::make("api.preference.update_preferences.set.app_error",
                            "Unable to set user preferences.", 403,
                            "userId=" + user_id + ", preference.UserId=" + p.user_id);
  }
  for (auto& p : prefs) {
    model::pre_update(p);
    if (auto s = model::validate(p); !s) return s;
  }
  auto& store = app.store();
  // Mattermost fails the sidebar update (500) when a favorited channel does not exist.
  for (const auto& p : prefs) {
    if (p.category == pref::kCategoryFavoriteChannel && p.value != "false" &&
        !store.channels().get(p.name))
      return AppError::make("api.preference.update_preferences.update_sidebar.app_error",
                            "Unable to update sidebar to match updated preferences.", 500,
                            "channel_id=" + p.name);
  }
  store.transaction([&] {
    store.preferences().save(prefs);
    for (const auto& p : prefs) {
      if (p.category != pref::kCategoryFavoriteChannel) continue;
      if (p.value == "false")
        store.sidebar().remove_favorite(user_id, p.name);
      else
        store.sidebar().add_favorite(user_id, p.name);
    }
  });
  publish_preferences(app, "preferences_changed", user_id, prefs);
  return {};
}

Status delete_preferences(App& app, const model::Session& actor, const std::string& user_id,
                          const std::vector<model::Preference>& prefs) {
  if (auto s = check_access(app, actor, user_id); !s) return s;
  if (auto s = check_count(prefs); !s) return s;
  for (const auto& p : prefs) {
    if (p.user_id != user_id)
      return AppError::make("api.preference.delete_preferences.delete.app_error",
                            "Unable to delete user preferences.", 403,
                            "userId=" + user_id + ", preference.UserId=" + p.user_id);
  }
  auto& store = app.store();
  store.transaction([&] {
    for (const auto& p : prefs) {
      store.preferences().remove(user_id, p.category, p.name);
      if (p.category == pref::kCategoryFavoriteChannel)
        store.sidebar().remove_favorite(user_id, p.name);
    }
  });
  publish_preferences(app, "preferences_deleted", user_id, prefs);
  return {};
}

}  // namespace parley::app
