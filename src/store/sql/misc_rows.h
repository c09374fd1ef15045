// Row mapping for the small aggregates (sessions, reactions, preferences, statuses, sidebar
// categories), shared by the SQLite and PostgreSQL stores.
#pragma once

#include "model/post.h"
#include "model/preference.h"
#include "model/session.h"
#include "model/sidebar.h"
#include "model/status.h"
#include "store/sql/json_columns.h"

#include <string_view>
#include <vector>

namespace parley::store::sql {

inline constexpr std::string_view kSessionSelect =
    "SELECT Id, Token, CreateAt, ExpiresAt, LastActivityAt, UserId, DeviceId, Roles, IsOAuth, "
    "ExpiredNotify, Props FROM Sessions ";

template <class Row>
model::Session read_session(const Row& s) {
  model::Session x;
  x.id = s.text(0);
  x.token = s.text(1);
  x.create_at = s.int64(2);
  x.expires_at = s.int64(3);
  x.last_activity_at = s.int64(4);
  x.user_id = s.text(5);
  x.device_id = s.text(6);
  x.roles = s.text(7);
  x.is_oauth = s.boolean(8);
  x.expired_notify = s.boolean(9);
  x.props = object_column(s, 10);
  return x;
}

inline constexpr std::string_view kReactionSelect =
    "SELECT UserId, PostId, EmojiName, CreateAt, UpdateAt, DeleteAt, ChannelId FROM Reactions ";

template <class Row>
model::Reaction read_reaction(const Row& s) {
  model::Reaction r;
  r.user_id = s.text(0);
  r.post_id = s.text(1);
  r.emoji_name = s.text(2);
  r.create_at = s.int64(3);
  r.update_at = s.int64(4);
  r.delete_at = s.int64(5);
  r.channel_id = s.text(6);
  return r;
}

inline constexpr std::string_view kPreferenceSelect =
    "SELECT UserId, Category, Name, Value FROM Preferences ";

template <class Row>
model::Preference read_preference(const Row& s) {
  return {s.text(0), s.text(1), s.text(2), s.text(3)};
}

inline constexpr std::string_view kStatusSelect =
    "SELECT UserId, Status, Manual, LastActivityAt, DNDEndTime, PrevStatus FROM Status ";

template <class Row>
model::Status read_status(const Row& s) {
  model::Status st;
  st.user_id = s.text(0);
  st.status = s.text(1);
  st.manual = s.boolean(2);
  st.last_activity_at = s.int64(3);
  st.dnd_end_time = s.int64(4);
  st.prev_status = s.text(5);
  return st;
}

// What expire_dnd reports for a status whose timed DND ended (the row gets the same values).
inline void end_dnd(model::Status& st) {
  st.status = st.prev_status.empty() ? model::status::kOffline : st.prev_status;
  st.prev_status = model::status::kDnd;
  st.dnd_end_time = 0;
  st.manual = false;
}

inline constexpr std::string_view kCategorySelect =
    "SELECT Id, UserId, TeamId, SortOrder, Sorting, Type, DisplayName, Muted, Collapsed "
    "FROM SidebarCategories ";

template <class Row>
model::SidebarCategory read_category(const Row& s) {
  model::SidebarCategory c;
  c.id = s.text(0);
  c.user_id = s.text(1);
  c.team_id = s.text(2);
  c.sort_order = s.int64(3);
  c.sorting = s.text(4);
  c.type = s.text(5);
  c.display_name = s.text(6);
  c.muted = s.boolean(7);
  c.collapsed = s.boolean(8);
  return c;
}

// The default categories a user gets on a team, in sort order.
struct DefaultCategory {
  const char* type;
  int64_t sort_order;
  const char* sorting;
  const char* display_name;  // the clients translate these
};

inline std::vector<DefaultCategory> default_categories() {
  namespace sb = model::sidebar;
  return {
      {sb::kFavorites, 0, sb::kSortDefault, "Favorites"},
      {sb::kChannels, sb::kSortDistance, sb::kSortDefault, "Channels"},
      {sb::kDirectMessages, 2 * sb::kSortDistance, sb::kSortRecent, "Direct Messages"},
  };
}

}  // namespace parley::store::sql
