// Tests for the "local" files driver: write/read/range/exists/size/remove/list and path safety.
#include "files/local_backend.h"

#include <filesystem>

#include <gtest/gtest.h>

#include "util/ids.h"

namespace parley::files {
namespace {

class LocalBackendTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = std::filesystem::temp_directory_path() / ("parley-files-" + new_id());
    backend_ = std::make_unique<LocalBackend>(root_);
  }
  void TearDown() override { std::filesystem::remove_all(root_); }

  std::filesystem::path root_;
  std::unique_ptr<LocalBackend> backend_;
};

TEST_F(LocalBackendTest, WritesAndReadsNestedFiles) {
  ASSERT_TRUE(backend_->test_connection());
  auto n = backend_->write("20260101/teams/t/a b.txt", std::string("hello\0world", 11));
  ASSERT_TRUE(n);
  EXPECT_EQ(*n, 11);
  EXPECT_TRUE(std::filesystem::is_regular_file(root_ / "20260101/teams/t/a b.txt"));
  auto data = backend_->read("20260101/teams/t/a b.txt");
  ASSERT_TRUE(data);
  EXPECT_EQ(*data, std::string("hello\0world", 11));
  EXPECT_EQ(*backend_->read_range("20260101/teams/t/a b.txt", 6, 3), "wor");
  EXPECT_EQ(*backend_->read_range("20260101/teams/t/a b.txt", 8, 100), "rld");
  EXPECT_EQ(*backend_->size("20260101/teams/t/a b.txt"), 11);
  EXPECT_TRUE(*backend_->exists("20260101/teams/t/a b.txt"));
  ASSERT_TRUE(backend_->write("20260101/teams/t/a b.txt", "new"));
  EXPECT_EQ(*backend_->read("20260101/teams/t/a b.txt"), "new");
}

TEST_F(LocalBackendTest, MissingFilesAreNotFound) {
  auto r = backend_->read("nope/file");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().status_code, 404);
  EXPECT_FALSE(*backend_->exists("nope/file"));
  EXPECT_EQ(backend_->size("nope/file").error().status_code, 404);
  EXPECT_TRUE(backend_->remove("nope/file"));
}

TEST_F(LocalBackendTest, RemovesFilesAndFolders) {
  ASSERT_TRUE(backend_->write("d/one", "1"));
  ASSERT_TRUE(backend_->write("d/sub/two", "2"));
  ASSERT_TRUE(backend_->write("other", "3"));
  auto listed = backend_->list("d");
  ASSERT_TRUE(listed);
  EXPECT_EQ(*listed, (std::vector<std::string>{"d/one", "d/sub/two"}));
  ASSERT_TRUE(backend_->remove("d/one"));
  EXPECT_FALSE(*backend_->exists("d/one"));
  ASSERT_TRUE(backend_->remove_directory("d"));
  EXPECT_FALSE(*backend_->exists("d/sub/two"));
  EXPECT_TRUE(*backend_->exists("other"));
}

TEST_F(LocalBackendTest, RefusesPathsLeavingTheRoot) {
  for (const char* bad : {"../escape", "a/../../b", "/etc/passwd", ""}) {
    auto r = backend_->write(bad, "x");
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().status_code, 400);
    EXPECT_EQ(r.error().id, "api.file.invalid_path.app_error");
    EXPECT_FALSE(backend_->read(bad));
  }
  EXPECT_TRUE(is_safe_path("a/..b/c.."));
}

TEST(MakeBackendTest, PicksTheConfiguredDriver) {
  config::FileSettings s;
  s.driver_name = "local";
  s.directory = "./data/";
  auto b = make_backend(s);
  ASSERT_TRUE(b);
  EXPECT_EQ((*b)->driver_name(), "local");
  s.driver_name = "floppy";
  auto bad = make_backend(s);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().id, "api.file.no_driver.app_error");
}

}  // namespace
}  // namespace parley::files
