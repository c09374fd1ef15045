// The channel and team decorators of the caching store (store/cached_store.h): channels by id
// (every channel read of a request), invalidated by channel writes and, through
// store/cached_posts.h, by post writes that move the channel's counters; members' roles (every
// permission check), invalidated by the membership writes that can change them (save, update,
// remove); deleting a channel drops its post listings and members, deleting a team (its
// channels, members and posts) clears everything. Nothing else writes the Channels table or the
// roles of ChannelMembers (post writes, views and mutes only move counters and notify props).
// Member and guest counts per channel (every channel switch asks for them) go with the same
// membership writes, and with user writes that change a user's roles or deletion
// (CachedUserStore).
// The same membership writes drop the channel's mention list (store/cached_mentions.h).
#pragma once

#include "store/cached_mentions.h"
#include "store/cached_posts.h"
#include "store/channel_store.h"
#include "store/team_store.h"

namespace parley::store {

class CachedChannelStore final : public ChannelStore {
 public:
  CachedChannelStore(ChannelStore& inner, ChannelCaches& cache, MentionCache& mentions)
      : inner_(inner), cache_(cache), mentions_(mentions) {}

  void insert(const model::Channel& c) override;
  void update(const model::Channel& c) override;
  std::optional<model::Channel> get(std::string_view id) override;
  void permanent_delete(std::string_view channel_id) override;

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
  std::optional<std::string> member_roles(std::string_view channel_id,
                                          std::string_view user_id) override;
  void save_member(const model::ChannelMember& m) override;
  void update_member(const model::ChannelMember& m) override;
  void remove_member(std::string_view channel_id, std::string_view user_id) override;
  void remove_team_memberships(std::string_view team_id, std::string_view user_id) override;
  MentionMembers mention_members(std::string_view channel_id) override {
    return mentions_.get(inner_, channel_id);
  }

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
  int64_t member_count(std::string_view channel_id) override { return counts(channel_id).members; }
  int64_t guest_count(std::string_view channel_id) override { return counts(channel_id).guests; }
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
  std::function<void()> member(std::string_view channel_id, std::string_view user_id);
  MemberCounts counts(std::string_view channel_id);

  ChannelStore& inner_;
  ChannelCaches& cache_;
  MentionCache& mentions_;
};

class CachedTeamStore final : public TeamStore {
 public:
  CachedTeamStore(TeamStore& inner, ChannelCaches& cache, MentionCache& mentions)
      : inner_(inner), cache_(cache), mentions_(mentions) {}

  void permanent_delete(std::string_view team_id) override;

  void insert(const model::Team& t) override { inner_.insert(t); }
  void update(const model::Team& t) override { inner_.update(t); }
  std::optional<model::Team> get(std::string_view id) override { return inner_.get(id); }
  std::optional<model::Team> get_by_name(std::string_view name) override {
    return inner_.get_by_name(name);
  }
  std::optional<model::Team> get_by_invite_id(std::string_view invite_id) override {
    return inner_.get_by_invite_id(invite_id);
  }
  std::vector<model::Team> list(const TeamListQuery& q) override { return inner_.list(q); }
  int64_t count(std::optional<bool> allow_open_invite) override {
    return inner_.count(allow_open_invite);
  }
  std::vector<model::Team> teams_for_user(std::string_view user_id) override {
    return inner_.teams_for_user(user_id);
  }
  std::vector<std::string> common_team_ids(std::string_view a, std::string_view b) override {
    return inner_.common_team_ids(a, b);
  }
  std::optional<model::TeamMember> get_member(std::string_view team_id,
                                              std::string_view user_id) override {
    return inner_.get_member(team_id, user_id);
  }
  void save_member(const model::TeamMember& m) override { inner_.save_member(m); }
  std::vector<model::TeamMember> members(std::string_view team_id,
                                         const TeamMemberQuery& q) override {
    return inner_.members(team_id, q);
  }
  std::vector<model::TeamMember> members_by_ids(std::string_view team_id,
                                                const std::vector<std::string>& ids) override {
    return inner_.members_by_ids(team_id, ids);
  }
  std::vector<model::TeamMember> members_for_user(std::string_view user_id,
                                                  bool include_deleted) override {
    return inner_.members_for_user(user_id, include_deleted);
  }
  int64_t member_count(std::string_view team_id, bool active_users_only) override {
    return inner_.member_count(team_id, active_users_only);
  }
  std::vector<std::string> member_user_ids(std::string_view team_id) override {
    return inner_.member_user_ids(team_id);
  }

 private:
  TeamStore& inner_;
  ChannelCaches& cache_;
  MentionCache& mentions_;
};

}  // namespace parley::store
