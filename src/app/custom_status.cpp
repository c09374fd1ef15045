// Setting and clearing a user's custom status and editing their recent custom statuses.
#include "app/custom_status.h"

#include "app/authorization.h"
#include "app/preferences.h"
#include "app/users.h"
#include "store/preference_store.h"
#include "store/user_store.h"
#include "util/ids.h"

#include <boost/json/serialize.hpp>

#include <algorithm>
#include <vector>

namespace parley::app {
namespace {

namespace bj = boost::json;

AppError recent_delete_error() {
  return AppError::make("api.custom_status.recent_custom_statuses.delete.app_error",
                        "Failed to delete the recent custom status.", 400);
}

Status check_user(App& app, const model::Session& actor, const std::string& user_id) {
  if (!can_manage_user(app, actor, user_id))
    return errors::permission("edit_other_users", actor.user_id);
  return {};
}

// Sets props.customStatus to `value` and announces the new profile.
Status update_props(App& app, const std::string& user_id, const std::string& value) {
  auto user = get_user(app, user_id);
  if (!user) return std::move(user).error();
  model::User u = std::move(user).value();
  u.props[model::kUserPropCustomStatus] = value;
  u.update_at = now_ms();
  app.store().users().update(u);
  publish_user_updated(app, u);
  return {};
}

std::optional<model::Preference> recent_pref(App& app, const std::string& user_id) {
  return app.store().preferences().get(user_id, model::kPrefCategoryCustomStatus,
                                       model::kPrefNameRecentCustomStatuses);
}

Status save_recent(App& app, const model::Session& actor, const std::string& user_id,
                   const std::vector<model::CustomStatus>& list) {
  return update_preferences(
      app, actor, user_id,
      {{user_id, model::kPrefCategoryCustomStatus, model::kPrefNameRecentCustomStatuses,
        model::recent_custom_statuses_value(list)}});
}

}  // namespace

Status check_custom_statuses_enabled(App& app) {
  if (!app.config()->team.enable_custom_user_statuses)
    return AppError::make("api.custom_status.disabled", "Custom statuses are disabled.", 501);
  return {};
}

Status set_custom_status(App& app, const model::Session& actor, const std::string& user_id,
                         model::CustomStatus cs) {
  if (auto s = check_user(app, actor, user_id); !s) return s;
  cs.pre_save(now_ms());
  if (cs.empty())
    return AppError::make("api.custom_status.set_custom_statuses.update.app_error",
                          "Failed to update the custom status.", 400);
  if (auto s = update_props(app, user_id, bj::serialize(model::to_json(cs))); !s) return s;
  // Like Mattermost, a broken recent list does not fail the request.
  auto pref = recent_pref(app, user_id);
  bool ok = true;
  auto list = model::recent_custom_statuses_from(pref ? pref->value : "", &ok);
  if (!ok) return {};
  model::add_recent_custom_status(list, cs);
  (void)save_recent(app, actor, user_id, list);
  return {};
}

Status remove_custom_status(App& app, const model::Session& actor, const std::string& user_id) {
  if (auto s = check_user(app, actor, user_id); !s) return s;
  return update_props(app, user_id, "");
}

Status remove_recent_custom_status(App& app, const model::Session& actor,
                                   const std::string& user_id, const model::CustomStatus& cs) {
  if (auto s = check_user(app, actor, user_id); !s) return s;
  auto pref = recent_pref(app, user_id);
  if (!pref)
    return AppError::make("app.preference.get.app_error", "Unable to find preference.", 400);
  if (pref->value.empty()) return recent_delete_error();
  bool ok = true;
  auto list = model::recent_custom_statuses_from(pref->value, &ok);
  if (!ok)
    return AppError::make("api.unmarshal_error", "Failed to unmarshal the recent statuses.", 400);
  if (cs.empty() || std::find(list.begin(), list.end(), cs) == list.end())
    return recent_delete_error();
  std::erase(list, cs);
  return save_recent(app, actor, user_id, list);
}

}  // namespace parley::app
