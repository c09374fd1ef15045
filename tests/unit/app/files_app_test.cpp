// Tests for the files rules of the app layer on either backend with a local file store: upload
// checks (size, permission), reads by the creator and channel members only, attaching files to
// posts (only one's own unattached files of the channel), metadata.files in the posted event,
// edits that add and remove files, deletes that soft delete file infos, public links, and the
// extraction of uploads' text into FileInfo.Content (inline or on the worker queue).
#include "../support/documents.h"
#include "../support/test_database.h"
#include "app/app.h"
#include "app/content_extraction.h"
#include "app/files.h"
#include "app/posts.h"
#include "files/local_backend.h"
#include "store/file_info_store.h"
#include "store/user_store.h"
#include "util/ids.h"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <filesystem>

namespace parley::app {
namespace {

namespace fs = std::filesystem;
namespace bj = boost::json;

struct Sink final : EventSink {
  void publish(Event e) override { events.push_back(std::move(e)); }
  std::vector<Event> events;
};

class FilesAppTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::make_unique<test::TestDatabase>();
    store_ = db_->open_store();
    auto tree = config::default_tree();
    tree["FileSettings"].as_object()["MaxFileSize"] = 1000;
    tree["FileSettings"].as_object()["EnablePublicLink"] = true;
    tree["FileSettings"].as_object()["PublicLinkSalt"] = "salt";
    app_ = std::make_unique<App>(std::make_shared<const config::Config>(config::from_tree(tree)),
                                 *store_);
    app_->set_event_sink(&sink_);
    root_ = fs::temp_directory_path() / ("parley-files-app-" + new_id());
    app_->set_file_backend(std::make_shared<files::LocalBackend>(root_));
    team_ = new_id();
    channel_ = new_id();
    other_channel_ = new_id();
    alice_ = user("alice");
    bob_ = user("bob");
    carol_ = user("carol");
    sql("INSERT INTO Teams (Id, CreateAt, UpdateAt, DisplayName, Name, Type) VALUES ('" + team_ +
        "', 1, 1, 'T', 't', 'O')");
    for (const auto& c : {channel_, other_channel_})
      sql("INSERT INTO Channels (Id, CreateAt, UpdateAt, TeamId, Type, DisplayName, Name) "
          "VALUES ('" +
          c + "', 1, 1, '" + team_ + "', 'P', 'Private', 'p" + c + "')");
    for (const auto* u : {&alice_, &bob_, &carol_})
      sql("INSERT INTO TeamMembers (TeamId, UserId) VALUES ('" + team_ + "', '" + u->user_id +
          "')");
    for (const auto* u : {&alice_, &bob_})
      sql("INSERT INTO ChannelMembers (ChannelId, UserId) VALUES ('" + channel_ + "', '" +
          u->user_id + "')");
    sql("INSERT INTO ChannelMembers (ChannelId, UserId) VALUES ('" + other_channel_ + "', '" +
        alice_.user_id + "')");
  }
  void TearDown() override {
    app_.reset();
    store_.reset();
    db_.reset();
    fs::remove_all(root_);
  }

  void sql(const std::string& s) { db_->exec(s); }

  model::Session user(const std::string& name) {
    model::User u;
    u.id = new_id();
    u.username = name;
    u.email = name + "@example.com";
    u.roles = "system_user";
    u.notify_props = model::default_notify_props();
    u.create_at = u.update_at = 1;
    store_->users().insert(u);
    model::Session s;
    s.user_id = u.id;
    s.roles = u.roles;
    return s;
  }

  model::FileInfo upload(const model::Session& s, const std::string& channel,
                         const std::string& name = "notes.txt", std::string data = "") {
    if (data.empty()) data = "hello " + name;
    auto r = upload_file(*app_, s, channel, name, data, now_ms());
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().id);
    return r.ok() ? *r : model::FileInfo{};
  }

  std::string stored_content(const std::string& id) {
    return store_->file_infos().content(id).value_or("<missing>");
  }
  void set_file_settings(const char* key, bj::value v) {
    auto tree = config::default_tree();
    tree["FileSettings"].as_object()["MaxFileSize"] = 1000;
    tree["FileSettings"].as_object()[key] = v;
    app_->set_config(std::make_shared<const config::Config>(config::from_tree(tree)));
  }

  std::unique_ptr<test::TestDatabase> db_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<App> app_;
  Sink sink_;
  fs::path root_;
  std::string team_, channel_, other_channel_;
  model::Session alice_, bob_, carol_;
};

TEST_F(FilesAppTest, UploadStoresTheFileWhereMattermostWould) {
  auto f = upload(alice_, channel_, "dir/../report.TXT");
  EXPECT_EQ(f.name, "report.TXT");
  EXPECT_EQ(f.extension, "txt");
  EXPECT_EQ(f.mime_type, "text/plain; charset=utf-8");
  EXPECT_EQ(f.size, 23);
  EXPECT_TRUE(f.path.ends_with("/teams/noteam/channels/" + channel_ + "/users/" + alice_.user_id +
                               "/" + f.id + "/report.TXT"))
      << f.path;
  EXPECT_TRUE(f.thumbnail_path.empty());
  EXPECT_TRUE(fs::is_regular_file(root_ / f.path));
  auto content = get_file_content(*app_, alice_, f.id, FileVariant::original);
  ASSERT_TRUE(content);
  EXPECT_EQ(content->data, "hello dir/../report.TXT");
  EXPECT_EQ(get_file_content(*app_, alice_, f.id, FileVariant::thumbnail).error().id,
            "api.file.get_file_thumbnail.no_thumbnail.app_error");
}

TEST_F(FilesAppTest, UploadChecksSizeAndPermission) {
  auto big = upload_file(*app_, alice_, channel_, "big.bin", std::string(1001, 'x'), now_ms());
  ASSERT_FALSE(big);
  EXPECT_EQ(big.error().status_code, 413);
  EXPECT_EQ(big.error().id, "api.file.upload_file.too_large_detailed.app_error");
  EXPECT_FALSE(check_upload_permission(*app_, carol_, channel_));
  EXPECT_EQ(check_upload_permission(*app_, carol_, channel_).error().status_code, 403);
  EXPECT_TRUE(check_upload_permission(*app_, bob_, channel_));
}

TEST_F(FilesAppTest, OnlyTheCreatorReadsAnUnattachedFile) {
  auto f = upload(alice_, channel_);
  EXPECT_TRUE(get_file_info(*app_, alice_, f.id));
  EXPECT_EQ(get_file_info(*app_, bob_, f.id).error().status_code, 403);
  EXPECT_EQ(get_file_info(*app_, alice_, new_id()).error().status_code, 404);
}

TEST_F(FilesAppTest, PostsAttachOwnFilesOfTheChannelAndCarryThemInMetadata) {
  auto mine = upload(alice_, channel_, "a.txt");
  auto mine2 = upload(alice_, channel_, "b.txt");
  auto bobs = upload(bob_, channel_, "bob.txt");
  auto elsewhere = upload(alice_, other_channel_, "c.txt");
  model::Post p;
  p.channel_id = channel_;
  p.message = "files";
  p.file_ids = {mine.id, bobs.id, elsewhere.id, mine2.id, new_id()};
  auto created = create_post(*app_, alice_, p, true);
  ASSERT_TRUE(created) << created.error().id;
  EXPECT_EQ(created->file_ids, (std::vector<std::string>{mine.id, mine2.id}));
  ASSERT_EQ(created->files.size(), 2u);
  EXPECT_EQ(created->files[0].post_id, created->id);
  // The posted event's post has metadata.files.
  const Event* posted = nullptr;
  for (const auto& e : sink_.events)
    if (e.name == "posted") posted = &e;
  ASSERT_TRUE(posted);
  auto post_json = bj::parse(posted->data.at("post").as_string()).as_object();
  EXPECT_EQ(post_json["metadata"].as_object()["files"].as_array().size(), 2u);
  // Bob, a channel member, now reads Alice's attached file; Carol still cannot.
  EXPECT_TRUE(get_file_content(*app_, bob_, mine.id, FileVariant::original));
  EXPECT_EQ(get_file_info(*app_, carol_, mine.id).error().status_code, 403);
  auto infos = get_file_infos_for_post(*app_, bob_, created->id, false);
  ASSERT_TRUE(infos);
  EXPECT_EQ(infos->size(), 2u);
  EXPECT_FALSE(get_file_infos_for_post(*app_, carol_, created->id, false));
  // A file attached once cannot be attached to another post.
  model::Post again;
  again.channel_id = channel_;
  again.message = "again";
  again.file_ids = {mine.id};
  auto second = create_post(*app_, alice_, again, true);
  ASSERT_TRUE(second);
  EXPECT_TRUE(second->file_ids.empty());
}

TEST_F(FilesAppTest, EditsChangeFilesAndDeletesSoftDeleteThem) {
  auto a = upload(alice_, channel_, "a.txt");
  auto b = upload(alice_, channel_, "b.txt");
  model::Post p;
  p.channel_id = channel_;
  p.message = "files";
  p.file_ids = {a.id};
  auto created = create_post(*app_, alice_, p, true);
  ASSERT_TRUE(created);
  model::Post edit = *created;
  edit.file_ids = {b.id};
  auto edited = update_post(*app_, alice_, created->id, edit, true);
  ASSERT_TRUE(edited) << edited.error().id;
  EXPECT_EQ(edited->file_ids, std::vector<std::string>{b.id});
  EXPECT_NE(edited->edit_at, 0);
  ASSERT_EQ(edited->files.size(), 1u);
  EXPECT_EQ(edited->files[0].id, b.id);
  EXPECT_FALSE(store_->file_infos().get(a.id));  // removed from the post: soft deleted
  ASSERT_TRUE(delete_post(*app_, alice_, created->id));
  EXPECT_FALSE(store_->file_infos().get(b.id));
  auto all = store_->file_infos().for_post(created->id, true);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_NE(all[0].delete_at, 0);
  EXPECT_NE(all[1].delete_at, 0);
}

TEST_F(FilesAppTest, PublicLinksNeedAPostAndTheRightHash) {
  auto f = upload(alice_, channel_);
  EXPECT_EQ(get_public_link(*app_, alice_, f.id, "http://x").error().id,
            "api.file.get_public_link.no_post.app_error");
  model::Post p;
  p.channel_id = channel_;
  p.message = "link";
  p.file_ids = {f.id};
  ASSERT_TRUE(create_post(*app_, alice_, p, true));
  auto link = get_public_link(*app_, alice_, f.id, "http://x");
  ASSERT_TRUE(link);
  std::string hash = public_link_hash(f.id, "salt");
  EXPECT_EQ(*link, "http://x/files/" + f.id + "/public?h=" + hash);
  EXPECT_EQ(hash.size(), 43u);  // unpadded base64url of a SHA-256
  // base64url(sha256("salt" + "abc")), as Mattermost's GeneratePublicLinkHash.
  EXPECT_EQ(public_link_hash("abc", "salt"), "NoEJmRi-KMlbgeJ-flwuTGpt6lZtLRDn9JE567d5628");
  EXPECT_EQ(hash.find_first_of("+/="), std::string::npos);
  auto pub = get_public_file(*app_, f.id, hash);
  ASSERT_TRUE(pub);
  EXPECT_EQ(pub->data, "hello notes.txt");
  EXPECT_EQ(get_public_file(*app_, f.id, hash.substr(1) + "A").error().id,
            "api.file.get_file.public_invalid.app_error");
}

// ExtractContent (on by default): the text of uploads lands in FileInfo.Content, never in JSON.
TEST_F(FilesAppTest, UploadsTextIsExtractedForSearch) {
  auto txt = upload(alice_, channel_, "notes.txt", "plain words here");
  EXPECT_EQ(stored_content(txt.id), "plain words here");
  EXPECT_FALSE(model::to_json(*store_->file_infos().get(txt.id)).contains("content"));
  auto pdf = upload(alice_, channel_, "scan.pdf", test::make_pdf({"albatross sighting"}));
  EXPECT_NE(stored_content(pdf.id).find("albatross sighting"), std::string::npos)
      << stored_content(pdf.id);
  // Images are never read, whatever their bytes.
  auto png = upload(alice_, channel_, "fake.png", "text in an image");
  EXPECT_EQ(stored_content(png.id), "");
  auto binary = upload(alice_, channel_, "blob.bin", std::string("\0\1\2\3\4\5", 6));
  EXPECT_EQ(stored_content(binary.id), "");
  // Stored text is valid UTF-8 without NUL bytes (PostgreSQL takes nothing else).
  auto odd = upload(alice_, channel_, "odd.txt", std::string("caf\xE9 ok\0ab", 10));
  EXPECT_EQ(stored_content(odd.id), "caf\xEF\xBF\xBD okab");

  set_file_settings("ExtractContent", false);
  auto off = upload(alice_, channel_, "off.txt", "not extracted");
  EXPECT_EQ(stored_content(off.id), "");
}

TEST_F(FilesAppTest, ArchiveRecursionReadsZipEntries) {
  std::string zip = test::make_zip({{"inner/readme.txt", "cormorant colony"}});
  auto names = upload(alice_, channel_, "bundle.zip", zip);
  EXPECT_EQ(stored_content(names.id), "inner/readme.txt ");
  set_file_settings("ArchiveRecursion", true);
  auto deep = upload(alice_, channel_, "bundle.zip", zip);
  EXPECT_EQ(stored_content(deep.id), "inner/readme.txt cormorant colony ");
}

// With a ContentExtractionQueue the upload returns first; the worker stores the text.
TEST_F(FilesAppTest, ContentExtractionQueueWorksOffTheRequest) {
  std::string last;
  {
    ContentExtractionQueue queue(*app_);
    app_->set_content_extraction(&queue);
    auto a = upload(alice_, channel_, "a.txt", "first queued");
    auto b = upload(alice_, channel_, "b.txt", "second queued");
    queue.drain();
    EXPECT_EQ(stored_content(a.id), "first queued");
    EXPECT_EQ(stored_content(b.id), "second queued");
    last = upload(alice_, channel_, "c.txt", "left for shutdown").id;
    app_->set_content_extraction(nullptr);
  }
  // The queue's destructor extracted what was still queued.
  EXPECT_EQ(stored_content(last), "left for shutdown");
}

}  // namespace
}  // namespace parley::app
