// PostgreSQL implementation of store::SidebarStore.
#pragma once

#include "store/postgres/db.h"
#include "store/sidebar_store.h"

namespace parley::store::postgres {

class PgSidebarStore final : public SidebarStore {
 public:
  explicit PgSidebarStore(Db& db) : db_(db) {}
  std::vector<model::SidebarCategory> categories(std::string_view user_id,
                                                 std::string_view team_id) override;
  std::optional<model::SidebarCategory> category(std::string_view category_id) override;
  void create_defaults(std::string_view user_id, std::string_view team_id) override;
  std::vector<std::string> unplaced_channels(std::string_view user_id, std::string_view team_id,
                                             bool direct) override;
  std::vector<std::string> placeable_channels(std::string_view user_id,
                                              std::string_view team_id) override;
  void insert(const model::SidebarCategory& c) override;
  void update(const model::SidebarCategory& c) override;
  void set_channels(const model::SidebarCategory& c,
                    const std::vector<std::string>& channel_ids) override;
  void set_order(const std::vector<std::string>& category_ids) override;
  void remove(std::string_view category_id) override;
  void remove_channel(std::string_view user_id, std::string_view channel_id) override;
  void clear_team(std::string_view user_id, std::string_view team_id) override;
  bool add_favorite(std::string_view user_id, std::string_view channel_id) override;
  void remove_favorite(std::string_view user_id, std::string_view channel_id) override;
  std::vector<std::string> set_channels_muted(std::string_view user_id,
                                              const std::vector<std::string>& channel_ids,
                                              bool muted) override;

 private:
  Db& db_;
};

}  // namespace parley::store::postgres
