// Column lists and row readers for the SQLite channel store's source files (shared with the
// PostgreSQL store through store/sql/channel_rows.h).
#pragma once

#include "model/channel.h"
#include "store/sql/channel_rows.h"
#include "store/sqlite/row.h"

#include <string>
#include <string_view>
#include <vector>

namespace parley::store::sqlite {

using sql::channel_member_select;
using sql::channel_select;
using sql::kChannelColumnCount;
using sql::kChannelColumns;
using sql::kChannelMemberColumnCount;
using sql::kChannelMemberColumns;

inline model::Channel read_channel(const Stmt& s, int i = 0) {
  return sql::read_channel(s, i);
}
inline model::ChannelMember read_channel_member(const Stmt& s, int i = 0) {
  return sql::read_channel_member(s, i);
}
using sql::read_channel_members;
using sql::read_channels;

// A JSON array of ids for "IN (SELECT value FROM json_each(?))".
inline std::string json_id_list(const std::vector<std::string>& ids) {
  return boost::json::serialize(boost::json::array(ids.begin(), ids.end()));
}

}  // namespace parley::store::sqlite
