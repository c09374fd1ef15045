// Tests for the SQLite preference store: upsert, reads by user/category/name and delete.
#include "store/preference_store.h"

#include "../support/test_env.h"
#include "util/ids.h"

#include <gtest/gtest.h>

namespace parley {
namespace {

using model::Preference;

TEST(PreferenceStoreTest, SaveUpsertsAndReadsBack) {
  test::TestEnv env;
  auto& prefs = env.store().preferences();
  std::string u = new_id(), other = new_id();
  prefs.save({{u, "display_settings", "use_military_time", "false"},
              {u, "theme", "", "{}"},
              {u, "display_settings", "name_format", "username"},
              {other, "display_settings", "name_format", "full_name"}});
  prefs.save({{u, "display_settings", "use_military_time", "true"}});

  auto all = prefs.get_all(u);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0], (Preference{u, "display_settings", "name_format", "username"}));
  EXPECT_EQ(all[1], (Preference{u, "display_settings", "use_military_time", "true"}));
  EXPECT_EQ(all[2], (Preference{u, "theme", "", "{}"}));
  EXPECT_EQ(prefs.get_category(u, "display_settings").size(), 2u);
  EXPECT_TRUE(prefs.get_category(u, "nothing").empty());
  EXPECT_EQ(prefs.get(other, "display_settings", "name_format")->value, "full_name");
  EXPECT_FALSE(prefs.get(u, "display_settings", "missing"));

  prefs.remove(u, "theme", "");
  EXPECT_FALSE(prefs.get(u, "theme", ""));
  EXPECT_EQ(prefs.get_all(u).size(), 2u);
  EXPECT_EQ(prefs.get_all(other).size(), 1u);
}

TEST(PreferenceStoreTest, SaveIsAllOrNothingInsideATransaction) {
  test::TestEnv env;
  auto& prefs = env.store().preferences();
  std::string u = new_id();
  EXPECT_THROW(env.store().transaction([&] {
    prefs.save({{u, "a", "b", "1"}});
    throw std::runtime_error("abort");
  }),
               std::runtime_error);
  EXPECT_TRUE(prefs.get_all(u).empty());
}

}  // namespace
}  // namespace parley
