// Persistence of sidebar categories and the channels placed in them (SidebarCategories,
// SidebarChannels), plus the reads over channel memberships the sidebar is built from.
#pragma once

#include "model/sidebar.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parley::store {

class SidebarStore {
 public:
  virtual ~SidebarStore() = default;

  // The user's categories on a team by sort order, each with its stored channel ids (only
  // channels the user is still a member of), in their stored order.
  virtual std::vector<model::SidebarCategory> categories(std::string_view user_id,
                                                         std::string_view team_id) = 0;
  virtual std::optional<model::SidebarCategory> category(std::string_view category_id) = 0;
  // Creates whichever of favorites/channels/direct_messages the user lacks on the team, with
  // deterministic ids; a new favorites category takes in the user's favorite_channel preferences.
  virtual void create_defaults(std::string_view user_id, std::string_view team_id) = 0;
  // Channels the user is a member of (not archived) that sit in none of the user's categories on
  // the team, by display name: direct and group channels when `direct`, else the team's public
  // and private channels.
  virtual std::vector<std::string> unplaced_channels(std::string_view user_id,
                                                     std::string_view team_id, bool direct) = 0;
  // Every channel the user may place on the team's sidebar: memberships (archived included) in
  // the team's channels and in direct/group channels.
  virtual std::vector<std::string> placeable_channels(std::string_view user_id,
                                                      std::string_view team_id) = 0;

  virtual void insert(const model::SidebarCategory& c) = 0;  // the row only
  // Display name, sorting, muted and collapsed.
  virtual void update(const model::SidebarCategory& c) = 0;
  // Replaces the channels stored in a category, in the given order, and takes those channels out
  // of the user's other categories on the same team.
  virtual void set_channels(const model::SidebarCategory& c,
                            const std::vector<std::string>& channel_ids) = 0;
  // Sort orders 0, 10, 20... in the given order.
  virtual void set_order(const std::vector<std::string>& category_ids) = 0;
  virtual void remove(std::string_view category_id) = 0;  // the category and its channels
  // The user left the channel: it leaves every category of theirs.
  virtual void remove_channel(std::string_view user_id, std::string_view channel_id) = 0;
  // The user left the team: their categories there go (new defaults come on the next join).
  virtual void clear_team(std::string_view user_id, std::string_view team_id) = 0;

  // favorite_channel preference mirror: puts the channel first in the user's favorites
  // categories (its team's, or every team's for direct/group channels) where it is missing.
  // False when the channel does not exist.
  virtual bool add_favorite(std::string_view user_id, std::string_view channel_id) = 0;
  virtual void remove_favorite(std::string_view user_id, std::string_view channel_id) = 0;

  // Sets ChannelMembers.NotifyProps.mark_unread to "mention" (muted) or "all" for the user's
  // memberships among `channel_ids` whose state differs; returns the channels changed.
  virtual std::vector<std::string> set_channels_muted(std::string_view user_id,
                                                      const std::vector<std::string>& channel_ids,
                                                      bool muted) = 0;
};

}  // namespace parley::store
