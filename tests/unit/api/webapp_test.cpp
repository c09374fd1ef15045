// Tests for the choice of web client folder: a Mattermost web app build in ClientDirectory wins,
// else Parley's own client in WebClientDirectory.
#include "api/webapp.h"

#include <gtest/gtest.h>

#include <fstream>

namespace parley::api {
namespace {

class WebClientFolderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = std::filesystem::temp_directory_path() /
            ("parley-webapp-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
             "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(root_ / "client");
    std::filesystem::create_directories(root_ / "own");
    settings_.client_directory = (root_ / "client").string();
    settings_.web_client_directory = (root_ / "own").string();
  }
  void TearDown() override { std::filesystem::remove_all(root_); }

  std::filesystem::path root_;
  config::ParleySettings settings_;
};

TEST_F(WebClientFolderTest, OwnClientWhenClientDirectoryHasNoRootHtml) {
  std::ofstream(root_ / "client" / "index.html") << "not the web app";
  EXPECT_EQ(web_client_folder(settings_), root_ / "own");
}

TEST_F(WebClientFolderTest, OfficialBuildWinsWhenItHasRootHtml) {
  std::ofstream(root_ / "client" / "root.html") << "<html></html>";
  EXPECT_EQ(web_client_folder(settings_), root_ / "client");
}

TEST_F(WebClientFolderTest, MissingClientDirectoryFallsBack) {
  settings_.client_directory = (root_ / "absent").string();
  EXPECT_EQ(web_client_folder(settings_), root_ / "own");
}

TEST(AcceptsGzipTest, ReadsCodingsAndWeights) {
  EXPECT_TRUE(accepts_gzip("gzip"));
  EXPECT_TRUE(accepts_gzip("gzip, deflate, br, zstd"));
  EXPECT_TRUE(accepts_gzip("br;q=1.0, gzip;q=0.8"));
  EXPECT_TRUE(accepts_gzip("*"));
  EXPECT_FALSE(accepts_gzip(""));
  EXPECT_FALSE(accepts_gzip("identity"));
  EXPECT_FALSE(accepts_gzip("deflate, br"));
  EXPECT_FALSE(accepts_gzip("gzip;q=0"));
  EXPECT_FALSE(accepts_gzip("gzip; q=0.000, br"));
  EXPECT_FALSE(accepts_gzip("x-gzip"));
}

TEST(WebClientDefaults, OwnClientDefaultsToTheViteBuild) {
  EXPECT_EQ(config::default_config().parley.web_client_directory, "./webapp/dist");
  EXPECT_EQ(config::default_config().parley.client_directory, "./client");
}

}  // namespace
}  // namespace parley::api
