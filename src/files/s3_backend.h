// The "amazons3" files driver: objects in an S3-compatible bucket, path-style URLs
// (http[s]://<endpoint>/<bucket>/<prefix>/<path>), requests signed with AWS Signature V4 by
// libcurl (CURLOPT_AWS_SIGV4). One curl easy handle per request; no global mutable state.
#pragma once

#include <map>
#include <string>

#include "files/backend.h"

namespace parley::files {

struct S3Options {
  std::string endpoint = "s3.amazonaws.com";  // host[:port]
  std::string bucket;
  std::string region = "us-east-1";
  std::string access_key_id;
  std::string secret_access_key;
  std::string path_prefix;  // joined before every path, without surrounding slashes
  bool ssl = true;
  bool sse = false;  // ask for server-side encryption (AES256) on writes
  bool trace = false;
  int64_t timeout_ms = 30000;

  static S3Options from_settings(const config::FileSettings& s);
};

class S3Backend final : public Backend {
 public:
  // 500 when the bucket or endpoint is missing.
  static Result<std::unique_ptr<S3Backend>> create(S3Options options);

  std::string_view driver_name() const override { return "amazons3"; }
  // Checks that the bucket exists and creates it when it does not (as Mattermost does).
  Status test_connection() override;
  Result<int64_t> write(std::string_view path, std::string_view data) override;
  Result<std::string> read(std::string_view path) override;
  Result<std::string> read_range(std::string_view path, int64_t offset, int64_t length) override;
  Result<bool> exists(std::string_view path) override;
  Result<int64_t> size(std::string_view path) override;
  Status remove(std::string_view path) override;
  Status remove_directory(std::string_view path) override;
  Result<std::vector<std::string>> list(std::string_view path) override;

  // The object key for a backend path (path prefix applied).
  std::string object_key(std::string_view path) const;

  struct Response {
    long status = 0;
    std::string body;
    std::map<std::string, std::string> headers;  // lower-case names
  };

 private:
  explicit S3Backend(S3Options options) : options_(std::move(options)) {}

  struct Request {
    std::string method = "GET";
    std::string key = {};    // object key; empty for the bucket itself
    std::string query = {};  // already encoded, parameters sorted by name
    std::string_view body = {};
    std::vector<std::string> headers = {};
  };
  Result<Response> perform(const Request& r) const;
  Result<std::vector<std::string>> list_keys(const std::string& prefix) const;

  S3Options options_;
};

// Percent-encodes for an S3 URI: unreserved characters kept, '/' kept when `keep_slash`.
std::string s3_uri_encode(std::string_view s, bool keep_slash);

}  // namespace parley::files
