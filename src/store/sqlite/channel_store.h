// SQLite implementation of store::ChannelStore.
#pragma once

#include "store/channel_store.h"
#include "store/sqlite/db.h"

namespace parley::store::sqlite {

class SqliteChannelStore final : public ChannelStore {
 public:
  explicit SqliteChannelStore(Db& db) : db_(db) {}
  std::optional<model::Channel> get(std::string_view id) override;
  std::optional<model::ChannelMember> get_member(std::string_view channel_id,
                                                 std::string_view user_id) override;
  std::vector<std::string> member_user_ids(std::string_view channel_id) override;

 private:
  Db& db_;
};

}  // namespace parley::store::sqlite
