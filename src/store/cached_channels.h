// The mention cache of the caching store (store/cached_store.h): each channel's
// ChannelStore::mention_members list by channel id, as Mattermost's local cache keeps the
// profiles in a channel and its members' notify props for SendNotifications. Invalidated after
// commit by the writes that change what it holds: a membership saved, updated or removed
// (channel), a user's memberships in a team removed, a member's notify props muted or unmuted
// from the sidebar (those channels), and a user inserted or updated with another username, first
// name or notify props than a list holds (those lists, in CachedUserStore; a login keeps them).
// Permanent deletion of a team leaves the entries of its channels, which no read asks for again
// (they age out with the bound).
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
  // props for them (a login or a nickname change keeps the lists).
  void user_written(const model::User& u);

 private:
  KeyCache<MentionMembers> cache_;
};

class CachedChannelStore final : public ChannelStore {
 public:
  CachedChannelStore(ChannelStore& inner, MentionCache& mentions)
      : inner_(inner), mentions_(mentions) {}

  // The writes that change mention_members.
  void save_member(const model::ChannelMember& m) override;
  void update_member(const model::ChannelMember& m) override;
  void remove_member(std::string_view channel_id, std::string_view user_id) override;
  void remove_team_memberships(std::string_view team_id, std::string_view user_id) override;
  void permanent_delete(std::string_view channel_id) override;
  MentionMembers mention_members(std::string_view channel_id) override;

  // Everything else passes through.
  void insert(const model::Channel& c) override { inner_.insert(c); }
  void update(const model::Channel& c) override { inner_.update(c); }
  std::optional<model::Channel> get(std::string_view id) override { return inner_.get(id); }
  std::optional<model::Channel> get_by_name(std::string_view team_id, std::string_view name,
                                            bool include_deleted) override {
    return inner_.get_by_name(team_id, name, include_deleted);
  }
  std::vector<model::Channel> get_many(const std::vector<std::string>& ids) override {
    return inner_.get_many(ids);
  }
  int64_t count_in_team(std::string_view team_id) override { return inner_.count_in_team(team_id); }
  std::vector<model::Channel> for_user(std::string_view user_id,
                                       const UserChannelQuery& q) override {
    return inner_.for_user(user_id, q);
  }
  std::vector<model::Channel> for_team(const TeamChannelQuery& q) override {
    return inner_.for_team(q);
  }
  std::vector<model::Channel> public_by_ids(std::string_view team_id,
                                            const std::vector<std::string>& ids) override {
    return inner_.public_by_ids(team_id, ids);
  }
  std::vector<model::Channel> search(const ChannelSearch& q) override { return inner_.search(q); }
  std::optional<model::ChannelMember> get_member(std::string_view channel_id,
                                                 std::string_view user_id) override {
    return inner_.get_member(channel_id, user_id);
  }
  std::vector<model::ChannelMember> members(std::string_view channel_id, int offset,
                                            int limit) override {
    return inner_.members(channel_id, offset, limit);
  }
  std::vector<model::ChannelMember> members_by_ids(
      std::string_view channel_id, const std::vector<std::string>& user_ids) override {
    return inner_.members_by_ids(channel_id, user_ids);
  }
  std::vector<model::ChannelMember> members_for_user_in_team(std::string_view user_id,
                                                             std::string_view team_id) override {
    return inner_.members_for_user_in_team(user_id, team_id);
  }
  std::vector<ChannelMemberWithTeam> members_for_user(std::string_view user_id, int offset,
                                                      int limit) override {
    return inner_.members_for_user(user_id, offset, limit);
  }
  std::vector<std::string> member_user_ids(std::string_view channel_id) override {
    return inner_.member_user_ids(channel_id);
  }
  int64_t member_count(std::string_view channel_id) override {
    return inner_.member_count(channel_id);
  }
  int64_t guest_count(std::string_view channel_id) override {
    return inner_.guest_count(channel_id);
  }
  std::map<std::string, int64_t> member_counts(const std::vector<std::string>& ids) override {
    return inner_.member_counts(ids);
  }
  int64_t pinned_post_count(std::string_view channel_id) override {
    return inner_.pinned_post_count(channel_id);
  }
  int64_t file_count(std::string_view channel_id) override { return inner_.file_count(channel_id); }
  std::optional<std::string> post_channel_id(std::string_view post_id) override {
    return inner_.post_channel_id(post_id);
  }
  ViewResult mark_viewed(std::string_view user_id,
                         const std::vector<std::string>& channel_ids) override {
    return inner_.mark_viewed(user_id, channel_ids);
  }
  std::optional<model::ChannelUnread> unread(std::string_view channel_id,
                                             std::string_view user_id) override {
    return inner_.unread(channel_id, user_id);
  }
  std::vector<model::ChannelUnread> unreads_for_user(std::string_view user_id) override {
    return inner_.unreads_for_user(user_id);
  }

 private:
  ChannelStore& inner_;
  MentionCache& mentions_;
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
