// Tests for the SQLite team store: uniqueness, lookups, listing order and filters, member
// queries and counts.
#include "store/team_store.h"
#include "store_fixture.h"

#include <algorithm>

namespace parley::testing {
namespace {

class TeamStoreTest : public StoreFixture {
 protected:
  model::Team add_team(const std::string& name, const std::string& display, bool open,
                       int64_t delete_at = 0) {
    model::Team t;
    t.id = new_id();
    t.name = name;
    t.display_name = display;
    t.type = open ? "O" : "I";
    t.allow_open_invite = open;
    t.invite_id = new_id();
    t.create_at = t.update_at = now_ms();
    t.delete_at = delete_at;
    store().teams().insert(t);
    return t;
  }
  void add_member(const model::Team& t, const model::User& u, int64_t delete_at = 0) {
    model::TeamMember m;
    m.team_id = t.id;
    m.user_id = u.id;
    m.delete_at = delete_at;
    m.create_at = now_ms();
    store().teams().save_member(m);
  }
};

TEST_F(TeamStoreTest, InsertGetAndDuplicateName) {
  auto t = add_team("alpha", "Alpha", true);
  auto got = store().teams().get(t.id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->name, "alpha");
  EXPECT_TRUE(got->allow_open_invite);
  EXPECT_EQ(store().teams().get_by_name("alpha")->id, t.id);
  EXPECT_EQ(store().teams().get_by_invite_id(t.invite_id)->id, t.id);
  EXPECT_FALSE(store().teams().get_by_invite_id(""));
  EXPECT_FALSE(store().teams().get_by_name("beta"));
  try {
    add_team("alpha", "Again", false);
    FAIL() << "duplicate name accepted";
  } catch (const store::StoreError& e) {
    EXPECT_TRUE(e.constraint);
  }
}

TEST_F(TeamStoreTest, UpdateKeepsIdAndCreateAt) {
  auto t = add_team("gamma", "Gamma", false);
  t.display_name = "Gamma 2";
  t.description = "d";
  t.delete_at = 5;
  store().teams().update(t);
  auto got = store().teams().get(t.id);
  EXPECT_EQ(got->display_name, "Gamma 2");
  EXPECT_EQ(got->description, "d");
  EXPECT_EQ(got->delete_at, 5);
  EXPECT_EQ(got->create_at, t.create_at);
}

TEST_F(TeamStoreTest, ListOrdersByDisplayNameAndFilters) {
  add_team("bbb", "B team", true);
  add_team("aaa", "A team", false);
  add_team("ccc", "C team", true, now_ms());
  auto all = store().teams().list({});
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].display_name, "A team");
  EXPECT_EQ(all[2].display_name, "C team");  // archived teams are listed too
  store::TeamListQuery open;
  open.allow_open_invite = true;
  auto opened = store().teams().list(open);
  ASSERT_EQ(opened.size(), 2u);
  EXPECT_TRUE(
      std::all_of(opened.begin(), opened.end(), [](auto& t) { return t.allow_open_invite; }));
  store::TeamListQuery page;
  page.limit = 1;
  page.offset = 1;
  EXPECT_EQ(store().teams().list(page).at(0).display_name, "B team");
  EXPECT_EQ(store().teams().count(std::nullopt), 2);  // archived not counted
  EXPECT_EQ(store().teams().count(true), 1);
  EXPECT_EQ(store().teams().count(false), 1);
}

TEST_F(TeamStoreTest, MembershipsAndCounts) {
  auto t = add_team("delta", "Delta", true);
  auto gone = add_team("epsilon", "Epsilon", true, now_ms());
  auto left = add_team("zeta", "Zeta", true);
  auto a = add_user("anna");
  auto b = add_user("bob");
  auto c = add_user("carl");
  add_member(t, a);
  add_member(t, b);
  add_member(t, c, now_ms());
  add_member(gone, a);
  add_member(left, a, now_ms());

  auto teams = store().teams().teams_for_user(a.id);
  ASSERT_EQ(teams.size(), 1u);
  EXPECT_EQ(teams[0].id, t.id);
  EXPECT_EQ(store().teams().members_for_user(a.id, true).size(), 3u);
  EXPECT_EQ(store().teams().members_for_user(a.id, false).size(), 2u);

  auto members = store().teams().members(t.id, {});
  ASSERT_EQ(members.size(), 2u);
  store::TeamMemberQuery by_name;
  by_name.sort_by_username = true;
  EXPECT_EQ(store().teams().members(t.id, by_name)[0].user_id, a.id);
  EXPECT_EQ(store().teams().members_by_ids(t.id, {b.id, c.id}).size(), 1u);

  EXPECT_EQ(store().teams().member_count(t.id, false), 2);
  exec_sql("UPDATE Users SET DeleteAt = 1 WHERE Id = '" + b.id + "'");
  EXPECT_EQ(store().teams().member_count(t.id, true), 1);
  EXPECT_EQ(store().teams().member_count(t.id, false), 2);
  store::TeamMemberQuery active;
  active.exclude_deleted_users = true;
  EXPECT_EQ(store().teams().members(t.id, active).size(), 1u);

  auto ids = store().teams().member_user_ids(t.id);
  EXPECT_EQ(ids.size(), 2u);
  EXPECT_EQ(store().teams().common_team_ids(a.id, b.id), std::vector<std::string>{t.id});
  EXPECT_TRUE(store().teams().common_team_ids(a.id, c.id).empty());
}

}  // namespace
}  // namespace parley::testing
