// SQLite queries for teams and team members.
#include "store/sqlite/team_store.h"

#include "store/sql/team_rows.h"
#include "store/sqlite/row.h"

namespace parley::store::sqlite {
namespace {

using sql::kTeamColumns;
using sql::read_team;
constexpr std::string_view kMemberColumns = sql::kTeamMemberColumns;
constexpr auto read_member = [](const Stmt& s) { return sql::read_team_member(s); };

std::string team_select(std::string_view rest) {
  return "SELECT " + std::string(kTeamColumns) + " FROM Teams " + std::string(rest);
}

std::string member_select(std::string_view rest) {
  return "SELECT " + std::string(kMemberColumns) + " FROM TeamMembers " + std::string(rest);
}

std::vector<model::Team> read_teams(Stmt& s) {
  std::vector<model::Team> out;
  while (s.step()) out.push_back(read_team(s));
  return out;
}

std::vector<model::TeamMember> read_members(Stmt& s) {
  std::vector<model::TeamMember> out;
  while (s.step()) out.push_back(read_member(s));
  return out;
}

std::string id_list(const std::vector<std::string>& ids) {
  return boost::json::serialize(boost::json::array(ids.begin(), ids.end()));
}
}  // namespace

void SqliteTeamStore::insert(const model::Team& t) {
  db_.write([&](Conn& c) {
    c.prepare(
         "INSERT INTO Teams (Id, CreateAt, UpdateAt, DeleteAt, DisplayName, Name, Description, "
         "Email, Type, CompanyName, AllowedDomains, InviteId, AllowOpenInvite, "
         "LastTeamIconUpdate, SchemeId, GroupConstrained) "
         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind_all(t.id, t.create_at, t.update_at, t.delete_at, t.display_name, t.name,
                  t.description, t.email, t.type, t.company_name, t.allowed_domains, t.invite_id,
                  t.allow_open_invite, t.last_team_icon_update, t.scheme_id, t.group_constrained)
        .run();
  });
}

void SqliteTeamStore::update(const model::Team& t) {
  db_.write([&](Conn& c) {
    c.prepare(
         "UPDATE Teams SET UpdateAt = ?, DeleteAt = ?, DisplayName = ?, Name = ?, "
         "Description = ?, Email = ?, Type = ?, CompanyName = ?, AllowedDomains = ?, "
         "InviteId = ?, AllowOpenInvite = ?, LastTeamIconUpdate = ?, SchemeId = ?, "
         "GroupConstrained = ? WHERE Id = ?")
        .bind_all(t.update_at, t.delete_at, t.display_name, t.name, t.description, t.email, t.type,
                  t.company_name, t.allowed_domains, t.invite_id, t.allow_open_invite,
                  t.last_team_icon_update, t.scheme_id, t.group_constrained, t.id)
        .run();
  });
}

std::optional<model::Team> SqliteTeamStore::get_where(std::string_view column,
                                                      std::string_view value) {
  return db_.read([&](Conn& c) -> std::optional<model::Team> {
    auto s = c.prepare(team_select("WHERE " + std::string(column) + " = ?"));
    s.bind(1, value);
    if (!s.step()) return std::nullopt;
    return read_team(s);
  });
}

std::optional<model::Team> SqliteTeamStore::get(std::string_view id) {
  return get_where("Id", id);
}
std::optional<model::Team> SqliteTeamStore::get_by_name(std::string_view name) {
  return get_where("Name", name);
}
std::optional<model::Team> SqliteTeamStore::get_by_invite_id(std::string_view invite_id) {
  if (invite_id.empty()) return std::nullopt;
  return get_where("InviteId", invite_id);
}

std::vector<model::Team> SqliteTeamStore::list(const TeamListQuery& q) {
  std::string where = q.allow_open_invite ? "WHERE AllowOpenInvite = ? " : "";
  return db_.read([&](Conn& c) {
    auto s = c.prepare(team_select(where + "ORDER BY DisplayName, Id LIMIT ? OFFSET ?"));
    int i = 1;
    if (q.allow_open_invite) s.bind(i++, *q.allow_open_invite);
    s.bind(i++, static_cast<int64_t>(q.limit));
    s.bind(i++, static_cast<int64_t>(q.offset));
    return read_teams(s);
  });
}

int64_t SqliteTeamStore::count(std::optional<bool> allow_open_invite) {
  return db_.read([&](Conn& c) {
    auto s = c.prepare(allow_open_invite
                           ? "SELECT COUNT(*) FROM Teams WHERE DeleteAt = 0 AND AllowOpenInvite = ?"
                           : "SELECT COUNT(*) FROM Teams WHERE DeleteAt = 0");
    if (allow_open_invite) s.bind(1, *allow_open_invite);
    s.step();
    return s.int64(0);
  });
}

std::vector<model::Team> SqliteTeamStore::teams_for_user(std::string_view user_id) {
  return db_.read([&](Conn& c) {
    auto s = c.prepare(
        team_select("JOIN TeamMembers ON TeamMembers.TeamId = Teams.Id WHERE TeamMembers.UserId "
                    "= ? AND TeamMembers.DeleteAt = 0 AND Teams.DeleteAt = 0 ORDER BY "
                    "Teams.DisplayName, Teams.Id"));
    s.bind(1, user_id);
    return read_teams(s);
  });
}

std::vector<std::string> SqliteTeamStore::common_team_ids(std::string_view a, std::string_view b) {
  return db_.read([&](Conn& c) {
    auto s = c.prepare(
        "SELECT m1.TeamId FROM TeamMembers m1 JOIN TeamMembers m2 ON m1.TeamId = m2.TeamId "
        "JOIN Teams ON Teams.Id = m1.TeamId WHERE m1.UserId = ? AND m2.UserId = ? AND "
        "m1.DeleteAt = 0 AND m2.DeleteAt = 0 AND Teams.DeleteAt = 0");
    s.bind_all(a, b);
    std::vector<std::string> out;
    while (s.step()) out.push_back(s.text(0));
    return out;
  });
}

std::optional<model::TeamMember> SqliteTeamStore::get_member(std::string_view team_id,
                                                             std::string_view user_id) {
  return db_.read([&](Conn& c) -> std::optional<model::TeamMember> {
    auto s = c.prepare(member_select("WHERE TeamId = ? AND UserId = ?"));
    s.bind_all(team_id, user_id);
    if (!s.step()) return std::nullopt;
    return read_member(s);
  });
}

void SqliteTeamStore::save_member(const model::TeamMember& m) {
  db_.write([&](Conn& c) {
    c.prepare(
         "INSERT OR REPLACE INTO TeamMembers (TeamId, UserId, Roles, DeleteAt, SchemeUser, "
         "SchemeAdmin, SchemeGuest, CreateAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bind_all(m.team_id, m.user_id, m.explicit_roles, m.delete_at, m.scheme_user,
                  m.scheme_admin, m.scheme_guest, m.create_at)
        .run();
  });
}

std::vector<model::TeamMember> SqliteTeamStore::members(std::string_view team_id,
                                                        const TeamMemberQuery& q) {
  std::string sql = member_select(
      "JOIN Users ON Users.Id = TeamMembers.UserId WHERE TeamMembers.TeamId = ? AND "
      "TeamMembers.DeleteAt = 0");
  if (q.exclude_deleted_users) sql += " AND Users.DeleteAt = 0";
  sql += q.sort_by_username ? " ORDER BY Users.Username" : " ORDER BY TeamMembers.UserId";
  sql += " LIMIT ? OFFSET ?";
  return db_.read([&](Conn& c) {
    auto s = c.prepare(sql);
    s.bind_all(team_id, static_cast<int64_t>(q.limit), static_cast<int64_t>(q.offset));
    return read_members(s);
  });
}

std::vector<model::TeamMember> SqliteTeamStore::members_by_ids(
    std::string_view team_id, const std::vector<std::string>& ids) {
  if (ids.empty()) return {};
  return db_.read([&](Conn& c) {
    auto s = c.prepare(member_select(
        "WHERE TeamId = ? AND DeleteAt = 0 AND UserId IN (SELECT value FROM json_each(?)) "
        "ORDER BY UserId"));
    s.bind_all(team_id, id_list(ids));
    return read_members(s);
  });
}

std::vector<model::TeamMember> SqliteTeamStore::members_for_user(std::string_view user_id,
                                                                 bool include_deleted) {
  return db_.read([&](Conn& c) {
    auto s = c.prepare(member_select(include_deleted
                                         ? "WHERE UserId = ? ORDER BY TeamId"
                                         : "WHERE UserId = ? AND DeleteAt = 0 ORDER BY TeamId"));
    s.bind(1, user_id);
    return read_members(s);
  });
}

int64_t SqliteTeamStore::member_count(std::string_view team_id, bool active_users_only) {
  return db_.read([&](Conn& c) {
    auto s =
        c.prepare(active_users_only ? "SELECT COUNT(*) FROM TeamMembers JOIN Users ON Users.Id = "
                                      "TeamMembers.UserId WHERE TeamMembers.TeamId = ? AND "
                                      "TeamMembers.DeleteAt = 0 AND Users.DeleteAt = 0"
                                    : "SELECT COUNT(*) FROM TeamMembers JOIN Users ON Users.Id = "
                                      "TeamMembers.UserId WHERE TeamMembers.TeamId = ? AND "
                                      "TeamMembers.DeleteAt = 0");
    s.bind(1, team_id);
    s.step();
    return s.int64(0);
  });
}

std::vector<std::string> SqliteTeamStore::member_user_ids(std::string_view team_id) {
  return db_.read([&](Conn& c) {
    auto s = c.prepare("SELECT UserId FROM TeamMembers WHERE TeamId = ? AND DeleteAt = 0");
    s.bind(1, team_id);
    std::vector<std::string> out;
    while (s.step()) out.push_back(s.text(0));
    return out;
  });
}

void SqliteTeamStore::permanent_delete(std::string_view team_id) {
  db_.write([&](Conn& c) {
    for (const char* sql : {
             "DELETE FROM Reactions WHERE PostId IN (SELECT p.Id FROM Posts p JOIN Channels ch ON "
             "ch.Id = p.ChannelId WHERE ch.TeamId = ?)",
             "DELETE FROM Posts WHERE ChannelId IN (SELECT Id FROM Channels WHERE TeamId = ?)",
             "DELETE FROM ChannelMembers WHERE ChannelId IN (SELECT Id FROM Channels WHERE TeamId "
             "= ?)",
             "DELETE FROM SidebarChannels WHERE CategoryId IN (SELECT Id FROM SidebarCategories "
             "WHERE TeamId = ?)",
             "DELETE FROM SidebarCategories WHERE TeamId = ?",
             "DELETE FROM Channels WHERE TeamId = ?",
             "DELETE FROM TeamMembers WHERE TeamId = ?",
             "DELETE FROM Teams WHERE Id = ?",
         })
      c.prepare(sql).bind(1, team_id).run();
  });
}

}  // namespace parley::store::sqlite
