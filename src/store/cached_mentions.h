// The mention cache of the caching store (store/cached_store.h): each channel's
// ChannelStore::mention_members list by channel id, as Mattermost's local cache keeps the
// profiles in a channel and its members' notify props for SendNotifications. Invalidated after
// commit by the writes that change what it holds: a membership saved, updated or removed, a
// user's memberships in a team removed, a channel or team deleted (store/cached_channels.h), a
// member's notify props muted or unmuted from the sidebar (CachedSidebarStore below), and a user
// inserted or updated with another username, first name or notify props than a list holds
// (CachedUserStore; a login keeps the lists).
#pragma once

#include "model/user.h"
#include "store/channel_store.h"
#include "store/key_cache.h"
#include "store/sidebar_store.h"

namespace parley::store {

class MentionCache {
 public:
  explicit MentionCache(std::size_t max_channels) : cache_(max_channels) {}

  // The cached list, or inner.mention_members(channel_id) remembered.
  MentionMembers get(ChannelStore& inner, std::string_view channel_id);
  void erase_channel(std::string_view channel_id) { cache_.erase(channel_id); }
  // Drops every channel whose list includes the user.
  void erase_member(std::string_view user_id);
  // After the user's row was written: drops the channels whose list holds other names or notify
  // props for them.
  void user_written(const model::User& u);
  void clear() { cache_.clear(); }

 private:
  KeyCache<MentionMembers> cache_;
};

// Passes everything through; muting and unmuting channels (their members' notify props) drop
// those channels' mention lists.
class CachedSidebarStore final : public SidebarStore {
 public:
  CachedSidebarStore(SidebarStore& inner, MentionCache& mentions)
      : inner_(inner), mentions_(mentions) {}

  std::vector<std::string> set_channels_muted(std::string_view user_id,
                                              const std::vector<std::string>& channel_ids,
                                              bool muted) override;

  std::vector<model::SidebarCategory> categories(std::string_view user_id,
                                                 std::string_view team_id) override {
    return inner_.categories(user_id, team_id);
  }
  std::optional<model::SidebarCategory> category(std::string_view category_id) override {
    return inner_.category(category_id);
  }
  void create_defaults(std::string_view user_id, std::string_view team_id) override {
    inner_.create_defaults(user_id, team_id);
  }
  std::vector<std::string> unplaced_channels(std::string_view user_id, std::string_view team_id,
                                             bool direct) override {
    return inner_.unplaced_channels(user_id, team_id, direct);
  }
  std::vector<std::string> placeable_channels(std::string_view user_id,
                                              std::string_view team_id) override {
    return inner_.placeable_channels(user_id, team_id);
  }
  void insert(const model::SidebarCategory& c) override { inner_.insert(c); }
  void update(const model::SidebarCategory& c) override { inner_.update(c); }
  void set_channels(const model::SidebarCategory& c,
                    const std::vector<std::string>& channel_ids) override {
    inner_.set_channels(c, channel_ids);
  }
  void set_order(const std::vector<std::string>& category_ids) override {
    inner_.set_order(category_ids);
  }
  void remove(std::string_view category_id) override { inner_.remove(category_id); }
  void remove_channel(std::string_view user_id, std::string_view channel_id) override {
    inner_.remove_channel(user_id, channel_id);
  }
  void clear_team(std::string_view user_id, std::string_view team_id) override {
    inner_.clear_team(user_id, team_id);
  }
  bool add_favorite(std::string_view user_id, std::string_view channel_id) override {
    return inner_.add_favorite(user_id, channel_id);
  }
  void remove_favorite(std::string_view user_id, std::string_view channel_id) override {
    inner_.remove_favorite(user_id, channel_id);
  }

 private:
  SidebarStore& inner_;
  MentionCache& mentions_;
};

}  // namespace parley::store
