// SQLite queries for teams and team members.
#include "store/sqlite/team_store.h"

#include "store/sqlite/row.h"

namespace parley::store::sqlite {
namespace {
constexpr std::string_view kTeamSelect =
    "SELECT Id, CreateAt, UpdateAt, DeleteAt, DisplayName, Name, Description, Email, Type, "
    "CompanyName, AllowedDomains, InviteId, AllowOpenInvite, LastTeamIconUpdate, SchemeId, "
    "GroupConstrained FROM Teams ";
constexpr std::string_view kMemberSelect =
    "SELECT TeamId, UserId, Roles, DeleteAt, SchemeUser, SchemeAdmin, SchemeGuest, CreateAt "
    "FROM TeamMembers ";

model::Team read_team(const Stmt& s) {
  model::Team t;
  int i = 0;
  t.id = s.text(i++);
  t.create_at = s.int64(i++);
  t.update_at = s.int64(i++);
  t.delete_at = s.int64(i++);
  t.display_name = s.text(i++);
  t.name = s.text(i++);
  t.description = s.text(i++);
  t.email = s.text(i++);
  t.type = s.text(i++);
  t.company_name = s.text(i++);
  t.allowed_domains = s.text(i++);
  t.invite_id = s.text(i++);
  t.allow_open_invite = s.boolean(i++);
  t.last_team_icon_update = s.int64(i++);
  t.scheme_id = s.text(i++);
  t.group_constrained = s.boolean(i++);
  return t;
}

model::TeamMember read_member(const Stmt& s) {
  model::TeamMember m;
  m.team_id = s.text(0);
  m.user_id = s.text(1);
  m.explicit_roles = s.text(2);
  m.delete_at = s.int64(3);
  m.scheme_user = s.boolean(4);
  m.scheme_admin = s.boolean(5);
  m.scheme_guest = s.boolean(6);
  m.create_at = s.int64(7);
  return m;
}
}  // namespace

std::optional<model::Team> SqliteTeamStore::get(std::string_view id) {
  return db_.read([&](Conn& c) -> std::optional<model::Team> {
    auto s = c.prepare(std::string(kTeamSelect) + "WHERE Id = ?");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    return read_team(s);
  });
}

std::optional<model::TeamMember> SqliteTeamStore::get_member(std::string_view team_id,
                                                             std::string_view user_id) {
  return db_.read([&](Conn& c) -> std::optional<model::TeamMember> {
    auto s = c.prepare(std::string(kMemberSelect) + "WHERE TeamId = ? AND UserId = ?");
    s.bind_all(team_id, user_id);
    if (!s.step()) return std::nullopt;
    return read_member(s);
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

}  // namespace parley::store::sqlite
