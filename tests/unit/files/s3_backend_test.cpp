// Tests for the S3 driver's pure parts (key layout, URI encoding, settings) and its failure on
// an unreachable endpoint. Requests against a real S3 server: tests/e2e/files_s3.test.mjs.
#include "files/s3_backend.h"

#include <gtest/gtest.h>

namespace parley::files {
namespace {

TEST(S3BackendTest, EncodesKeysForPathStyleUrls) {
  EXPECT_EQ(s3_uri_encode("a b/c~d_e.f-g", true), "a%20b/c~d_e.f-g");
  EXPECT_EQ(s3_uri_encode("a/b+c=d&e", false), "a%2Fb%2Bc%3Dd%26e");
  EXPECT_EQ(s3_uri_encode("\xc3\xa9", true), "%C3%A9");
}

TEST(S3BackendTest, ReadsMattermostSettings) {
  config::FileSettings s;
  s.driver_name = "amazons3";
  s.amazon_s3_bucket = "b";
  s.amazon_s3_endpoint = "minio:9000";
  s.amazon_s3_path_prefix = "/team/files/";
  s.amazon_s3_ssl = false;
  auto o = S3Options::from_settings(s);
  EXPECT_EQ(o.region, "us-east-1");  // Mattermost's default when empty
  EXPECT_EQ(o.path_prefix, "team/files");
  EXPECT_FALSE(o.ssl);
  auto backend = make_backend(s);
  ASSERT_TRUE(backend);
  EXPECT_EQ((*backend)->driver_name(), "amazons3");
  auto* s3 = dynamic_cast<S3Backend*>(backend->get());
  ASSERT_NE(s3, nullptr);
  EXPECT_EQ(s3->object_key("2026/x.txt"), "team/files/2026/x.txt");
  s.amazon_s3_bucket.clear();
  EXPECT_FALSE(make_backend(s));
}

TEST(S3BackendTest, UnreachableEndpointIsAStorageError) {
  S3Options o;
  o.endpoint = "127.0.0.1:1";
  o.bucket = "b";
  o.ssl = false;
  o.timeout_ms = 2000;
  auto backend = S3Backend::create(o);
  ASSERT_TRUE(backend);
  auto r = (*backend)->exists("a/b");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().status_code, 500);
  EXPECT_FALSE((*backend)->write("../x", "y"));
  EXPECT_EQ((*backend)->write("../x", "y").error().status_code, 400);
}

}  // namespace
}  // namespace parley::files
