// PostgreSQL queries for teams and team members.
#include "store/postgres/team_store.h"

#include "store/postgres/row.h"
#include "store/sql/team_rows.h"

namespace parley::store::postgres {
namespace {

std::string team_select(std::string_view rest) {
  return "SELECT " + std::string(sql::kTeamColumns) + " FROM Teams " + std::string(rest);
}

std::string member_select(std::string_view rest) {
  return "SELECT " + std::string(sql::kTeamMemberColumns) + " FROM TeamMembers " +
         std::string(rest);
}

model::Team read_team(const Stmt& s) {
  return sql::read_team(s);
}
model::TeamMember read_member(const Stmt& s) {
  return sql::read_team_member(s);
}

}  // namespace

void PgTeamStore::insert(const model::Team& t) {
  db_.write([&](Conn& c) {
    c.prepare(
         "INSERT INTO Teams (Id, CreateAt, UpdateAt, DeleteAt, DisplayName, Name, Description, "
         "Email, Type, CompanyName, AllowedDomains, InviteId, AllowOpenInvite, "
         "LastTeamIconUpdate, SchemeId, GroupConstrained) "
         "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)")
        .bind_all(t.id, t.create_at, t.update_at, t.delete_at, t.display_name, t.name,
                  t.description, t.email, t.type, t.company_name, t.allowed_domains, t.invite_id,
                  t.allow_open_invite, t.last_team_icon_update, t.scheme_id, t.group_constrained)
        .run();
  });
}

void PgTeamStore::update(const model::Team& t) {
  db_.write([&](Conn& c) {
    c.prepare(
         "UPDATE Teams SET UpdateAt = $1, DeleteAt = $2, DisplayName = $3, Name = $4, "
         "Description = $5, Email = $6, Type = $7, CompanyName = $8, AllowedDomains = $9, "
         "InviteId = $10, AllowOpenInvite = $11, LastTeamIconUpdate = $12, SchemeId = $13, "
         "GroupConstrained = $14 WHERE Id = $15")
        .bind_all(t.update_at, t.delete_at, t.display_name, t.name, t.description, t.email, t.type,
                  t.company_name, t.allowed_domains, t.invite_id, t.allow_open_invite,
                  t.last_team_icon_update, t.scheme_id, t.group_constrained, t.id)
        .run();
  });
}

std::optional<model::Team> PgTeamStore::get_where(std::string_view column, std::string_view value) {
  return db_.read([&](Conn& c) -> std::optional<model::Team> {
    auto s = c.prepare(team_select("WHERE " + std::string(column) + " = $1"));
    s.bind(1, value);
    if (!s.step()) return std::nullopt;
    return read_team(s);
  });
}

std::optional<model::Team> PgTeamStore::get(std::string_view id) {
  return get_where("Id", id);
}
std::optional<model::Team> PgTeamStore::get_by_name(std::string_view name) {
  return get_where("Name", name);
}
std::optional<model::Team> PgTeamStore::get_by_invite_id(std::string_view invite_id) {
  if (invite_id.empty()) return std::nullopt;
  return get_where("InviteId", invite_id);
}

std::vector<model::Team> PgTeamStore::list(const TeamListQuery& q) {
  return db_.read([&](Conn& c) {
    if (q.allow_open_invite) {
      auto s = c.prepare(
          team_select("WHERE AllowOpenInvite = $1 ORDER BY DisplayName, Id LIMIT $2 OFFSET $3"));
      s.bind_all(*q.allow_open_invite, int64_t{q.limit}, int64_t{q.offset});
      return collect<model::Team>(s, read_team);
    }
    auto s = c.prepare(team_select("ORDER BY DisplayName, Id LIMIT $1 OFFSET $2"));
    s.bind_all(int64_t{q.limit}, int64_t{q.offset});
    return collect<model::Team>(s, read_team);
  });
}

int64_t PgTeamStore::count(std::optional<bool> allow_open_invite) {
  return db_.read([&](Conn& c) {
    auto s = c.prepare(
        allow_open_invite ? "SELECT COUNT(*) FROM Teams WHERE DeleteAt = 0 AND AllowOpenInvite = $1"
                          : "SELECT COUNT(*) FROM Teams WHERE DeleteAt = 0");
    if (allow_open_invite) s.bind(1, *allow_open_invite);
    s.step();
    return s.int64(0);
  });
}

std::vector<model::Team> PgTeamStore::teams_for_user(std::string_view user_id) {
  return db_.read([&](Conn& c) {
    auto s = c.prepare(
        team_select("JOIN TeamMembers ON TeamMembers.TeamId = Teams.Id WHERE TeamMembers.UserId "
                    "= $1 AND TeamMembers.DeleteAt = 0 AND Teams.DeleteAt = 0 ORDER BY "
                    "Teams.DisplayName, Teams.Id"));
    s.bind(1, user_id);
    return collect<model::Team>(s, read_team);
  });
}

std::vector<std::string> PgTeamStore::common_team_ids(std::string_view a, std::string_view b) {
  return db_.read([&](Conn& c) {
    auto s = c.prepare(
        "SELECT m1.TeamId FROM TeamMembers m1 JOIN TeamMembers m2 ON m1.TeamId = m2.TeamId "
        "JOIN Teams ON Teams.Id = m1.TeamId WHERE m1.UserId = $1 AND m2.UserId = $2 AND "
        "m1.DeleteAt = 0 AND m2.DeleteAt = 0 AND Teams.DeleteAt = 0");
    s.bind_all(a, b);
    return strings(s);
  });
}

std::optional<model::TeamMember> PgTeamStore::get_member(std::string_view team_id,
                                                         std::string_view user_id) {
  return db_.read([&](Conn& c) -> std::optional<model::TeamMember> {
    auto s = c.prepare(member_select("WHERE TeamId = $1 AND UserId = $2"));
    s.bind_all(team_id, user_id);
    if (!s.step()) return std::nullopt;
    return read_member(s);
  });
}

void PgTeamStore::save_member(const model::TeamMember& m) {
  db_.write([&](Conn& c) {
    c.prepare(
         "INSERT INTO TeamMembers (TeamId, UserId, Roles, DeleteAt, SchemeUser, SchemeAdmin, "
         "SchemeGuest, CreateAt) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (TeamId, "
         "UserId) DO UPDATE SET Roles = excluded.Roles, DeleteAt = excluded.DeleteAt, SchemeUser "
         "= excluded.SchemeUser, SchemeAdmin = excluded.SchemeAdmin, SchemeGuest = "
         "excluded.SchemeGuest, CreateAt = excluded.CreateAt")
        .bind_all(m.team_id, m.user_id, m.explicit_roles, m.delete_at, m.scheme_user,
                  m.scheme_admin, m.scheme_guest, m.create_at)
        .run();
  });
}

std::vector<model::TeamMember> PgTeamStore::members(std::string_view team_id,
                                                    const TeamMemberQuery& q) {
  std::string sql = member_select(
      "JOIN Users ON Users.Id = TeamMembers.UserId WHERE TeamMembers.TeamId = $1 AND "
      "TeamMembers.DeleteAt = 0");
  if (q.exclude_deleted_users) sql += " AND Users.DeleteAt = 0";
  sql += q.sort_by_username ? " ORDER BY Users.Username" : " ORDER BY TeamMembers.UserId";
  sql += " LIMIT $2 OFFSET $3";
  return db_.read([&](Conn& c) {
    auto s = c.prepare(sql);
    s.bind_all(team_id, int64_t{q.limit}, int64_t{q.offset});
    return collect<model::TeamMember>(s, read_member);
  });
}

std::vector<model::TeamMember> PgTeamStore::members_by_ids(std::string_view team_id,
                                                           const std::vector<std::string>& ids) {
  if (ids.empty()) return {};
  return db_.read([&](Conn& c) {
    auto s = c.prepare(member_select(
        "WHERE TeamId = $1 AND DeleteAt = 0 AND UserId = ANY($2::text[]) ORDER BY UserId"));
    s.bind_all(team_id, text_array(ids));
    return collect<model::TeamMember>(s, read_member);
  });
}

std::vector<model::TeamMember> PgTeamStore::members_for_user(std::string_view user_id,
                                                             bool include_deleted) {
  return db_.read([&](Conn& c) {
    auto s = c.prepare(member_select(include_deleted
                                         ? "WHERE UserId = $1 ORDER BY TeamId"
                                         : "WHERE UserId = $1 AND DeleteAt = 0 ORDER BY TeamId"));
    s.bind(1, user_id);
    return collect<model::TeamMember>(s, read_member);
  });
}

int64_t PgTeamStore::member_count(std::string_view team_id, bool active_users_only) {
  return db_.read([&](Conn& c) {
    auto s = c.prepare(std::string("SELECT COUNT(*) FROM TeamMembers JOIN Users ON Users.Id = "
                                   "TeamMembers.UserId WHERE TeamMembers.TeamId = $1 AND "
                                   "TeamMembers.DeleteAt = 0") +
                       (active_users_only ? " AND Users.DeleteAt = 0" : ""));
    s.bind(1, team_id);
    s.step();
    return s.int64(0);
  });
}

std::vector<std::string> PgTeamStore::member_user_ids(std::string_view team_id) {
  return db_.read([&](Conn& c) {
    auto s = c.prepare("SELECT UserId FROM TeamMembers WHERE TeamId = $1 AND DeleteAt = 0");
    s.bind(1, team_id);
    return strings(s);
  });
}

void PgTeamStore::permanent_delete(std::string_view team_id) {
  db_.write([&](Conn& c) {
    for (const char* sql : {
             "DELETE FROM Reactions WHERE PostId IN (SELECT p.Id FROM Posts p JOIN Channels ch ON "
             "ch.Id = p.ChannelId WHERE ch.TeamId = $1)",
             "DELETE FROM Posts WHERE ChannelId IN (SELECT Id FROM Channels WHERE TeamId = $1)",
             "DELETE FROM ChannelMembers WHERE ChannelId IN (SELECT Id FROM Channels WHERE TeamId "
             "= $1)",
             "DELETE FROM SidebarChannels WHERE CategoryId IN (SELECT Id FROM SidebarCategories "
             "WHERE TeamId = $1)",
             "DELETE FROM SidebarCategories WHERE TeamId = $1",
             "DELETE FROM Channels WHERE TeamId = $1",
             "DELETE FROM TeamMembers WHERE TeamId = $1",
             "DELETE FROM Teams WHERE Id = $1",
         })
      c.prepare(sql).bind(1, team_id).run();
  });
}

}  // namespace parley::store::postgres
