// PostgreSQL queries for sidebar categories and their channels.
#include "store/postgres/sidebar_store.h"

#include "store/postgres/row.h"
#include "store/sql/misc_rows.h"
#include "util/ids.h"

#include <algorithm>

namespace parley::store::postgres {
namespace {

namespace sb = model::sidebar;

const std::string kSelect(sql::kCategorySelect);

model::SidebarCategory read_category(const Stmt& s) {
  return sql::read_category(s);
}

// Channel ids stored in a category, restricted to the user's current memberships.
std::vector<std::string> stored_channels(Conn& c, std::string_view category_id,
                                         std::string_view user_id) {
  auto s = c.prepare(
      "SELECT sc.ChannelId FROM SidebarChannels sc JOIN ChannelMembers cm "
      "ON cm.ChannelId = sc.ChannelId AND cm.UserId = $2 "
      "WHERE sc.CategoryId = $1 ORDER BY sc.SortOrder, sc.ChannelId");
  s.bind_all(category_id, user_id);
  return strings(s);
}

void insert_category(Conn& c, const model::SidebarCategory& cat) {
  c.prepare(
       "INSERT INTO SidebarCategories (Id, UserId, TeamId, SortOrder, Sorting, Type, DisplayName, "
       "Muted, Collapsed) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
      .bind_all(cat.id, cat.user_id, cat.team_id, cat.sort_order, cat.sorting, cat.type,
                cat.display_name, cat.muted, cat.collapsed)
      .run();
}

}  // namespace

std::vector<model::SidebarCategory> PgSidebarStore::categories(std::string_view user_id,
                                                               std::string_view team_id) {
  return db_.read([&](Conn& c) {
    auto s = c.prepare(kSelect + "WHERE UserId = $1 AND TeamId = $2 ORDER BY SortOrder, Id");
    s.bind_all(user_id, team_id);
    auto out = collect<model::SidebarCategory>(s, read_category);
    for (auto& cat : out) cat.channel_ids = stored_channels(c, cat.id, user_id);
    return out;
  });
}

std::optional<model::SidebarCategory> PgSidebarStore::category(std::string_view category_id) {
  return db_.read([&](Conn& c) -> std::optional<model::SidebarCategory> {
    auto s = c.prepare(kSelect + "WHERE Id = $1");
    s.bind(1, category_id);
    if (!s.step()) return std::nullopt;
    auto cat = read_category(s);
    cat.channel_ids = stored_channels(c, cat.id, cat.user_id);
    return cat;
  });
}

void PgSidebarStore::create_defaults(std::string_view user_id, std::string_view team_id) {
  db_.write([&](Conn& c) {
    auto s = c.prepare("SELECT Type FROM SidebarCategories WHERE UserId = $1 AND TeamId = $2");
    s.bind_all(user_id, team_id);
    std::vector<std::string> existing = strings(s);
    for (const auto& d : sql::default_categories()) {
      if (std::find(existing.begin(), existing.end(), d.type) != existing.end()) continue;
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
      auto f = c.prepare(
          "SELECT p.Name FROM Preferences p JOIN Channels ch ON ch.Id = p.Name "
          "JOIN ChannelMembers cm ON cm.ChannelId = p.Name AND cm.UserId = p.UserId "
          "WHERE p.UserId = $1 AND p.Category = 'favorite_channel' AND p.Value = 'true' "
          "AND (ch.TeamId = $2 OR ch.TeamId = '') ORDER BY ch.DisplayName, ch.Name");
      f.bind_all(user_id, team_id);
      int64_t order = 0;
      for (const auto& id : strings(f)) {
        c.prepare(
             "INSERT INTO SidebarChannels (ChannelId, UserId, CategoryId, SortOrder) "
             "VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING")
            .bind_all(id, user_id, cat.id, order)
            .run();
        order += sb::kSortDistance;
      }
    }
  });
}

std::vector<std::string> PgSidebarStore::unplaced_channels(std::string_view user_id,
                                                           std::string_view team_id, bool direct) {
  std::string sql =
      "SELECT ch.Id FROM ChannelMembers cm JOIN Channels ch ON ch.Id = cm.ChannelId "
      "WHERE cm.UserId = $1 AND ch.DeleteAt = 0 AND ";
  sql += direct ? "ch.Type IN ('D', 'G') " : "ch.Type IN ('O', 'P') AND ch.TeamId = $2 ";
  sql +=
      "AND NOT EXISTS (SELECT 1 FROM SidebarChannels sc JOIN SidebarCategories cat "
      "ON cat.Id = sc.CategoryId WHERE sc.ChannelId = ch.Id AND cat.UserId = $1 "
      "AND cat.TeamId = $2) ORDER BY ch.DisplayName, ch.Id";
  return db_.read([&](Conn& c) {
    auto s = c.prepare(sql);
    s.bind_all(user_id, team_id);
    return strings(s);
  });
}

std::vector<std::string> PgSidebarStore::placeable_channels(std::string_view user_id,
                                                            std::string_view team_id) {
  return db_.read([&](Conn& c) {
    auto s = c.prepare(
        "SELECT ch.Id FROM ChannelMembers cm JOIN Channels ch ON ch.Id = cm.ChannelId "
        "WHERE cm.UserId = $1 AND (ch.TeamId = $2 OR ch.TeamId = '')");
    s.bind_all(user_id, team_id);
    return strings(s);
  });
}

void PgSidebarStore::insert(const model::SidebarCategory& cat) {
  db_.write([&](Conn& c) { insert_category(c, cat); });
}

void PgSidebarStore::update(const model::SidebarCategory& cat) {
  db_.write([&](Conn& c) {
    c.prepare(
         "UPDATE SidebarCategories SET DisplayName = $1, Sorting = $2, Muted = $3, "
         "Collapsed = $4 WHERE Id = $5")
        .bind_all(cat.display_name, cat.sorting, cat.muted, cat.collapsed, cat.id)
        .run();
  });
}

void PgSidebarStore::set_channels(const model::SidebarCategory& cat,
                                  const std::vector<std::string>& channel_ids) {
  db_.write([&](Conn& c) {
    c.prepare("DELETE FROM SidebarChannels WHERE CategoryId = $1").bind(1, cat.id).run();
    if (channel_ids.empty()) return;
    c.prepare(
         "DELETE FROM SidebarChannels WHERE UserId = $1 AND ChannelId = ANY($2::text[]) "
         "AND CategoryId IN (SELECT Id FROM SidebarCategories WHERE UserId = $1 AND TeamId = $3)")
        .bind_all(cat.user_id, text_array(channel_ids), cat.team_id)
        .run();
    int64_t order = 0;
    for (const auto& id : channel_ids) {
      c.prepare(
           "INSERT INTO SidebarChannels (ChannelId, UserId, CategoryId, SortOrder) "
           "VALUES ($1, $2, $3, $4) ON CONFLICT (ChannelId, UserId, CategoryId) "
           "DO UPDATE SET SortOrder = excluded.SortOrder")
          .bind_all(id, cat.user_id, cat.id, order)
          .run();
      order += sb::kSortDistance;
    }
  });
}

void PgSidebarStore::set_order(const std::vector<std::string>& category_ids) {
  db_.write([&](Conn& c) {
    int64_t order = 0;
    for (const auto& id : category_ids) {
      c.prepare("UPDATE SidebarCategories SET SortOrder = $1 WHERE Id = $2")
          .bind_all(order, id)
          .run();
      order += sb::kSortDistance;
    }
  });
}

void PgSidebarStore::remove(std::string_view category_id) {
  db_.write([&](Conn& c) {
    c.prepare("DELETE FROM SidebarCategories WHERE Id = $1").bind(1, category_id).run();
    c.prepare("DELETE FROM SidebarChannels WHERE CategoryId = $1").bind(1, category_id).run();
  });
}

void PgSidebarStore::remove_channel(std::string_view user_id, std::string_view channel_id) {
  db_.write([&](Conn& c) {
    c.prepare("DELETE FROM SidebarChannels WHERE UserId = $1 AND ChannelId = $2")
        .bind_all(user_id, channel_id)
        .run();
  });
}

void PgSidebarStore::clear_team(std::string_view user_id, std::string_view team_id) {
  db_.write([&](Conn& c) {
    c.prepare(
         "DELETE FROM SidebarChannels WHERE CategoryId IN "
         "(SELECT Id FROM SidebarCategories WHERE UserId = $1 AND TeamId = $2)")
        .bind_all(user_id, team_id)
        .run();
    c.prepare("DELETE FROM SidebarCategories WHERE UserId = $1 AND TeamId = $2")
        .bind_all(user_id, team_id)
        .run();
  });
}

bool PgSidebarStore::add_favorite(std::string_view user_id, std::string_view channel_id) {
  return db_.write([&](Conn& c) {
    std::string team_id;
    {
      auto s = c.prepare("SELECT TeamId FROM Channels WHERE Id = $1");
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
          "WHERE cat.UserId = $1 AND cat.Type = 'favorites' AND ($2::text = '' OR cat.TeamId = "
          "$2) AND NOT EXISTS (SELECT 1 FROM SidebarChannels sc WHERE sc.CategoryId = cat.Id "
          "AND sc.ChannelId = $3)");
      s.bind_all(user_id, team_id, channel_id);
      while (s.step()) targets.emplace_back(s.text(0), s.int64(1));
    }
    for (const auto& [category_id, order] : targets) {
      c.prepare(
           "INSERT INTO SidebarChannels (ChannelId, UserId, CategoryId, SortOrder) "
           "VALUES ($1, $2, $3, $4)")
          .bind_all(channel_id, user_id, category_id, order)
          .run();
    }
    return true;
  });
}

void PgSidebarStore::remove_favorite(std::string_view user_id, std::string_view channel_id) {
  db_.write([&](Conn& c) {
    c.prepare(
         "DELETE FROM SidebarChannels WHERE UserId = $1 AND ChannelId = $2 AND CategoryId IN "
         "(SELECT Id FROM SidebarCategories WHERE UserId = $1 AND Type = 'favorites')")
        .bind_all(user_id, channel_id)
        .run();
  });
}

std::vector<std::string> PgSidebarStore::set_channels_muted(
    std::string_view user_id, const std::vector<std::string>& channel_ids, bool muted) {
  if (channel_ids.empty()) return {};
  const char* mark = muted ? "mention" : "all";
  return db_.write([&](Conn& c) {
    // NotifyProps is edited here, not with jsonb_set, to keep the stored JSON byte-identical
    // to what the SQLite store writes.
    std::vector<std::string> changed;
    std::vector<std::string> props;
    {
      auto s = c.prepare(
          "SELECT ChannelId, NotifyProps FROM ChannelMembers WHERE UserId = $1 "
          "AND ChannelId = ANY($2::text[]) ORDER BY ChannelId");
      s.bind_all(user_id, text_array(channel_ids));
      while (s.step()) {
        auto np = sql::parse_object(s.text(1));
        auto* v = np.if_contains("mark_unread");
        bool is_muted = v && v->is_string() && v->get_string() == "mention";
        if (is_muted == muted) continue;
        np["mark_unread"] = mark;
        changed.push_back(s.text(0));
        props.push_back(to_text(np));
      }
    }
    int64_t now = now_ms();
    for (std::size_t i = 0; i < changed.size(); ++i) {
      c.prepare(
           "UPDATE ChannelMembers SET NotifyProps = $1, LastUpdateAt = $2 WHERE ChannelId = $3 "
           "AND UserId = $4")
          .bind_all(props[i], now, changed[i], user_id)
          .run();
    }
    return changed;
  });
}

}  // namespace parley::store::postgres
