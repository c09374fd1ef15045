// Tests for the post and file search store on either backend: full-text words (stemmed),
// prefixes, phrases, OR, exclusions, hashtags, the membership/team/deleted-channel scope, user and
// channel filters, dates, system and deleted posts, edits and deletes kept in the index, paging;
// files by name and extracted content, and both search migrations over existing rows.
#include "store/search_store.h"
#include "../support/test_database.h"
#include "store/file_info_store.h"
#include "store/post_store.h"
#include "util/ids.h"

#include <gtest/gtest.h>

#include <set>

namespace parley::store {
namespace {

class SearchStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::make_unique<test::TestDatabase>();
    store_ = db_->open_store();
    team_ = new_id();
    other_team_ = new_id();
    alice_ = new_id();
    bob_ = new_id();
    town_ = channel(team_, "O", "town-square");
    secret_ = channel(team_, "P", "secret");
    away_ = channel(other_team_, "O", "away");
    dm_ = channel("", "D", alice_ + "__" + bob_);
    for (auto& c : {town_, secret_, away_, dm_}) join(c, bob_);
    for (auto& c : {town_, away_, dm_}) join(c, alice_);
  }
  void TearDown() override {
    store_.reset();
    db_.reset();
  }

  std::string channel(const std::string& team, const std::string& type, const std::string& name) {
    std::string id = new_id();
    db_->exec("INSERT INTO Channels (Id, CreateAt, UpdateAt, Type, Name, TeamId) VALUES ('" + id +
              "', 1, 1, '" + type + "', '" + name + "', '" + team + "')");
    return id;
  }
  void join(const std::string& channel, const std::string& user) {
    db_->exec("INSERT INTO ChannelMembers (ChannelId, UserId) VALUES ('" + channel + "', '" + user +
              "')");
  }

  std::string post(const std::string& channel, const std::string& user, const std::string& message,
                   int64_t at, const std::string& type = "", const std::string& hashtags = "") {
    model::Post p;
    p.id = new_id();
    p.create_at = p.update_at = at;
    p.user_id = user;
    p.channel_id = channel;
    p.message = message;
    p.type = type;
    p.hashtags = hashtags;
    PostSaveEffects fx;
    fx.keep_create_at = true;
    store_->posts().insert(p, fx);
    return p.id;
  }

  PostSearchQuery query(const std::string& user, std::vector<SearchTerm> terms, bool any = false) {
    PostSearchQuery q;
    q.user_id = user;
    q.team_id = team_;
    q.message = TextMatch{std::move(terms), {}, any};
    return q;
  }

  std::vector<std::string> ids(const PostSearchQuery& q) {
    std::vector<std::string> out;
    for (auto& p : store_->search().posts(q)) out.push_back(p.id);
    return out;
  }

  static SearchTerm word(std::string w) { return {std::move(w), false, false}; }
  static SearchTerm prefix(std::string w) { return {std::move(w), false, true}; }
  static SearchTerm phrase(std::string w) { return {std::move(w), true, false}; }

  std::unique_ptr<test::TestDatabase> db_;
  std::unique_ptr<Store> store_;
  std::string team_, other_team_, alice_, bob_, town_, secret_, away_, dm_;
};

using Ids = std::vector<std::string>;

TEST_F(SearchStoreTest, WordsMustAllMatchNewestFirst) {
  auto a = post(town_, bob_, "The quick brown fox", 100);
  auto b = post(town_, bob_, "A quick red fox jumps", 200);
  post(town_, bob_, "quick snail", 300);
  EXPECT_EQ(ids(query(alice_, {word("quick"), word("fox")})), (Ids{b, a}));
  EXPECT_EQ(ids(query(alice_, {word("QUICK"), word("brown")})), (Ids{a}));
}

TEST_F(SearchStoreTest, OrSearch) {
  auto a = post(town_, bob_, "apples here", 100);
  auto b = post(town_, bob_, "pears there", 200);
  post(town_, bob_, "plums", 300);
  EXPECT_EQ(ids(query(alice_, {word("apples"), word("pears")}, true)), (Ids{b, a}));
  EXPECT_TRUE(ids(query(alice_, {word("apples"), word("pears")})).empty());
}

TEST_F(SearchStoreTest, StemmedWordsPrefixesAndPhrases) {
  auto a = post(town_, bob_, "we were running late", 100);
  auto b = post(town_, bob_, "kubernetes finished", 200);
  auto c = post(town_, bob_, "late we were running", 300);
  EXPECT_EQ(ids(query(alice_, {word("runs")})), (Ids{c, a}));
  EXPECT_EQ(ids(query(alice_, {prefix("kube")})), (Ids{b}));
  EXPECT_TRUE(ids(query(alice_, {word("kube")})).empty());
  EXPECT_EQ(ids(query(alice_, {phrase("running late")})), (Ids{a}));
}

// Both stemmers turn a prefix ending in y after a consonant into i ("happy" -> "happi"), which
// misses the words it begins: a prefix also matches as written.
TEST_F(SearchStoreTest, APrefixEndingInYFindsTheWordsItBegins) {
  auto a = post(town_, bob_, "welcome to happyland", 100);
  auto b = post(town_, bob_, "so happy today", 200);
  EXPECT_EQ(ids(query(alice_, {prefix("happy")})), (Ids{b, a}));
  EXPECT_EQ(ids(query(alice_, {prefix("happyl")})), (Ids{a}));
  EXPECT_EQ(ids(query(alice_, {prefix("Happy"), word("today")})), (Ids{b}));
}

TEST_F(SearchStoreTest, ExcludedTerms) {
  auto a = post(town_, bob_, "cats and dogs", 100);
  auto b = post(town_, bob_, "cats solo", 200);
  auto q = query(alice_, {word("cats")});
  q.message->excluded = {word("dogs")};
  EXPECT_EQ(ids(q), (Ids{b}));
  // Only exclusions: everything else.
  q.message->terms.clear();
  q.message->excluded = {word("solo")};
  EXPECT_EQ(ids(q), (Ids{a}));
  q.message->excluded = {phrase("and dogs")};
  EXPECT_EQ(ids(q), (Ids{b}));
}

TEST_F(SearchStoreTest, HashtagsMatchExactly) {
  auto a = post(town_, bob_, "#release today", 100, "", "#release");
  post(town_, bob_, "#releases soon", 200, "", "#releases");
  auto c = post(town_, bob_, "#Release #hotfix", 300, "", "#Release #hotfix");
  PostSearchQuery q;
  q.user_id = alice_;
  q.team_id = team_;
  q.hashtags = TextMatch{{word("#release")}, {}, false};
  EXPECT_EQ(ids(q), (Ids{c, a}));
  q.hashtags->excluded = {word("#hotfix")};
  EXPECT_EQ(ids(q), (Ids{a}));
}

TEST_F(SearchStoreTest, OnlyChannelsTheSearcherBelongsTo) {
  post(secret_, bob_, "classified plans", 100);
  auto away = post(away_, bob_, "classified elsewhere", 200);
  auto dm = post(dm_, bob_, "classified direct", 300);
  // Alice is not in the private channel; the other team needs a cross-team search.
  EXPECT_EQ(ids(query(alice_, {word("classified")})), (Ids{dm}));
  auto q = query(alice_, {word("classified")});
  q.team_id = "";
  EXPECT_EQ(ids(q), (Ids{dm, away}));
  // Naming the channel does not open it.
  q.in_channels = {secret_};
  EXPECT_TRUE(ids(q).empty());
  // Bob sees all three across teams.
  q = query(bob_, {word("classified")});
  q.team_id = "";
  EXPECT_EQ(ids(q).size(), 3u);
}

TEST_F(SearchStoreTest, DeletedChannelsOnlyWhenAsked) {
  auto a = post(town_, bob_, "archived words", 100);
  db_->exec("UPDATE Channels SET DeleteAt = 5 WHERE Id = '" + town_ + "'");
  auto q = query(alice_, {word("archived")});
  EXPECT_TRUE(ids(q).empty());
  q.include_deleted_channels = true;
  EXPECT_EQ(ids(q), (Ids{a}));
}

TEST_F(SearchStoreTest, NoDeletedOrSystemPosts) {
  post(town_, bob_, "alpha joined", 100, "system_join_channel");
  auto gone = post(town_, bob_, "alpha removed", 200);
  auto kept = post(town_, bob_, "alpha kept", 300);
  store_->posts().soft_delete(gone, 400, bob_);
  EXPECT_EQ(ids(query(alice_, {word("alpha")})), (Ids{kept}));
}

TEST_F(SearchStoreTest, EditsAndPermanentDeletesReachTheIndex) {
  auto id = post(town_, bob_, "original wording", 100);
  auto p = *store_->posts().get(id, false);
  p.message = "changed phrasing";
  store_->posts().update(p);
  EXPECT_TRUE(ids(query(alice_, {word("original")})).empty());
  EXPECT_EQ(ids(query(alice_, {word("phrasing")})), (Ids{id}));
  store_->posts().permanent_delete(id);
  EXPECT_TRUE(ids(query(alice_, {word("phrasing")})).empty());
}

// SQLite indexes new posts once per write transaction, right before the commit: posts edited or
// deleted in the transaction that inserted them are indexed as they are at the commit.
TEST_F(SearchStoreTest, PostsEditedOrDeletedInTheirOwnTransactionAreIndexedAsCommitted) {
  std::string edited, deleted, kept;
  store_->transaction([&] {
    edited = post(town_, bob_, "draft wording", 100);
    deleted = post(town_, bob_, "draft removed", 200);
    kept = post(town_, bob_, "draft kept", 300);
    auto p = *store_->posts().get(edited, false);
    p.message = "final phrasing";
    store_->posts().update(p);
    store_->posts().permanent_delete(deleted);
  });
  EXPECT_EQ(ids(query(alice_, {word("draft")})), (Ids{kept}));
  EXPECT_EQ(ids(query(alice_, {word("phrasing")})), (Ids{edited}));
  // Later edits and deletions reach the index as before.
  auto p = *store_->posts().get(edited, false);
  p.message = "third version";
  store_->posts().update(p);
  EXPECT_TRUE(ids(query(alice_, {word("phrasing")})).empty());
  EXPECT_EQ(ids(query(alice_, {word("third")})), (Ids{edited}));
  store_->posts().permanent_delete(kept);
  EXPECT_TRUE(ids(query(alice_, {word("draft")})).empty());
  if (!test::TestDatabase::postgres()) {
    EXPECT_EQ(db_->query_int("SELECT COUNT(*) FROM PostsFtsPending"), 0);
    // The contentless index still holds exactly the live posts' terms.
    db_->exec("INSERT INTO PostsFts (PostsFts, rank) VALUES ('integrity-check', 0)");
  }
}

// SQLite queues new posts and indexes them 64 at a time, or before a post search: searches
// still see every committed post, also after a restart with posts still queued.
TEST_F(SearchStoreTest, QueuedPostsAreFoundAcrossCommitsAndRestarts) {
  std::vector<std::string> posted;
  for (int i = 0; i < 70; ++i) posted.push_back(post(town_, bob_, "batch word", 100 + i));
  if (!test::TestDatabase::postgres())
    EXPECT_EQ(db_->query_int("SELECT COUNT(*) FROM PostsFtsPending"), 70 - 64);
  auto q = query(alice_, {word("batch")});
  q.limit = 100;
  EXPECT_EQ(ids(q).size(), 70u);
  if (!test::TestDatabase::postgres())
    EXPECT_EQ(db_->query_int("SELECT COUNT(*) FROM PostsFtsPending"), 0);
  auto queued = post(town_, bob_, "restart word", 500);
  auto edited = post(town_, bob_, "before restart", 600);
  auto p = *store_->posts().get(edited, false);
  p.message = "restart edited";
  store_->posts().update(p);
  store_.reset();
  store_ = db_->open_store();
  EXPECT_EQ(ids(query(alice_, {word("restart")})), (Ids{edited, queued}));
  EXPECT_TRUE(ids(query(alice_, {word("before")})).empty());
}

// A write that fails in a batch takes its queued posts with it; the others are indexed.
TEST_F(SearchStoreTest, ARolledBackInsertLeavesNothingToIndex) {
  EXPECT_THROW(store_->transaction([&] {
    post(town_, bob_, "vanishing words", 100);
    throw std::runtime_error("abort");
  }),
               std::runtime_error);
  auto later = post(town_, bob_, "vanishing later", 200);
  EXPECT_EQ(ids(query(alice_, {word("vanishing")})), (Ids{later}));
}

TEST_F(SearchStoreTest, UserChannelAndDateFilters) {
  auto a = post(town_, bob_, "report one", 1000);
  auto b = post(town_, alice_, "report two", 2000);
  auto c = post(dm_, bob_, "report three", 3000);
  auto q = query(alice_, {word("report")});
  q.from_users = {bob_};
  EXPECT_EQ(ids(q), (Ids{c, a}));
  q.from_users.clear();
  q.excluded_users = {bob_};
  EXPECT_EQ(ids(q), (Ids{b}));
  q.excluded_users.clear();
  q.in_channels = {town_};
  EXPECT_EQ(ids(q), (Ids{b, a}));
  q.in_channels.clear();
  q.excluded_channels = {town_};
  EXPECT_EQ(ids(q), (Ids{c}));
  q.excluded_channels.clear();
  q.created_from = 1500;
  q.created_to = 3000;
  EXPECT_EQ(ids(q), (Ids{c, b}));
  q.created_not_between = {{2500, 3500}};
  EXPECT_EQ(ids(q), (Ids{b}));
}

TEST_F(SearchStoreTest, FiltersOnly) {
  auto a = post(town_, bob_, "anything", 100);
  post(town_, alice_, "else", 200);
  PostSearchQuery q;
  q.user_id = alice_;
  q.team_id = team_;
  q.from_users = {bob_};
  EXPECT_TRUE(ids(q).empty());  // no alternative selected
  q.filters_only = true;
  EXPECT_EQ(ids(q), (Ids{a}));
}

TEST_F(SearchStoreTest, MessageOrHashtagAlternatives) {
  auto a = post(town_, bob_, "plain match", 100);
  auto b = post(town_, bob_, "#tagged post", 200, "", "#tagged");
  post(town_, bob_, "neither", 300);
  auto q = query(alice_, {word("plain")});
  q.hashtags = TextMatch{{word("#tagged")}, {}, false};
  EXPECT_EQ(ids(q), (Ids{b, a}));
}

TEST_F(SearchStoreTest, PagingNewestFirst) {
  Ids all;
  for (int i = 0; i < 7; ++i) all.insert(all.begin(), post(town_, bob_, "paged item", 100 + i));
  auto q = query(alice_, {word("paged")});
  q.limit = 3;
  EXPECT_EQ(ids(q), (Ids{all[0], all[1], all[2]}));
  q.offset = 3;
  EXPECT_EQ(ids(q), (Ids{all[3], all[4], all[5]}));
  q.offset = 6;
  EXPECT_EQ(ids(q), (Ids{all[6]}));
}

TEST_F(SearchStoreTest, OperatorCharactersAreText) {
  auto a = post(town_, bob_, "use foo-bar and \"quotes\" (parens) a:b", 100);
  EXPECT_EQ(ids(query(alice_, {word("foo-bar")})), (Ids{a}));
  EXPECT_EQ(ids(query(alice_, {word("\"quotes\"")})), (Ids{a}));
  EXPECT_EQ(ids(query(alice_, {prefix("paren")})), (Ids{a}));
  EXPECT_EQ(ids(query(alice_, {word("a:b")})), (Ids{a}));
  EXPECT_TRUE(ids(query(alice_, {word("AND"), word("NOT"), word("missing")})).empty());
}

TEST_F(SearchStoreTest, UnicodeWords) {
  auto a = post(town_, bob_, "Grüße aus München", 100);
  EXPECT_EQ(ids(query(alice_, {word("münchen")})), (Ids{a}));
  EXPECT_EQ(ids(query(alice_, {prefix("Grü")})), (Ids{a}));
}

// The search migrations' numbers in kMigrations of both backends (renumber with them).
constexpr int kSearchMigration = 5;
constexpr int kFileSearchMigration = 6;

// Undoes the file search migration (6) and forgets it and every later one.
void undo_file_search_migration(test::TestDatabase& db) {
  if (test::TestDatabase::postgres()) {
    db.exec("DROP INDEX idx_fileinfo_words_txt");
  } else {
    db.exec(
        "DROP TRIGGER fileinfo_fts_insert; DROP TRIGGER fileinfo_fts_update; DROP TRIGGER "
        "fileinfo_fts_delete; DROP TABLE FileInfoFts; DROP TABLE FileInfoFtsIds");
  }
  db.exec("DELETE FROM SchemaMigrations WHERE Version >= " + std::to_string(kFileSearchMigration));
}

// The search migration indexes posts written before it: undo it, write a post, migrate again
// (the later migrations are idempotent and run again too).
TEST_F(SearchStoreTest, MigrationIndexesExistingPosts) {
  auto before = post(town_, bob_, "legacy wording", 100);
  store_.reset();
  undo_file_search_migration(*db_);
  if (test::TestDatabase::postgres()) {
    db_->exec("DROP INDEX idx_posts_message_txt");
  } else {
    db_->exec(
        "DROP TRIGGER posts_fts_insert; DROP TRIGGER posts_fts_update; DROP TRIGGER "
        "posts_fts_delete; DROP TABLE PostsFts; DROP TABLE PostsFtsIds");
  }
  db_->exec("DELETE FROM SchemaMigrations WHERE Version >= " + std::to_string(kSearchMigration));
  db_->exec("INSERT INTO Posts (Id, CreateAt, UpdateAt, UserId, ChannelId, Message) VALUES ('" +
            std::string(26, 'a') + "', 200, 200, '" + bob_ + "', '" + town_ + "', 'legacy again')");
  store_ = db_->open_store();
  EXPECT_EQ(ids(query(alice_, {word("legacy")})), (Ids{std::string(26, 'a'), before}));
  if (test::TestDatabase::postgres()) {
    EXPECT_EQ(db_->query_int("SELECT COUNT(*) FROM pg_indexes WHERE indexname = "
                             "'idx_posts_message_txt'"),
              1);
  }
  // New posts are indexed by the recreated triggers.
  auto after = post(town_, bob_, "legacy later", 300);
  EXPECT_EQ(ids(query(alice_, {word("legacy")})).front(), after);
}

// Files: attached, not deleted, in the searcher's channels; name word prefixes, extensions.
class FileSearchStoreTest : public SearchStoreTest {
 protected:
  std::string file(const std::string& channel, const std::string& user, const std::string& name,
                   int64_t at, bool attached = true, const std::string& content = "") {
    auto f = model::new_file_info(name);
    f.id = new_id();
    f.creator_id = user;
    f.channel_id = channel;
    f.post_id = attached ? new_id() : "";
    f.create_at = f.update_at = at;
    f.path = "data/" + f.id;
    f.content = content;
    store_->file_infos().save(f);
    return f.id;
  }
  FileSearchQuery files(const std::string& user, std::vector<SearchTerm> terms) {
    FileSearchQuery q;
    q.user_id = user;
    q.team_id = team_;
    if (!terms.empty()) q.text = TextMatch{std::move(terms), {}, false};
    return q;
  }
  Ids found(const FileSearchQuery& q) { return store_->search().files(q); }
};

TEST_F(FileSearchStoreTest, NameWordsExtensionsAndScope) {
  auto a = file(town_, bob_, "Quarterly-Report_2024.PDF", 100);
  auto b = file(town_, alice_, "team photo.png", 200);
  auto c = file(dm_, bob_, "report draft.txt", 300, true, "budget numbers inside");
  file(town_, bob_, "report unattached.txt", 400, false);
  file(secret_, bob_, "report secret.txt", 500);
  EXPECT_EQ(found(files(alice_, {prefix("report")})), (Ids{c, a}));
  EXPECT_EQ(found(files(alice_, {prefix("quart"), prefix("2024")})), (Ids{a}));
  EXPECT_EQ(found(files(alice_, {prefix("budg")})), (Ids{c}));
  EXPECT_EQ(found(files(alice_, {phrase("team photo")})), (Ids{b}));
  EXPECT_TRUE(found(files(alice_, {prefix("eport")})).empty());
  auto q = files(alice_, {});
  q.extensions = {"pdf", "png"};
  EXPECT_EQ(found(q), (Ids{b, a}));
  q.extensions.clear();
  q.excluded_extensions = {"pdf"};
  q.from_users = {bob_};
  EXPECT_EQ(found(q), (Ids{c}));
  q = files(alice_, {prefix("report")});
  q.text->excluded = {prefix("draft")};
  EXPECT_EQ(found(q), (Ids{a}));
  q = files(alice_, {prefix("photo"), prefix("draft")});
  q.text->or_terms = true;
  q.limit = 1;
  q.offset = 1;
  EXPECT_EQ(found(q), (Ids{b}));
  // Bob, a member of the private channel, finds the file there.
  EXPECT_EQ(found(files(bob_, {prefix("secret")})).size(), 1u);
}

// Extracted content is searched like the name: stemmed word prefixes, phrases, exclusions, and
// set_content keeps the index in step; permanently deleted files leave it.
TEST_F(FileSearchStoreTest, ContentWords) {
  auto a = file(town_, bob_, "minutes.txt", 100, true, "The committee approved\nbudgets, travel");
  auto b = file(town_, bob_, "scan.pdf", 200);
  auto hidden = file(secret_, bob_, "private.txt", 300, true, "committee secrets");
  EXPECT_EQ(found(files(alice_, {prefix("committee")})), (Ids{a}));
  EXPECT_EQ(found(files(alice_, {prefix("budget")})), (Ids{a}));   // stemmed
  EXPECT_EQ(found(files(alice_, {prefix("approve")})), (Ids{a}));  // stem of approved
  EXPECT_EQ(found(files(alice_, {phrase("budgets trav")})), (Ids{a}));
  EXPECT_TRUE(found(files(alice_, {phrase("committee budgets")})).empty());
  EXPECT_EQ(found(files(alice_, {prefix("minutes"), prefix("travel")})), (Ids{a}));
  EXPECT_EQ(found(files(bob_, {prefix("committee")})), (Ids{hidden, a}));

  store_->file_infos().set_content(b, "committee invoice");
  EXPECT_EQ(found(files(alice_, {prefix("invoice")})), (Ids{b}));
  EXPECT_EQ(found(files(alice_, {prefix("committee")})), (Ids{b, a}));
  auto q = files(alice_, {prefix("committee")});
  q.text->excluded = {prefix("travel")};
  EXPECT_EQ(found(q), (Ids{b}));
  store_->file_infos().set_content(b, "replaced words");
  EXPECT_TRUE(found(files(alice_, {prefix("invoice")})).empty());

  db_->exec("UPDATE FileInfo SET PostId = 'p1' WHERE Id = '" + a + "'");
  store_->file_infos().permanent_delete_for_post("p1");
  EXPECT_TRUE(found(files(alice_, {prefix("committee")})).empty());
}

// The file search migration indexes files stored before it.
TEST_F(FileSearchStoreTest, MigrationIndexesExistingFiles) {
  auto before = file(town_, bob_, "old-notes.txt", 100, true, "heirloom recipe");
  store_.reset();
  undo_file_search_migration(*db_);
  store_ = db_->open_store();
  EXPECT_EQ(found(files(alice_, {prefix("heirloom")})), (Ids{before}));
  EXPECT_EQ(found(files(alice_, {prefix("notes")})), (Ids{before}));
  if (test::TestDatabase::postgres()) {
    EXPECT_EQ(db_->query_int("SELECT COUNT(*) FROM pg_indexes WHERE indexname = "
                             "'idx_fileinfo_words_txt'"),
              1);
  }
  auto after = file(town_, bob_, "new.txt", 200, true, "heirloom tomato");
  EXPECT_EQ(found(files(alice_, {prefix("heirloom")})), (Ids{after, before}));
}

}  // namespace
}  // namespace parley::store
