// Sidebar categories: access rules, reads, creation, ordering and deletion.
#include "app/sidebar.h"

#include "app/authorization.h"
#include "app/membership.h"
#include "app/sidebar_common.h"
#include "store/sidebar_store.h"
#include "store/team_store.h"
#include "util/ids.h"

#include <algorithm>
#include <unordered_set>

namespace parley::app {
namespace sidebar_detail {

namespace sb = model::sidebar;

AppError categories_error(int status, std::string detail) {
  return AppError::make("app.channel.sidebar_categories.app_error",
                        "Unable to get or update sidebar categories.", status, std::move(detail));
}

Status check_access(App& app, const model::Session& actor, const std::string& user_id,
                    const std::string& team_id) {
  if (!can_manage_user(app, actor, user_id))
    return errors::permission("edit_other_users", actor.user_id);
  auto team = app.store().teams().get(team_id);
  auto member = app.store().teams().get_member(team_id, user_id);
  if (!team || team->delete_at != 0 || !member || member->delete_at != 0)
    return errors::permission("view_team", actor.user_id);
  return {};
}

Result<model::SidebarCategory> load_category(App& app, const model::Session& actor,
                                             const std::string& user_id, const std::string& team_id,
                                             const std::string& category_id, bool param_error) {
  auto c = app.store().sidebar().category(category_id);
  if (c && c->user_id == user_id && c->team_id == team_id) return std::move(*c);
  if (param_error) return errors::invalid_param("category");
  if (has_permission(actor, "edit_other_users"))
    return categories_error(404, "category_id=" + category_id);
  return errors::permission("edit_other_users", actor.user_id);
}

std::vector<model::SidebarCategory> ensure_categories(App& app, const std::string& user_id,
                                                      const std::string& team_id) {
  auto& store = app.store().sidebar();
  auto cats = store.categories(user_id, team_id);
  if (cats.empty()) {
    store.create_defaults(user_id, team_id);
    cats = store.categories(user_id, team_id);
  }
  return cats;
}

void populate(App& app, model::SidebarCategory& c) {
  bool direct = c.type == sb::kDirectMessages;
  if (!direct && c.type != sb::kChannels) return;
  auto implicit = app.store().sidebar().unplaced_channels(c.user_id, c.team_id, direct);
  c.channel_ids.insert(c.channel_ids.begin(), implicit.begin(), implicit.end());
}

std::vector<std::string> placeable(App& app, const std::string& user_id, const std::string& team_id,
                                   const std::vector<std::string>& channel_ids) {
  auto allowed_list = app.store().sidebar().placeable_channels(user_id, team_id);
  std::unordered_set<std::string> allowed(allowed_list.begin(), allowed_list.end());
  std::unordered_set<std::string> seen;
  std::vector<std::string> out;
  for (const auto& id : channel_ids)
    if (allowed.count(id) && seen.insert(id).second) out.push_back(id);
  return out;
}

void publish(App& app, const char* name, boost::json::object data, const std::string& user_id,
             const std::string& team_id) {
  Event e{name, std::move(data), {}, std::nullopt, {}, {}};
  e.broadcast.user_id = user_id;
  e.broadcast.team_id = team_id;
  app.publish(std::move(e));
}

}  // namespace sidebar_detail

using namespace sidebar_detail;
namespace sb = model::sidebar;

void register_sidebar_hooks(App& app) {
  auto& hooks = app.membership_hooks();
  hooks.team_joined.push_back([](App& a, const model::Team& team, const std::string& user_id) {
    a.store().sidebar().create_defaults(user_id, team.id);
  });
  hooks.team_left.push_back([](App& a, const model::Team& team, const std::string& user_id) {
    a.store().sidebar().clear_team(user_id, team.id);
  });
  hooks.channel_left.push_back(
      [](App& a, const model::Channel& channel, const std::string& user_id) {
        a.store().sidebar().remove_channel(user_id, channel.id);
      });
}

Result<OrderedCategories> get_sidebar_categories(App& app, const model::Session& actor,
                                                 const std::string& user_id,
                                                 const std::string& team_id) {
  if (auto s = check_access(app, actor, user_id, team_id); !s) return std::move(s).error();
  OrderedCategories out;
  out.categories = ensure_categories(app, user_id, team_id);
  for (auto& c : out.categories) {
    populate(app, c);
    out.order.push_back(c.id);
  }
  return out;
}

Result<std::vector<std::string>> get_sidebar_category_order(App& app, const model::Session& actor,
                                                            const std::string& user_id,
                                                            const std::string& team_id) {
  if (auto s = check_access(app, actor, user_id, team_id); !s) return std::move(s).error();
  std::vector<std::string> order;
  for (const auto& c : ensure_categories(app, user_id, team_id)) order.push_back(c.id);
  return order;
}

Result<model::SidebarCategory> get_sidebar_category(App& app, const model::Session& actor,
                                                    const std::string& user_id,
                                                    const std::string& team_id,
                                                    const std::string& category_id) {
  if (auto s = check_access(app, actor, user_id, team_id); !s) return std::move(s).error();
  auto c = load_category(app, actor, user_id, team_id, category_id, false);
  if (!c) return c;
  populate(app, *c);
  return c;
}

Result<model::SidebarCategory> create_sidebar_category(App& app, const model::Session& actor,
                                                       const std::string& user_id,
                                                       const std::string& team_id,
                                                       model::SidebarCategory input) {
  if (auto s = check_access(app, actor, user_id, team_id); !s) return std::move(s).error();
  if (input.user_id != user_id || input.team_id != team_id)
    return errors::invalid_param("category");
  model::SidebarCategory c;
  c.id = new_id();
  c.user_id = user_id;
  c.team_id = team_id;
  c.sorting = input.sorting;
  c.type = sb::kCustom;
  c.display_name = input.display_name;
  c.muted = input.muted;
  c.channel_ids = placeable(app, user_id, team_id, input.channel_ids);
  auto& store = app.store();
  store.transaction([&] {
    auto existing = ensure_categories(app, user_id, team_id);
    // After Favorites when Favorites comes first, otherwise first.
    std::vector<std::string> order;
    bool after_favorites = !existing.empty() && existing.front().type == sb::kFavorites;
    if (after_favorites) order.push_back(existing.front().id);
    order.push_back(c.id);
    for (std::size_t i = after_favorites ? 1 : 0; i < existing.size(); ++i)
      order.push_back(existing[i].id);
    c.sort_order = static_cast<int64_t>(order.size()) * sb::kSortDistance;
    store.sidebar().insert(c);
    if (!c.channel_ids.empty()) store.sidebar().set_channels(c, c.channel_ids);
    store.sidebar().set_order(order);
    c.sort_order = after_favorites ? sb::kSortDistance : 0;
  });
  publish(app, "sidebar_category_created", {{"category_id", c.id}}, user_id, team_id);
  return c;
}

Result<std::vector<std::string>> update_sidebar_category_order(App& app,
                                                               const model::Session& actor,
                                                               const std::string& user_id,
                                                               const std::string& team_id,
                                                               std::vector<std::string> order) {
  if (auto s = check_access(app, actor, user_id, team_id); !s) return std::move(s).error();
  for (const auto& id : order) {
    auto c = load_category(app, actor, user_id, team_id, id, true);
    if (!c) return std::move(c).error();
  }
  std::optional<AppError> failure;
  app.store().transaction([&] {
    auto existing = ensure_categories(app, user_id, team_id);
    if (existing.size() != order.size()) {
      failure = categories_error(500, "the order must list every category once");
      return;
    }
    for (const auto& c : existing) {
      if (std::find(order.begin(), order.end(), c.id) == order.end()) {
        failure = categories_error(400, "category_id=" + c.id + " is missing from the order");
        return;
      }
    }
    app.store().sidebar().set_order(order);
  });
  if (failure) return std::move(*failure);
  boost::json::array ids(order.begin(), order.end());
  publish(app, "sidebar_category_order_updated", {{"order", std::move(ids)}}, user_id, team_id);
  return order;
}

Status delete_sidebar_category(App& app, const model::Session& actor, const std::string& user_id,
                               const std::string& team_id, const std::string& category_id) {
  if (auto s = check_access(app, actor, user_id, team_id); !s) return s;
  auto c = load_category(app, actor, user_id, team_id, category_id, false);
  if (!c) return std::move(c).error();
  if (c->type != sb::kCustom) return categories_error(400, "only custom categories can be deleted");
  app.store().sidebar().remove(category_id);
  publish(app, "sidebar_category_deleted", {{"category_id", category_id}}, user_id, team_id);
  return {};
}

}  // namespace parley::app
