// Tests for the PostgreSQL layer: Mattermost DataSource handling (pure), and, with a test
// cluster (PARLEY_TEST_PG_URL), that a failed nested write leaves the outer transaction usable
// as it does with SQLite.
#include "../support/test_database.h"
#include "model/team.h"
#include "store/postgres/db.h"
#include "store/store.h"
#include "store/team_store.h"
#include "util/ids.h"

#include <gtest/gtest.h>

namespace parley::testing {
namespace {

using store::postgres::connection_params;

std::string param(const std::vector<std::pair<std::string, std::string>>& ps,
                  const std::string& key) {
  for (const auto& [k, v] : ps)
    if (k == key) return v;
  return "<absent>";
}

TEST(PostgresDataSource, DropsParametersLibpqDoesNotKnowAndKeepsTheRest) {
  auto ps = connection_params(
      "postgres://mmuser:secret@db.example:5433/mattermost?sslmode=disable&binary_parameters=yes"
      "&connect_timeout=7",
      10);
  EXPECT_EQ(
      param(ps, "dbname"),
      "postgres://mmuser:secret@db.example:5433/mattermost?sslmode=disable&connect_timeout=7");
  EXPECT_EQ(param(ps, "connect_timeout"), "<absent>");  // the URL's own value wins
}

TEST(PostgresDataSource, AddsAConnectTimeoutWhenNoneIsGiven) {
  auto ps = connection_params("postgresql://u@h/db?binary_parameters=yes", 4);
  EXPECT_EQ(param(ps, "dbname"), "postgresql://u@h/db");
  EXPECT_EQ(param(ps, "connect_timeout"), "4");
}

TEST(PostgresTransactions, FailedNestedWriteLeavesTheOuterTransactionUsable) {
  if (!test::TestDatabase::postgres()) GTEST_SKIP() << "PARLEY_TEST_PG_URL not set";
  test::TestDatabase db;
  auto s = db.open_store();
  model::Team t;
  t.id = new_id();
  t.name = "dup";
  t.display_name = "Dup";
  t.type = "O";
  s->teams().insert(t);
  model::Team other = t;
  other.id = new_id();
  model::Team second = t;
  second.id = new_id();
  second.name = "second";
  bool constraint = false;
  s->transaction([&] {
    try {
      s->teams().insert(other);  // same name: unique violation
    } catch (const store::StoreError& e) {
      constraint = e.constraint;
    }
    s->teams().insert(second);  // the transaction goes on
  });
  EXPECT_TRUE(constraint);
  EXPECT_TRUE(s->teams().get(second.id));
  EXPECT_FALSE(s->teams().get(other.id));
}

}  // namespace
}  // namespace parley::testing
