// Updating sidebar categories: read-only fields kept, channels re-placed, the Favorites
// category mirrored into favorite_channel preferences, and channels muted or unmuted to follow
// the category they are in.
#include "app/sidebar.h"
#include "app/sidebar_common.h"
#include "store/channel_store.h"
#include "store/preference_store.h"
#include "store/sidebar_store.h"

#include <unordered_map>

namespace parley::app {
namespace {

using namespace sidebar_detail;
namespace sb = model::sidebar;

// What an update may change of `src`: display name (custom only), sorting, collapsed, and for
// all but Direct Messages the channels and muted.
model::SidebarCategory merge(const model::SidebarCategory& src, const model::SidebarCategory& in) {
  model::SidebarCategory dest = src;
  dest.sorting = in.sorting;
  dest.collapsed = in.collapsed;
  if (src.type == sb::kCustom) dest.display_name = in.display_name;
  if (src.type != sb::kDirectMessages) {
    dest.channel_ids = in.channel_ids;
    dest.muted = in.muted;
  } else {
    dest.channel_ids.clear();
  }
  return dest;
}

void mirror_favorites(App& app, const std::string& user_id, const model::SidebarCategory& src,
                      const model::SidebarCategory& dest, const std::vector<std::string>& input) {
  auto& prefs = app.store().preferences();
  const char* favorite = model::preference::kCategoryFavoriteChannel;
  if (src.type == sb::kFavorites) {
    for (const auto& id : src.channel_ids) prefs.remove(user_id, favorite, id);
    std::vector<model::Preference> now;
    for (const auto& id : dest.channel_ids) now.push_back({user_id, favorite, id, "true"});
    prefs.save(now);
  } else {
    for (const auto& id : input) prefs.remove(user_id, favorite, id);
  }
}

// Channels whose muted state must follow the category they are now in.
void follow_category_mute(App& app, const std::string& user_id,
                          const std::vector<model::SidebarCategory>& updated,
                          const std::vector<model::SidebarCategory>& original) {
  std::vector<std::string> mute, unmute;
  for (std::size_t i = 0; i < updated.size() && i < original.size(); ++i) {
    const auto& ids = updated[i].channel_ids;
    if (updated[i].muted && !original[i].muted) mute.insert(mute.end(), ids.begin(), ids.end());
    if (!updated[i].muted && original[i].muted) unmute.insert(unmute.end(), ids.begin(), ids.end());
  }
  std::unordered_map<std::string, const model::SidebarCategory*> was_in, now_in;
  for (const auto& c : original)
    for (const auto& id : c.channel_ids) was_in[id] = &c;
  for (const auto& c : updated)
    for (const auto& id : c.channel_ids) now_in[id] = &c;
  for (const auto& [channel_id, from] : was_in) {
    auto it = now_in.find(channel_id);
    if (it == now_in.end() || it->second->id == from->id) continue;
    if (it->second->muted && !from->muted) mute.push_back(channel_id);
    if (!it->second->muted && from->muted) unmute.push_back(channel_id);
  }
  for (auto [ids, muted] : {std::pair{&mute, true}, std::pair{&unmute, false}}) {
    for (const auto& channel_id : app.store().sidebar().set_channels_muted(user_id, *ids, muted)) {
      auto member = app.store().channels().get_member(channel_id, user_id);
      if (!member) continue;
      app.publish_to_user("channel_member_updated",
                          {{"channelMember", boost::json::serialize(model::to_json(*member))}},
                          user_id);
    }
  }
}

}  // namespace

Result<std::vector<model::SidebarCategory>> update_sidebar_categories(
    App& app, const model::Session& actor, const std::string& user_id, const std::string& team_id,
    std::vector<model::SidebarCategory> input) {
  if (auto s = check_access(app, actor, user_id, team_id); !s) return std::move(s).error();
  std::vector<model::SidebarCategory> original, updated;
  for (auto& in : input) {
    auto src = load_category(app, actor, user_id, team_id, in.id, true);
    if (!src) return std::move(src).error();
    in.channel_ids = placeable(app, user_id, team_id, in.channel_ids);
    original.push_back(std::move(*src));
  }
  auto& store = app.store();
  store.transaction([&] {
    for (std::size_t i = 0; i < input.size(); ++i) {
      // Read again inside the transaction, as earlier entries may have moved channels.
      auto src = store.sidebar().category(input[i].id);
      if (!src) throw store::StoreError("sidebar category vanished: " + input[i].id, false);
      populate(app, *src);
      original[i] = *src;
      auto dest = merge(*src, input[i]);
      store.sidebar().update(dest);
      if (dest.type != sb::kDirectMessages) store.sidebar().set_channels(dest, dest.channel_ids);
      mirror_favorites(app, user_id, *src, dest, input[i].channel_ids);
      updated.push_back(std::move(dest));
    }
    for (auto& c : updated) {
      c.channel_ids = store.sidebar().category(c.id)->channel_ids;
      populate(app, c);
    }
  });
  boost::json::array json;
  for (const auto& c : updated) json.push_back(model::to_json(c));
  publish(app, "sidebar_category_updated", {{"updatedCategories", boost::json::serialize(json)}},
          user_id, team_id);
  follow_category_mute(app, user_id, updated, original);
  return updated;
}

Result<model::SidebarCategory> update_sidebar_category(App& app, const model::Session& actor,
                                                       const std::string& user_id,
                                                       const std::string& team_id,
                                                       const std::string& category_id,
                                                       model::SidebarCategory input) {
  if (auto s = check_access(app, actor, user_id, team_id); !s) return std::move(s).error();
  if (auto c = load_category(app, actor, user_id, team_id, category_id, false); !c)
    return std::move(c).error();
  if (input.user_id != user_id || input.team_id != team_id)
    return errors::invalid_param("category");
  input.id = category_id;
  auto r = update_sidebar_categories(app, actor, user_id, team_id, {std::move(input)});
  if (!r) return std::move(r).error();
  return std::move(r->front());
}

}  // namespace parley::app
