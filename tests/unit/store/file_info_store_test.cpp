// Tests for the FileInfo store on either backend: save/get with every column, lists by post,
// attaching (only unattached files of the creator), soft and permanent deletes.
#include "store/file_info_store.h"

#include "store_fixture.h"

#include <gtest/gtest.h>

namespace parley::testing {
namespace {

class FileInfoStoreTest : public StoreFixture {
 protected:
  model::FileInfo file(const std::string& creator, const std::string& channel, int64_t at) {
    model::FileInfo f = model::new_file_info("photo.JPG");
    f.id = new_id();
    f.creator_id = creator;
    f.channel_id = channel;
    f.create_at = f.update_at = at;
    f.path = "20260101/teams/noteam/channels/" + channel + "/users/" + creator + "/" + f.id +
             "/photo.JPG";
    f.size = 1234;
    store().file_infos().save(f);
    return f;
  }
  std::string user_ = new_id(), channel_ = new_id();
};

TEST_F(FileInfoStoreTest, SavesAndReadsEveryColumn) {
  model::FileInfo f = model::new_file_info("photo.JPG");
  EXPECT_EQ(f.extension, "jpg");
  EXPECT_EQ(f.mime_type, "image/jpeg");
  f.id = new_id();
  f.creator_id = user_;
  f.channel_id = channel_;
  f.create_at = 10;
  f.update_at = 11;
  f.path = "p/photo.JPG";
  f.thumbnail_path = "p/photo_thumb.jpg";
  f.preview_path = "p/photo_preview.jpg";
  f.size = 99;
  f.width = 150;
  f.height = 300;
  f.has_preview_image = true;
  f.mini_preview = std::string("\xff\xd8\0\x01", 4);
  f.content = "words";
  store().file_infos().save(f);
  auto got = store().file_infos().get(f.id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->creator_id, user_);
  EXPECT_EQ(got->path, "p/photo.JPG");
  EXPECT_EQ(got->thumbnail_path, "p/photo_thumb.jpg");
  EXPECT_EQ(got->preview_path, "p/photo_preview.jpg");
  EXPECT_EQ(got->name, "photo.JPG");
  EXPECT_EQ(got->size, 99);
  EXPECT_EQ(got->width, 150);
  EXPECT_EQ(got->height, 300);
  EXPECT_TRUE(got->has_preview_image);
  EXPECT_EQ(got->mini_preview, std::string("\xff\xd8\0\x01", 4));
  EXPECT_EQ(got->content, "") << "reads leave the extracted text behind";
  EXPECT_EQ(store().file_infos().content(f.id), "words");
  EXPECT_EQ(got->update_at, 11);
  EXPECT_FALSE(store().file_infos().get(new_id()));
  EXPECT_FALSE(store().file_infos().content(new_id()));
}

TEST_F(FileInfoStoreTest, AttachesOnlyUnattachedFilesOfTheCreator) {
  auto a = file(user_, channel_, 1);
  auto b = file(user_, channel_, 2);
  auto other = file(new_id(), channel_, 3);
  std::string post = new_id();
  EXPECT_TRUE(store().file_infos().attach_to_post(b.id, post, channel_, user_));
  EXPECT_TRUE(store().file_infos().attach_to_post(a.id, post, channel_, user_));
  EXPECT_FALSE(store().file_infos().attach_to_post(a.id, new_id(), channel_, user_));
  EXPECT_FALSE(store().file_infos().attach_to_post(other.id, post, channel_, user_));
  auto infos = store().file_infos().for_post(post);
  ASSERT_EQ(infos.size(), 2u);
  EXPECT_EQ(infos[0].id, a.id);  // oldest first
  EXPECT_EQ(infos[1].id, b.id);
  EXPECT_EQ(infos[0].post_id, post);
  EXPECT_EQ(store().file_infos().for_posts({post, new_id()}).size(), 2u);
  EXPECT_EQ(store().file_infos().get_many({a.id, other.id, new_id()}).size(), 2u);
}

TEST_F(FileInfoStoreTest, SoftAndPermanentDeletes) {
  auto a = file(user_, channel_, 1);
  auto b = file(user_, channel_, 2);
  std::string post = new_id();
  ASSERT_TRUE(store().file_infos().attach_to_post(a.id, post, channel_, user_));
  ASSERT_TRUE(store().file_infos().attach_to_post(b.id, post, channel_, user_));
  store().file_infos().delete_for_post_by_ids(post, {b.id}, 50);
  EXPECT_FALSE(store().file_infos().get(b.id));
  ASSERT_EQ(store().file_infos().for_post(post).size(), 1u);
  auto all = store().file_infos().for_post(post, true);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[1].delete_at, 50);
  EXPECT_EQ(all[1].update_at, 50);
  store().file_infos().delete_for_post(post, 60);
  EXPECT_TRUE(store().file_infos().for_post(post).empty());
  EXPECT_TRUE(store().file_infos().for_posts({post}).empty());
  auto removed = store().file_infos().permanent_delete_for_post(post);
  EXPECT_EQ(removed.size(), 2u);
  EXPECT_TRUE(store().file_infos().for_post(post, true).empty());
}

TEST_F(FileInfoStoreTest, PermanentDeletesForChannelsAndTeams) {
  std::string team = new_id(), team_channel = new_id();
  exec_sql("INSERT INTO Channels (Id, CreateAt, UpdateAt, Type, Name, TeamId) VALUES ('" +
           team_channel + "', 1, 1, 'O', 'c', '" + team + "')");
  auto in_channel = file(user_, channel_, 1);
  auto in_team = file(user_, team_channel, 2);
  auto removed = store().file_infos().permanent_delete_for_channel(channel_);
  ASSERT_EQ(removed.size(), 1u);
  EXPECT_EQ(removed[0].id, in_channel.id);
  EXPECT_FALSE(store().file_infos().get(in_channel.id));
  EXPECT_TRUE(store().file_infos().get(in_team.id));
  removed = store().file_infos().permanent_delete_for_team(team);
  ASSERT_EQ(removed.size(), 1u);
  EXPECT_EQ(removed[0].path, in_team.path);
  EXPECT_FALSE(store().file_infos().get(in_team.id));
}

}  // namespace
}  // namespace parley::testing
