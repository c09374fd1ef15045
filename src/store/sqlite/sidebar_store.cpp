// SQLite queries for sidebar categories and their channels.
#include "store/sqlite/sidebar_store.h"

#include "store/sql/misc_rows.h"

#include "util/ids.h"

#include <boost/json.hpp>

#include <algorithm>

namespace parley::store::sqlite {
namespace {

namespace sb = model::sidebar;

constexpr std::string_view kSelect = sql::kCategorySelect;
using sql::read_category;

std::string json_list(const std::vector<std::string>& ids) {
  return sql::json_string_list(ids);
}

// Channel ids stored in a category, restricted to the user's current memberships.
std::vector<std::string> stored_channels(Conn& c, std::string_view category_id,
                                         std::string_view user_id) {
  auto s = c.prepare(
      "SELECT sc.ChannelId FROM SidebarChannels sc JOIN ChannelMembers cm "
      "ON cm.ChannelId = sc.ChannelId AND cm.UserId = ?2 "
      "WHERE sc.CategoryId = ?1 ORDER BY sc.SortOrder, sc.ChannelId");
  s.bind_all(category_id, user_id);
  std::vector<std::string> out;
  while (s.step()) out.push_back(s.text(0));
  return out;
}

void insert_category(Conn& c, const model::SidebarCategory& cat) {
  c.prepare(
       "INSERT INTO SidebarCategories (Id, UserId, TeamId, SortOrder, Sorting, Type, DisplayName, "
       "Muted, Collapsed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .bind_all(cat.id, cat.user_id, cat.team_id, cat.sort_order, cat.sorting, cat.type,
                cat.display_name, cat.muted, cat.collapsed)
      .run();
}

}  // namespace

std::vector<model::SidebarCategory> SqliteSidebarStore::categories(std::string_view user_id,
                                                                   std::string_view team_id) {
  return db_.read([&](Conn& c) {
    std::vector<model::SidebarCategory> out;
    {
      auto s = c.prepare(std::string(kSelect) +
                         "WHERE UserId = ? AND TeamId = ? ORDER BY SortOrder, Id");
      s.bind_all(user_id, team_id);
      while (s.step()) out.push_back(read_category(s));
    }
    for (auto& cat : out) cat.channel_ids = stored_channels(c, cat.id, user_id);
    return out;
  });
}

std::optional<model::SidebarCategory> SqliteSidebarStore::category(std::string_view category_id) {
  return db_.read([&](Conn& c) -> std::optional<model::SidebarCategory> {
    std::optional<model::SidebarCategory> cat;
    {
      auto s = c.prepare(std::string(kSelect) + "WHERE Id = ?");
      s.bind(1, category_id);
      if (!s.step()) return std::nullopt;
      cat = read_category(s);
    }
    cat->channel_ids = stored_channels(c, cat->id, cat->user_id);
    return cat;
  });
}

void SqliteSidebarStore::create_defaults(std::string_view user_id, std::string_view team_id) {
  db_.write([&](Conn& c) {
    std::vector<std::string> existing;
    {
      auto s = c.prepare("SELECT Type FROM SidebarCategories WHERE UserId = ? AND TeamId = ?");
      s.bind_all(user_id, team_id);
      while (s.step()) existing.push_back(s.text(0));
    }
    auto missing = [&](std::string_view type) {
      return std::find(existing.begin(), existing.end(), type) == existing.end();
    };
    for (const auto& d : sql::default_categories()) {
      if (!missing(d.type)) continue;
      model::SidebarCategory cat;
      cat.id = model::default_category_id(d.type, user_id, team_id);
      cat.user_id = user_id;
      cat.team_id = team_id;
      cat.sort_order = d.sort_order;
      cat.sorting = d.sorting;
      cat.type = d.type;
      cat.display_name = d.display_name;
      insert_category(c, cat);
      if (cat.type != sb::kFavorites) continue;
      // Legacy favorites (favorite_channel preferences) become the category's channels.
      std::vector<std::string> favorites;
      {
        auto s = c.prepare(
            "SELECT p.Name FROM Preferences p JOIN Channels ch ON ch.Id = p.Name "
            "JOIN ChannelMembers cm ON cm.ChannelId = p.Name AND cm.UserId = p.UserId "
            "WHERE p.UserId = ?1 AND p.Category = 'favorite_channel' AND p.Value = 'true' "
            "AND (ch.TeamId = ?2 OR ch.TeamId = '') ORDER BY ch.DisplayName, ch.Name");
        s.bind_all(user_id, team_id);
        while (s.step()) favorites.push_back(s.text(0));
      }
      int64_t order = 0;
      for (const auto& id : favorites) {
        c.prepare(
             "INSERT OR IGNORE INTO SidebarChannels (ChannelId, UserId, CategoryId, SortOrder) "
             "VALUES (?, ?, ?, ?)")
            .bind_all(id, user_id, cat.id, order)
            .run();
        order += sb::kSortDistance;
      }
    }
  });
}

std::vector<std::string> SqliteSidebarStore::unplaced_channels(std::string_view user_id,
                                                               std::string_view team_id,
                                                               bool direct) {
  std::string sql =
      "SELECT ch.Id FROM ChannelMembers cm JOIN Channels ch ON ch.Id = cm.ChannelId "
      "WHERE cm.UserId = ?1 AND ch.DeleteAt = 0 AND ";
  sql += direct ? "ch.Type IN ('D', 'G') " : "ch.Type IN ('O', 'P') AND ch.TeamId = ?2 ";
  sql +=
      "AND NOT EXISTS (SELECT 1 FROM SidebarChannels sc JOIN SidebarCategories cat "
      "ON cat.Id = sc.CategoryId WHERE sc.ChannelId = ch.Id AND cat.UserId = ?1 "
      "AND cat.TeamId = ?2) ORDER BY ch.DisplayName, ch.Id";
  return db_.read([&](Conn& c) {
    auto s = c.prepare(sql);
    s.bind_all(user_id, team_id);
    std::vector<std::string> out;
    while (s.step()) out.push_back(s.text(0));
    return out;
  });
}

std::vector<std::string> SqliteSidebarStore::placeable_channels(std::string_view user_id,
                                                                std::string_view team_id) {
  return db_.read([&](Conn& c) {
    auto s = c.prepare(
        "SELECT ch.Id FROM ChannelMembers cm JOIN Channels ch ON ch.Id = cm.ChannelId "
        "WHERE cm.UserId = ? AND (ch.TeamId = ? OR ch.TeamId = '')");
    s.bind_all(user_id, team_id);
    std::vector<std::string> out;
    while (s.step()) out.push_back(s.text(0));
    return out;
  });
}

void SqliteSidebarStore::insert(const model::SidebarCategory& cat) {
  db_.write([&](Conn& c) { insert_category(c, cat); });
}

void SqliteSidebarStore::update(const model::SidebarCategory& cat) {
  db_.write([&](Conn& c) {
    c.prepare(
         "UPDATE SidebarCategories SET DisplayName = ?, Sorting = ?, Muted = ?, Collapsed = ? "
         "WHERE Id = ?")
        .bind_all(cat.display_name, cat.sorting, cat.muted, cat.collapsed, cat.id)
        .run();
  });
}

void SqliteSidebarStore::set_channels(const model::SidebarCategory& cat,
                                      const std::vector<std::string>& channel_ids) {
  db_.write([&](Conn& c) {
    c.prepare("DELETE FROM SidebarChannels WHERE CategoryId = ?").bind(1, cat.id).run();
    if (channel_ids.empty()) return;
    c.prepare(
         "DELETE FROM SidebarChannels WHERE UserId = ?1 "
         "AND ChannelId IN (SELECT value FROM json_each(?2)) "
         "AND CategoryId IN (SELECT Id FROM SidebarCategories WHERE UserId = ?1 AND TeamId = ?3)")
        .bind_all(cat.user_id, json_list(channel_ids), cat.team_id)
        .run();
    int64_t order = 0;
    for (const auto& id : channel_ids) {
      c.prepare(
           "INSERT INTO SidebarChannels (ChannelId, UserId, CategoryId, SortOrder) "
           "VALUES (?, ?, ?, ?) ON CONFLICT (ChannelId, UserId, CategoryId) "
           "DO UPDATE SET SortOrder = excluded.SortOrder")
          .bind_all(id, cat.user_id, cat.id, order)
          .run();
      order += sb::kSortDistance;
    }
  });
}

void SqliteSidebarStore::set_order(const std::vector<std::string>& category_ids) {
  db_.write([&](Conn& c) {
    int64_t order = 0;
    for (const auto& id : category_ids) {
      c.prepare("UPDATE SidebarCategories SET SortOrder = ? WHERE Id = ?")
          .bind_all(order, id)
          .run();
      order += sb::kSortDistance;
    }
  });
}

void SqliteSidebarStore::remove(std::string_view category_id) {
  db_.write([&](Conn& c) {
    c.prepare("DELETE FROM SidebarCategories WHERE Id = ?").bind(1, category_id).run();
    c.prepare("DELETE FROM SidebarChannels WHERE CategoryId = ?").bind(1, category_id).run();
  });
}

void SqliteSidebarStore::remove_channel(std::string_view user_id, std::string_view channel_id) {
  db_.write([&](Conn& c) {
    c.prepare("DELETE FROM SidebarChannels WHERE UserId = ? AND ChannelId = ?")
        .bind_all(user_id, channel_id)
        .run();
  });
}

void SqliteSidebarStore::clear_team(std::string_view user_id, std::string_view team_id) {
  db_.write([&](Conn& c) {
    c.prepare(
         "DELETE FROM SidebarChannels WHERE CategoryId IN "
         "(SELECT Id FROM SidebarCategories WHERE UserId = ?1 AND TeamId = ?2)")
        .bind_all(user_id, team_id)
        .run();
    c.prepare("DELETE FROM SidebarCategories WHERE UserId = ? AND TeamId = ?")
        .bind_all(user_id, team_id)
        .run();
  });
}

bool SqliteSidebarStore::add_favorite(std::string_view user_id, std::string_view channel_id) {
  return db_.write([&](Conn& c) {
    std::string team_id;
    {
      auto s = c.prepare("SELECT TeamId FROM Channels WHERE Id = ?");
      s.bind(1, channel_id);
      if (!s.step()) return false;
      team_id = s.text(0);
    }
    // Favorites categories lacking the channel, with the smallest sort order they hold.
    std::vector<std::pair<std::string, int64_t>> targets;
    {
      auto s = c.prepare(
          "SELECT cat.Id, COALESCE((SELECT MIN(SortOrder) - 10 FROM SidebarChannels "
          "WHERE CategoryId = cat.Id), 0) FROM SidebarCategories cat "
          "WHERE cat.UserId = ?1 AND cat.Type = 'favorites' AND (?2 = '' OR cat.TeamId = ?2) "
          "AND NOT EXISTS (SELECT 1 FROM SidebarChannels sc WHERE sc.CategoryId = cat.Id "
          "AND sc.ChannelId = ?3)");
      s.bind_all(user_id, team_id, channel_id);
      while (s.step()) targets.emplace_back(s.text(0), s.int64(1));
    }
    for (const auto& [category_id, order] : targets) {
      c.prepare(
           "INSERT INTO SidebarChannels (ChannelId, UserId, CategoryId, SortOrder) "
           "VALUES (?, ?, ?, ?)")
          .bind_all(channel_id, user_id, category_id, order)
          .run();
    }
    return true;
  });
}

void SqliteSidebarStore::remove_favorite(std::string_view user_id, std::string_view channel_id) {
  db_.write([&](Conn& c) {
    c.prepare(
         "DELETE FROM SidebarChannels WHERE UserId = ?1 AND ChannelId = ?2 AND CategoryId IN "
         "(SELECT Id FROM SidebarCategories WHERE UserId = ?1 AND Type = 'favorites')")
        .bind_all(user_id, channel_id)
        .run();
  });
}

std::vector<std::string> SqliteSidebarStore::set_channels_muted(
    std::string_view user_id, const std::vector<std::string>& channel_ids, bool muted) {
  if (channel_ids.empty()) return {};
  const char* mark = muted ? "mention" : "all";
  return db_.write([&](Conn& c) {
    std::vector<std::string> changed;
    {
      auto s = c.prepare(
          "SELECT ChannelId FROM ChannelMembers WHERE UserId = ? "
          "AND ChannelId IN (SELECT value FROM json_each(?)) "
          "AND (COALESCE(json_extract(NotifyProps, '$.mark_unread'), '') = 'mention') != ?");
      s.bind_all(user_id, json_list(channel_ids), muted);
      while (s.step()) changed.push_back(s.text(0));
    }
    int64_t now = now_ms();
    for (const auto& id : changed) {
      c.prepare(
           "UPDATE ChannelMembers SET NotifyProps = json_set(CASE WHEN json_valid(NotifyProps) "
           "THEN NotifyProps ELSE '{}' END, '$.mark_unread', ?), LastUpdateAt = ? "
           "WHERE ChannelId = ? AND UserId = ?")
          .bind_all(mark, now, id, user_id)
          .run();
    }
    return changed;
  });
}

}  // namespace parley::store::sqlite
