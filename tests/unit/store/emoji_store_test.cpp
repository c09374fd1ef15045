// Tests for the custom emoji store on either backend: save with unique live names, lookups,
// paging and sorting, search, and delete (which frees the name and removes its reactions).
#include "store/emoji_store.h"
#include "../support/test_database.h"
#include "store/post_store.h"
#include "store/reaction_store.h"
#include "util/ids.h"

#include <gtest/gtest.h>

namespace parley::store {
namespace {

class EmojiStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::make_unique<test::TestDatabase>();
    store_ = db_->open_store();
  }
  void TearDown() override {
    store_.reset();
    db_.reset();
  }

  model::Emoji emoji(const std::string& name, int64_t at) {
    model::Emoji e{new_id(), at, at, 0, new_id(), name};
    EXPECT_TRUE(store_->emoji().save(e));
    return e;
  }

  std::vector<std::string> names(const std::vector<model::Emoji>& list) {
    std::vector<std::string> out;
    for (const auto& e : list) out.push_back(e.name);
    return out;
  }

  std::unique_ptr<test::TestDatabase> db_;
  std::unique_ptr<Store> store_;
};

TEST_F(EmojiStoreTest, SaveGetAndUniqueNames) {
  auto a = emoji("party_parrot", 10);
  auto& s = store_->emoji();
  auto got = s.get(a.id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->name, "party_parrot");
  EXPECT_EQ(got->creator_id, a.creator_id);
  EXPECT_EQ(got->create_at, 10);
  EXPECT_EQ(s.get_by_name("party_parrot")->id, a.id);
  EXPECT_FALSE(s.get(new_id()));
  EXPECT_FALSE(s.get_by_name("nope"));
  model::Emoji dup{new_id(), 11, 11, 0, new_id(), "party_parrot"};
  EXPECT_FALSE(s.save(dup));
}

TEST_F(EmojiStoreTest, ListPagesAndSorts) {
  emoji("charlie", 1);
  emoji("alpha", 2);
  emoji("bravo", 3);
  auto& s = store_->emoji();
  EXPECT_EQ(names(s.list(0, 10, true)), (std::vector<std::string>{"alpha", "bravo", "charlie"}));
  EXPECT_EQ(names(s.list(0, 10, false)), (std::vector<std::string>{"charlie", "alpha", "bravo"}));
  EXPECT_EQ(names(s.list(1, 1, true)), (std::vector<std::string>{"bravo"}));
  EXPECT_EQ(names(s.get_by_names({"bravo", "zulu", "alpha"})),
            (std::vector<std::string>{"alpha", "bravo"}));
  EXPECT_TRUE(s.get_by_names({}).empty());
}

TEST_F(EmojiStoreTest, SearchPrefixAndContains) {
  emoji("cat_happy", 1);
  emoji("happy_cat", 2);
  emoji("dog", 3);
  emoji("a_b", 4);
  emoji("axb", 5);
  auto& s = store_->emoji();
  EXPECT_EQ(names(s.search("happy", true, 10)), (std::vector<std::string>{"happy_cat"}));
  EXPECT_EQ(names(s.search("happy", false, 10)),
            (std::vector<std::string>{"cat_happy", "happy_cat"}));
  EXPECT_EQ(names(s.search("cat", false, 1)), (std::vector<std::string>{"cat_happy"}));
  // '_' is literal, not a LIKE wildcard.
  EXPECT_EQ(names(s.search("a_", true, 10)), (std::vector<std::string>{"a_b"}));
}

TEST_F(EmojiStoreTest, RemoveFreesTheNameAndRemovesItsReactions) {
  auto e = emoji("gone", 1);
  model::Post p;
  p.id = new_id();
  p.create_at = p.update_at = 5;
  p.user_id = new_id();
  p.channel_id = new_id();
  p.message = "m";
  PostSaveEffects fx;
  fx.keep_create_at = true;
  store_->posts().insert(p, fx);
  store_->reactions().save({p.user_id, p.id, "gone", 6, 6, 0, p.channel_id});
  ASSERT_TRUE(store_->posts().get(p.id, false)->has_reactions);

  EXPECT_TRUE(store_->emoji().remove(e.id, 100));
  EXPECT_FALSE(store_->emoji().remove(e.id, 101));
  EXPECT_FALSE(store_->emoji().get(e.id));
  EXPECT_TRUE(store_->reactions().for_post(p.id).empty());
  auto post = store_->posts().get(p.id, false);
  EXPECT_FALSE(post->has_reactions);
  EXPECT_EQ(post->update_at, 100);
  emoji("gone", 200);  // the name is free again
}

}  // namespace
}  // namespace parley::store
