// Tests for the draft store on either backend (upsert keeping CreateAt, get, remove, removal of a
// deleted root's reply drafts, the per-user listing with team and membership filters) and for
// the flagged-posts query of the post store.
#include "store/draft_store.h"
#include "../support/test_database.h"
#include "model/preference.h"
#include "store/post_store.h"
#include "store/preference_store.h"
#include "util/ids.h"

#include <gtest/gtest.h>

namespace parley::store {
namespace {

class DraftStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::make_unique<test::TestDatabase>();
    store_ = db_->open_store();
    team_ = new_id();
    user_ = new_id();
    channel_ = channel(team_, "O");
  }
  void TearDown() override {
    store_.reset();
    db_.reset();
  }

  // A channel of `team` ("" for a direct/group channel) the user belongs to unless `member` is
  // false.
  std::string channel(const std::string& team, const std::string& type, bool member = true) {
    std::string id = new_id();
    db_->exec("INSERT INTO Channels (Id, CreateAt, UpdateAt, Type, Name, TeamId) VALUES ('" + id +
              "', 1, 1, '" + type + "', '" + id + "', '" + team + "')");
    if (member)
      db_->exec("INSERT INTO ChannelMembers (ChannelId, UserId) VALUES ('" + id + "', '" + user_ +
                "')");
    return id;
  }

  model::Draft draft(const std::string& channel, int64_t at, const std::string& root = "") {
    model::Draft d;
    d.user_id = user_;
    d.channel_id = channel;
    d.root_id = root;
    d.create_at = d.update_at = at;
    d.message = "draft";
    return d;
  }

  model::Post post(const std::string& channel, int64_t at) {
    model::Post p;
    p.id = new_id();
    p.create_at = p.update_at = at;
    p.user_id = user_;
    p.channel_id = channel;
    p.message = "m";
    PostSaveEffects fx;
    fx.keep_create_at = true;
    store_->posts().insert(p, fx);
    return p;
  }

  void flag(const std::string& post_id) {
    store_->preferences().save({{user_, model::preference::kCategoryFlaggedPost, post_id, "true"}});
  }

  std::unique_ptr<test::TestDatabase> db_;
  std::unique_ptr<Store> store_;
  std::string team_, user_, channel_;
};

TEST_F(DraftStoreTest, UpsertKeepsCreateAtAndReplacesContent) {
  auto d = draft(channel_, 1000);
  d.props["a"] = 1;
  d.file_ids = {"f1"};
  d.priority["priority"] = "urgent";
  auto saved = store_->drafts().upsert(d);
  EXPECT_EQ(saved.create_at, 1000);
  EXPECT_EQ(saved.props.at("a").as_int64(), 1);
  EXPECT_EQ(saved.file_ids, std::vector<std::string>{"f1"});
  EXPECT_EQ(saved.priority.at("priority").as_string(), "urgent");

  auto next = draft(channel_, 5000);
  next.message = "changed";
  auto updated = store_->drafts().upsert(next);
  EXPECT_EQ(updated.create_at, 1000);
  EXPECT_EQ(updated.update_at, 5000);
  EXPECT_EQ(updated.message, "changed");
  EXPECT_TRUE(updated.props.empty());
  EXPECT_TRUE(updated.file_ids.empty());
  EXPECT_TRUE(updated.priority.empty());

  auto got = store_->drafts().get(user_, channel_, "");
  ASSERT_TRUE(got);
  EXPECT_EQ(got->message, "changed");
  EXPECT_FALSE(store_->drafts().get(user_, channel_, new_id()));
}

TEST_F(DraftStoreTest, RemoveAndRemoveForRoot) {
  std::string root = new_id();
  store_->drafts().upsert(draft(channel_, 1));
  store_->drafts().upsert(draft(channel_, 2, root));
  auto other_user = draft(channel_, 3, root);
  other_user.user_id = new_id();
  store_->drafts().upsert(other_user);

  EXPECT_TRUE(store_->drafts().remove(user_, channel_, ""));
  EXPECT_FALSE(store_->drafts().remove(user_, channel_, ""));
  store_->drafts().remove_for_root(channel_, root);
  EXPECT_FALSE(store_->drafts().get(user_, channel_, root));
  EXPECT_FALSE(store_->drafts().get(other_user.user_id, channel_, root));
}

TEST_F(DraftStoreTest, ForUserFiltersTeamAndMembershipNewestFirst) {
  std::string dm = channel("", "D");
  std::string other_team = channel(new_id(), "O");
  std::string left = channel(team_, "O", false);
  store_->drafts().upsert(draft(channel_, 10));
  store_->drafts().upsert(draft(dm, 30));
  store_->drafts().upsert(draft(other_team, 20));
  store_->drafts().upsert(draft(left, 40));
  auto someone_else = draft(channel_, 50);
  someone_else.user_id = new_id();
  store_->drafts().upsert(someone_else);

  auto in_team = store_->drafts().for_user(user_, team_);
  ASSERT_EQ(in_team.size(), 2u);
  EXPECT_EQ(in_team[0].channel_id, dm);
  EXPECT_EQ(in_team[1].channel_id, channel_);
  auto all = store_->drafts().for_user(user_, "");
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[1].channel_id, other_team);
}

TEST_F(DraftStoreTest, FlaggedPostsOfMemberChannelsNewestFirst) {
  std::string dm = channel("", "D");
  std::string other_team = channel(new_id(), "O");
  std::string left = channel(team_, "O", false);
  auto p1 = post(channel_, 100);
  auto p2 = post(dm, 200);
  auto p3 = post(other_team, 300);
  auto p4 = post(left, 400);
  auto p5 = post(channel_, 500);
  post(channel_, 600);  // not flagged
  for (const auto* p : {&p1, &p2, &p3, &p4, &p5}) flag(p->id);
  store_->posts().soft_delete(p5.id, 700, user_);

  auto ids = [](const std::vector<model::Post>& posts) {
    std::vector<std::string> out;
    for (const auto& p : posts) out.push_back(p.id);
    return out;
  };
  FlaggedPostQuery q;
  q.user_id = user_;
  EXPECT_EQ(ids(store_->posts().flagged(q)), (std::vector<std::string>{p3.id, p2.id, p1.id}));
  q.team_id = team_;
  EXPECT_EQ(ids(store_->posts().flagged(q)), (std::vector<std::string>{p2.id, p1.id}));
  q.team_id.clear();
  q.channel_id = other_team;
  EXPECT_EQ(ids(store_->posts().flagged(q)), (std::vector<std::string>{p3.id}));
  q.channel_id.clear();
  q.offset = 1;
  q.limit = 1;
  EXPECT_EQ(ids(store_->posts().flagged(q)), (std::vector<std::string>{p2.id}));

  store_->preferences().remove_for_all_users(model::preference::kCategoryFlaggedPost, p1.id);
  q.offset = 0;
  q.limit = 60;
  EXPECT_EQ(ids(store_->posts().flagged(q)), (std::vector<std::string>{p3.id, p2.id}));
}

}  // namespace
}  // namespace parley::store
