// Persistence of channels and channel memberships, with the unread bookkeeping on members.
#pragma once

#include "model/channel.h"

#include <boost/json/object.hpp>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parley::store {

// Channels a user is a member of.
struct UserChannelQuery {
  std::string team_id;  // "" = every team; otherwise that team's channels plus DMs and GMs
  bool include_deleted = false;
  int64_t last_delete_at = 0;  // with include_deleted: only channels archived after this
};

// Listing a team's channels.
struct TeamChannelQuery {
  std::string team_id;
  std::string type;  // "O", "P", or "" for both
  bool deleted = false;
  std::string member_id;  // when set, private channels only if this user is a member
  int offset = 0;
  int limit = 60;
};

// Searching a team's channels by name or display name (prefix of a word).
struct ChannelSearch {
  std::string team_id;
  std::string term;
  std::string user_id;       // when set: public channels plus private ones the user is in
  bool member_only = false;  // with user_id: only channels the user is a member of
  bool include_deleted = false;
  bool public_only = false;
  int limit = 50;
};

struct ChannelMemberWithTeam {
  model::ChannelMember member;
  std::string team_display_name;
  std::string team_name;
  int64_t team_update_at = 0;
};

// A channel member as mention resolution (app/mentions.h) sees them: the user's names and notify
// props and the membership's notify props.
struct MentionMember {
  std::string user_id;
  std::string username;
  std::string first_name;
  boost::json::object notify_props;          // the user's
  boost::json::object channel_notify_props;  // the membership's
};
// Shared and immutable: the caching store (store/cached_mentions.h) hands the same list to
// every post in the channel until a membership, notify prop or profile change drops it.
using MentionMembers = std::shared_ptr<const std::vector<MentionMember>>;

// What marking channels viewed changed: channels that had unread messages or mentions, and
// every requested channel's last_post_at.
struct ViewResult {
  std::vector<std::string> viewed;
  std::map<std::string, int64_t> times;
};

class ChannelStore {
 public:
  virtual ~ChannelStore() = default;
  // Throws StoreError (constraint) when (name, team_id) is taken.
  virtual void insert(const model::Channel& c) = 0;
  // Every column but id, create_at and the post counters (owned by posts).
  virtual void update(const model::Channel& c) = 0;
  virtual std::optional<model::Channel> get(std::string_view id) = 0;
  // By name in a team; DMs and group messages (team "") match in any team.
  virtual std::optional<model::Channel> get_by_name(std::string_view team_id, std::string_view name,
                                                    bool include_deleted) = 0;
  virtual std::vector<model::Channel> get_many(const std::vector<std::string>& ids) = 0;
  virtual int64_t count_in_team(std::string_view team_id) = 0;
  // Channels the user belongs to, ordered by display name (team) or id (all).
  virtual std::vector<model::Channel> for_user(std::string_view user_id,
                                               const UserChannelQuery& q) = 0;
  virtual std::vector<model::Channel> for_team(const TeamChannelQuery& q) = 0;
  // Open channels of a team among `ids`.
  virtual std::vector<model::Channel> public_by_ids(std::string_view team_id,
                                                    const std::vector<std::string>& ids) = 0;
  virtual std::vector<model::Channel> search(const ChannelSearch& q) = 0;

  virtual std::optional<model::ChannelMember> get_member(std::string_view channel_id,
                                                         std::string_view user_id) = 0;
  // The member's roles (ChannelMember::roles()), nullopt for a non-member: what permission
  // checks need, which the caching store keeps apart from the often-changing counters.
  virtual std::optional<std::string> member_roles(std::string_view channel_id,
                                                  std::string_view user_id) {
    auto m = get_member(channel_id, user_id);
    if (!m) return std::nullopt;
    return m->roles();
  }
  // Throws StoreError (constraint) when the membership exists.
  virtual void save_member(const model::ChannelMember& m) = 0;
  virtual void update_member(const model::ChannelMember& m) = 0;
  virtual void remove_member(std::string_view channel_id, std::string_view user_id) = 0;
  // Removes the user from every open and private channel of the team.
  virtual void remove_team_memberships(std::string_view team_id, std::string_view user_id) = 0;
  virtual std::vector<model::ChannelMember> members(std::string_view channel_id, int offset,
                                                    int limit) = 0;
  virtual std::vector<model::ChannelMember> members_by_ids(
      std::string_view channel_id, const std::vector<std::string>& user_ids) = 0;
  // The user's memberships in a team's channels plus DMs and group messages.
  virtual std::vector<model::ChannelMember> members_for_user_in_team(std::string_view user_id,
                                                                     std::string_view team_id) = 0;
  // All the user's memberships with their team's names, ordered by channel id; limit < 0: all.
  virtual std::vector<ChannelMemberWithTeam> members_for_user(std::string_view user_id, int offset,
                                                              int limit) = 0;
  virtual std::vector<std::string> member_user_ids(std::string_view channel_id) = 0;
  // Every member (deactivated users too) with what mention resolution needs, by user id.
  virtual MentionMembers mention_members(std::string_view channel_id) = 0;
  // Members whose account is active; guests among them.
  virtual int64_t member_count(std::string_view channel_id) = 0;
  virtual int64_t guest_count(std::string_view channel_id) = 0;
  virtual std::map<std::string, int64_t> member_counts(const std::vector<std::string>& ids) = 0;
  // Pinned posts and attached files of live posts in the channel.
  virtual int64_t pinned_post_count(std::string_view channel_id) = 0;
  virtual int64_t file_count(std::string_view channel_id) = 0;
  // The channel of a post, if the post exists.
  virtual std::optional<std::string> post_channel_id(std::string_view post_id) = 0;

  // Marks channels read for the user: msg counts catch up with the channel totals, mentions
  // go to 0 and last_viewed_at becomes max(last_viewed_at, channel.last_post_at).
  virtual ViewResult mark_viewed(std::string_view user_id,
                                 const std::vector<std::string>& channel_ids) = 0;
  virtual std::optional<model::ChannelUnread> unread(std::string_view channel_id,
                                                     std::string_view user_id) = 0;
  // One row per team channel (DMs and group messages left out) the user is a member of.
  virtual std::vector<model::ChannelUnread> unreads_for_user(std::string_view user_id) = 0;
  // Removes a channel with its members, posts, reactions and sidebar entries, for good.
  virtual void permanent_delete(std::string_view channel_id) = 0;
};

}  // namespace parley::store
