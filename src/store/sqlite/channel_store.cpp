// SQLite queries for channels: save, lookups, per-user and per-team lists, search.
#include "store/sqlite/channel_store.h"

#include "store/sqlite/channel_rows.h"

namespace parley::store::sqlite {
namespace {

// "w%" and "% w%" patterns for every word of `term`, matched against name and display name.
std::string search_clause(std::string_view term, std::vector<Arg>& args, bool with_purpose) {
  std::string clause;
  for (const auto& prefix : sql::channel_search_prefixes(term)) {
    clause +=
        " AND (Channels.Name LIKE ? ESCAPE '\\' OR Channels.DisplayName LIKE ? ESCAPE '\\' OR "
        "Channels.DisplayName LIKE ? ESCAPE '\\'";
    args.emplace_back(prefix);
    args.emplace_back(prefix);
    args.emplace_back("% " + prefix);
    if (with_purpose) {
      clause += " OR Channels.Purpose LIKE ? ESCAPE '\\'";
      args.emplace_back("%" + prefix);
    }
    clause += ")";
  }
  return clause;
}

}  // namespace

void SqliteChannelStore::insert(const model::Channel& ch) {
  db_.write([&](Conn& c) {
    c.prepare(
         "INSERT INTO Channels (Id, CreateAt, UpdateAt, DeleteAt, TeamId, Type, DisplayName, "
         "Name, Header, Purpose, LastPostAt, TotalMsgCount, ExtraUpdateAt, CreatorId, SchemeId, "
         "Props, GroupConstrained, Shared, TotalMsgCountRoot, LastRootPostAt) "
         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind_all(ch.id, ch.create_at, ch.update_at, ch.delete_at, ch.team_id, ch.type,
                  ch.display_name, ch.name, ch.header, ch.purpose, ch.last_post_at,
                  ch.total_msg_count, ch.extra_update_at, ch.creator_id, ch.scheme_id,
                  to_text(ch.props), ch.group_constrained, ch.shared, ch.total_msg_count_root,
                  ch.last_root_post_at)
        .run();
  });
}

void SqliteChannelStore::update(const model::Channel& ch) {
  db_.write([&](Conn& c) {
    c.prepare(
         "UPDATE Channels SET UpdateAt = ?, DeleteAt = ?, TeamId = ?, Type = ?, DisplayName = ?, "
         "Name = ?, Header = ?, Purpose = ?, ExtraUpdateAt = ?, CreatorId = ?, SchemeId = ?, "
         "Props = ?, GroupConstrained = ?, Shared = ? WHERE Id = ?")
        .bind_all(ch.update_at, ch.delete_at, ch.team_id, ch.type, ch.display_name, ch.name,
                  ch.header, ch.purpose, ch.extra_update_at, ch.creator_id, ch.scheme_id,
                  to_text(ch.props), ch.group_constrained, ch.shared, ch.id)
        .run();
  });
}

std::optional<model::Channel> SqliteChannelStore::get(std::string_view id) {
  return db_.read([&](Conn& c) -> std::optional<model::Channel> {
    auto s = c.prepare(channel_select("WHERE Id = ?"));
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    return read_channel(s);
  });
}

std::optional<model::Channel> SqliteChannelStore::get_by_name(std::string_view team_id,
                                                              std::string_view name,
                                                              bool include_deleted) {
  std::string sql = channel_select("WHERE (TeamId = ? OR TeamId = '') AND Name = ?" +
                                   std::string(include_deleted ? "" : " AND DeleteAt = 0") +
                                   " ORDER BY (TeamId = '') LIMIT 1");
  return db_.read([&](Conn& c) -> std::optional<model::Channel> {
    auto s = c.prepare(sql);
    s.bind_all(team_id, name);
    if (!s.step()) return std::nullopt;
    return read_channel(s);
  });
}

std::vector<model::Channel> SqliteChannelStore::get_many(const std::vector<std::string>& ids) {
  if (ids.empty()) return {};
  return db_.read([&](Conn& c) {
    auto s = c.prepare(
        channel_select("WHERE Id IN (SELECT value FROM json_each(?)) ORDER BY DisplayName, Id"));
    s.bind(1, json_id_list(ids));
    return read_channels(s);
  });
}

int64_t SqliteChannelStore::count_in_team(std::string_view team_id) {
  return db_.read([&](Conn& c) {
    auto s = c.prepare("SELECT COUNT(*) FROM Channels WHERE TeamId = ?");
    s.bind(1, team_id);
    s.step();
    return s.int64(0);
  });
}

std::vector<model::Channel> SqliteChannelStore::for_user(std::string_view user_id,
                                                         const UserChannelQuery& q) {
  std::string where =
      "JOIN ChannelMembers ON ChannelMembers.ChannelId = Channels.Id WHERE "
      "ChannelMembers.UserId = ?";
  std::vector<Arg> args{std::string(user_id)};
  if (!q.team_id.empty()) {
    where += " AND (Channels.TeamId = ? OR Channels.TeamId = '')";
    args.emplace_back(q.team_id);
  }
  if (!q.include_deleted) {
    where += " AND Channels.DeleteAt = 0";
  } else if (q.last_delete_at > 0) {
    where += " AND (Channels.DeleteAt = 0 OR Channels.DeleteAt > ?)";
    args.emplace_back(q.last_delete_at);
  }
  where +=
      q.team_id.empty() ? " ORDER BY Channels.Id" : " ORDER BY Channels.DisplayName, Channels.Id";
  return db_.read([&](Conn& c) {
    auto s = c.prepare(channel_select(where));
    bind_args(s, args);
    return read_channels(s);
  });
}

std::vector<model::Channel> SqliteChannelStore::for_team(const TeamChannelQuery& q) {
  std::string where = "WHERE TeamId = ?";
  std::vector<Arg> args{q.team_id};
  if (!q.type.empty()) {
    where += " AND Type = ?";
    args.emplace_back(q.type);
  } else {
    where += " AND Type IN ('O', 'P')";
  }
  where += q.deleted ? " AND DeleteAt != 0" : " AND DeleteAt = 0";
  if (!q.member_id.empty()) {
    where += " AND (Type = 'O' OR Id IN (SELECT ChannelId FROM ChannelMembers WHERE UserId = ?))";
    args.emplace_back(q.member_id);
  }
  where += " ORDER BY DisplayName, Id LIMIT ? OFFSET ?";
  args.emplace_back(static_cast<int64_t>(q.limit));
  args.emplace_back(static_cast<int64_t>(q.offset));
  return db_.read([&](Conn& c) {
    auto s = c.prepare(channel_select(where));
    bind_args(s, args);
    return read_channels(s);
  });
}

std::vector<model::Channel> SqliteChannelStore::public_by_ids(std::string_view team_id,
                                                              const std::vector<std::string>& ids) {
  if (ids.empty()) return {};
  return db_.read([&](Conn& c) {
    auto s = c.prepare(
        channel_select("WHERE TeamId = ? AND Type = 'O' AND DeleteAt = 0 AND Id IN (SELECT value "
                       "FROM json_each(?)) ORDER BY DisplayName, Id"));
    s.bind_all(team_id, json_id_list(ids));
    return read_channels(s);
  });
}

std::vector<model::Channel> SqliteChannelStore::search(const ChannelSearch& q) {
  std::string where = "WHERE Channels.TeamId = ?";
  std::vector<Arg> args{q.team_id};
  std::string member =
      "Channels.Id IN (SELECT ChannelId FROM ChannelMembers WHERE ChannelMembers.UserId = ?)";
  if (q.public_only) {
    where += " AND Channels.Type = 'O'";
  } else if (!q.user_id.empty() && q.member_only) {
    where += " AND Channels.Type IN ('O', 'P') AND " + member;
    args.emplace_back(q.user_id);
  } else if (!q.user_id.empty()) {
    where += " AND (Channels.Type = 'O' OR (Channels.Type = 'P' AND " + member + "))";
    args.emplace_back(q.user_id);
  } else {
    where += " AND Channels.Type IN ('O', 'P')";
  }
  if (!q.include_deleted) where += " AND Channels.DeleteAt = 0";
  where += search_clause(q.term, args, q.public_only);
  where += " ORDER BY Channels.DisplayName, Channels.Id LIMIT ?";
  args.emplace_back(static_cast<int64_t>(q.limit));
  return db_.read([&](Conn& c) {
    auto s = c.prepare(channel_select(where));
    bind_args(s, args);
    return read_channels(s);
  });
}

void SqliteChannelStore::permanent_delete(std::string_view channel_id) {
  db_.write([&](Conn& c) {
    for (const char* sql : {
             "DELETE FROM Reactions WHERE PostId IN (SELECT Id FROM Posts WHERE ChannelId = ?)",
             "DELETE FROM Posts WHERE ChannelId = ?",
             "DELETE FROM SidebarChannels WHERE ChannelId = ?",
             "DELETE FROM ChannelMembers WHERE ChannelId = ?",
             "DELETE FROM Channels WHERE Id = ?",
         })
      c.prepare(sql).bind(1, channel_id).run();
  });
}

}  // namespace parley::store::sqlite
