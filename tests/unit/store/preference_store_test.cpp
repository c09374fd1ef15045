// Tests for the SQLite preference store: upsert, reads by user/category/name, delete, and the
// post lookup used for flagged_post preferences.
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

TEST(PreferenceStoreTest, LivePostChannel) {
  test::TestEnv env;
  std::string post = new_id(), deleted = new_id(), channel = new_id();
  env.sql("INSERT INTO Posts (Id, CreateAt, UpdateAt, UserId, ChannelId) VALUES ('" + post +
          "', 1, 1, 'u', '" + channel + "')");
  env.sql("INSERT INTO Posts (Id, CreateAt, UpdateAt, DeleteAt, UserId, ChannelId) VALUES ('" +
          deleted + "', 1, 1, 5, 'u', '" + channel + "')");
  auto& prefs = env.store().preferences();
  EXPECT_EQ(prefs.live_post_channel(post), channel);
  EXPECT_FALSE(prefs.live_post_channel(deleted));
  EXPECT_FALSE(prefs.live_post_channel(new_id()));
}

}  // namespace
}  // namespace parley
