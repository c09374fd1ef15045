// The "amazons3" files driver over libcurl. Every request carries x-amz-content-sha256 (the
// SHA-256 of its body, computed here) and is signed by curl's AWS SigV4 support with
// "aws:amz:<region>:s3". Listing uses ListObjectsV2 and a minimal reader for its XML answer.
#include "files/s3_backend.h"

#include <curl/curl.h>
#include <openssl/evp.h>

#include <algorithm>
#include <memory>
#include <mutex>

#include "files/errors.h"
#include "util/log.h"

namespace parley::files {

namespace {

std::string trim_slashes(std::string s) {
  while (!s.empty() && s.front() == '/') s.erase(s.begin());
  while (!s.empty() && s.back() == '/') s.pop_back();
  return s;
}

std::string sha256_hex(std::string_view data) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), md, &len, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned i = 0; i < len; ++i) {
    out += kHex[md[i] >> 4];
    out += kHex[md[i] & 15];
  }
  return out;
}

struct CurlDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct SlistDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

struct UploadCursor {
  std::string_view data;
  size_t offset = 0;
};

size_t read_body(char* buffer, size_t size, size_t n, void* user) {
  auto* cur = static_cast<UploadCursor*>(user);
  size_t take = std::min(size * n, cur->data.size() - cur->offset);
  std::copy_n(cur->data.data() + cur->offset, take, buffer);
  cur->offset += take;
  return take;
}

size_t write_body(char* data, size_t size, size_t n, void* user) {
  static_cast<std::string*>(user)->append(data, size * n);
  return size * n;
}

size_t write_header(char* data, size_t size, size_t n, void* user) {
  std::string_view line(data, size * n);
  auto colon = line.find(':');
  if (colon != std::string_view::npos) {
    std::string name(line.substr(0, colon));
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
      value.remove_prefix(1);
    while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' '))
      value.remove_suffix(1);
    (*static_cast<std::map<std::string, std::string>*>(user))[name] = std::string(value);
  }
  return size * n;
}

std::string xml_unescape(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    auto semi = s.find(';', i);
    std::string_view ent = s.substr(i + 1, semi == std::string_view::npos ? 0 : semi - i - 1);
    if (ent == "amp")
      out += '&';
    else if (ent == "lt")
      out += '<';
    else if (ent == "gt")
      out += '>';
    else if (ent == "quot")
      out += '"';
    else if (ent == "apos")
      out += '\'';
    else if (!ent.empty() && ent[0] == '#') {
      long code = ent.size() > 1 && (ent[1] == 'x' || ent[1] == 'X')
                      ? std::strtol(std::string(ent.substr(2)).c_str(), nullptr, 16)
                      : std::strtol(std::string(ent.substr(1)).c_str(), nullptr, 10);
      if (code < 0x80) out += static_cast<char>(code);  // keys are ASCII-escaped only below 128
    } else {
      out += '&';
      continue;
    }
    i = semi;
  }
  return out;
}

// The text of every <tag>...</tag> element in `xml`, in order.
std::vector<std::string> xml_values(std::string_view xml, std::string_view tag) {
  std::vector<std::string> out;
  std::string open = "<" + std::string(tag) + ">", close = "</" + std::string(tag) + ">";
  size_t pos = 0;
  while ((pos = xml.find(open, pos)) != std::string_view::npos) {
    pos += open.size();
    auto end = xml.find(close, pos);
    if (end == std::string_view::npos) break;
    out.push_back(xml_unescape(xml.substr(pos, end - pos)));
    pos = end + close.size();
  }
  return out;
}

AppError s3_error(std::string_view op, const S3Backend::Response& r) {
  auto code = xml_values(r.body, "Code");
  return storage_error(
      "api.file.s3." + std::string(op) + ".app_error",
      "S3 answered " + std::to_string(r.status) + (code.empty() ? "" : " " + code.front()));
}

}  // namespace

std::string s3_uri_encode(std::string_view s, bool keep_slash) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' ||
        (keep_slash && c == '/')) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

S3Options S3Options::from_settings(const config::FileSettings& s) {
  S3Options o;
  if (!s.amazon_s3_endpoint.empty()) o.endpoint = s.amazon_s3_endpoint;
  o.bucket = s.amazon_s3_bucket;
  if (!s.amazon_s3_region.empty()) o.region = s.amazon_s3_region;
  o.access_key_id = s.amazon_s3_access_key_id;
  o.secret_access_key = s.amazon_s3_secret_access_key;
  o.path_prefix = trim_slashes(s.amazon_s3_path_prefix);
  o.ssl = s.amazon_s3_ssl;
  o.sse = s.amazon_s3_sse;
  o.trace = s.amazon_s3_trace;
  if (s.amazon_s3_request_timeout_milliseconds > 0)
    o.timeout_ms = s.amazon_s3_request_timeout_milliseconds;
  return o;
}

Result<std::unique_ptr<S3Backend>> S3Backend::create(S3Options options) {
  if (options.bucket.empty() || options.endpoint.empty())
    return storage_error("api.file.s3.configuration.app_error",
                         "AmazonS3Bucket and AmazonS3Endpoint must be set");
  static std::once_flag curl_ready;
  std::call_once(curl_ready, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  options.path_prefix = trim_slashes(options.path_prefix);
  return std::unique_ptr<S3Backend>(new S3Backend(std::move(options)));
}

std::string S3Backend::object_key(std::string_view path) const {
  if (options_.path_prefix.empty()) return std::string(path);
  return options_.path_prefix + "/" + std::string(path);
}

Result<S3Backend::Response> S3Backend::perform(const Request& r) const {
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) return storage_error("api.file.s3.request.app_error", "curl_easy_init failed");
  std::string url = (options_.ssl ? "https://" : "http://") + options_.endpoint + "/" +
                    s3_uri_encode(options_.bucket, false);
  if (!r.key.empty()) url += "/" + s3_uri_encode(r.key, true);
  if (!r.query.empty()) url += "?" + r.query;

  std::unique_ptr<curl_slist, SlistDeleter> headers;
  auto add_header = [&](const std::string& h) {
    headers.reset(curl_slist_append(headers.release(), h.c_str()));
  };
  add_header("x-amz-content-sha256: " + sha256_hex(r.body));
  add_header("Expect:");
  for (const auto& h : r.headers) add_header(h);

  Response resp;
  UploadCursor upload{r.body};
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.timeout_ms));
  std::string sigv4 = "aws:amz:" + options_.region + ":s3";
  curl_easy_setopt(c, CURLOPT_AWS_SIGV4, sigv4.c_str());
  curl_easy_setopt(c, CURLOPT_USERNAME, options_.access_key_id.c_str());
  curl_easy_setopt(c, CURLOPT_PASSWORD, options_.secret_access_key.c_str());
  if (r.method == "PUT") {
    curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(c, CURLOPT_READFUNCTION, read_body);
    curl_easy_setopt(c, CURLOPT_READDATA, &upload);
    curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(r.body.size()));
  } else if (r.method == "HEAD") {
    curl_easy_setopt(c, CURLOPT_NOBODY, 1L);
  } else if (r.method != "GET") {
    curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, r.method.c_str());
  }
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, write_body);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &resp.body);
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, write_header);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &resp.headers);
  CURLcode rc = curl_easy_perform(c);
  if (rc != CURLE_OK)
    return storage_error("api.file.s3.request.app_error",
                         r.method + " " + url + ": " + curl_easy_strerror(rc));
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &resp.status);
  if (options_.trace)
    log::info("s3 request", {{"method", r.method}, {"url", url}, {"status", resp.status}});
  return resp;
}

Status S3Backend::test_connection() {
  auto head = perform({.method = "HEAD"});
  if (!head) return std::move(head).error();
  if (head->status == 200) return {};
  if (head->status != 404) return s3_error("test_connection", *head);
  std::string body;
  if (options_.region != "us-east-1")
    body =
        "<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
        "<LocationConstraint>" +
        options_.region + "</LocationConstraint></CreateBucketConfiguration>";
  auto made = perform({.method = "PUT", .body = body});
  if (!made) return std::move(made).error();
  if (made->status != 200) return s3_error("make_bucket", *made);
  return {};
}

Result<int64_t> S3Backend::write(std::string_view path, std::string_view data) {
  if (!is_safe_path(path)) return invalid_path(path);
  Request r{.method = "PUT", .key = object_key(path), .body = data};
  if (options_.sse) r.headers.push_back("x-amz-server-side-encryption: AES256");
  auto resp = perform(r);
  if (!resp) return std::move(resp).error();
  if (resp->status != 200) return s3_error("write_file", *resp);
  return static_cast<int64_t>(data.size());
}

Result<std::string> S3Backend::read(std::string_view path) {
  return read_range(path, 0, -1);
}

Result<std::string> S3Backend::read_range(std::string_view path, int64_t offset, int64_t length) {
  if (!is_safe_path(path) || offset < 0) return invalid_path(path);
  if (length == 0) return std::string();
  Request r{.key = object_key(path)};
  if (offset > 0 || length > 0)
    r.headers.push_back("Range: bytes=" + std::to_string(offset) + "-" +
                        (length > 0 ? std::to_string(offset + length - 1) : ""));
  auto resp = perform(r);
  if (!resp) return std::move(resp).error();
  if (resp->status == 404) return file_not_found(path);
  if (resp->status == 416) return std::string();  // offset past the end
  if (resp->status != 200 && resp->status != 206) return s3_error("read_file", *resp);
  // A server that ignores Range answers 200 with the whole object.
  if (resp->status == 200 && (offset > 0 || length > 0)) {
    auto start = std::min<size_t>(static_cast<size_t>(offset), resp->body.size());
    return resp->body.substr(start, length > 0 ? static_cast<size_t>(length) : std::string::npos);
  }
  return std::move(resp->body);
}

Result<bool> S3Backend::exists(std::string_view path) {
  if (!is_safe_path(path)) return invalid_path(path);
  auto resp = perform({.method = "HEAD", .key = object_key(path)});
  if (!resp) return std::move(resp).error();
  if (resp->status == 404) return false;
  if (resp->status != 200) return s3_error("file_exists", *resp);
  return true;
}

Result<int64_t> S3Backend::size(std::string_view path) {
  if (!is_safe_path(path)) return invalid_path(path);
  auto resp = perform({.method = "HEAD", .key = object_key(path)});
  if (!resp) return std::move(resp).error();
  if (resp->status == 404) return file_not_found(path);
  if (resp->status != 200) return s3_error("file_size", *resp);
  auto it = resp->headers.find("content-length");
  return it == resp->headers.end() ? int64_t{0} : std::stoll(it->second);
}

Status S3Backend::remove(std::string_view path) {
  if (!is_safe_path(path)) return invalid_path(path);
  auto resp = perform({.method = "DELETE", .key = object_key(path)});
  if (!resp) return std::move(resp).error();
  if (resp->status != 204 && resp->status != 200 && resp->status != 404)
    return s3_error("remove_file", *resp);
  return {};
}

Result<std::vector<std::string>> S3Backend::list_keys(const std::string& prefix) const {
  std::vector<std::string> keys;
  std::string token;
  for (;;) {
    // Query parameters in byte order of their names, as SigV4's canonical request wants.
    std::string query;
    if (!token.empty()) query = "continuation-token=" + s3_uri_encode(token, false) + "&";
    query += "list-type=2&prefix=" + s3_uri_encode(prefix, false);
    auto resp = perform({.query = query});
    if (!resp) return std::move(resp).error();
    if (resp->status != 200) return s3_error("list_directory", *resp);
    for (auto& k : xml_values(resp->body, "Key")) keys.push_back(std::move(k));
    auto truncated = xml_values(resp->body, "IsTruncated");
    auto next = xml_values(resp->body, "NextContinuationToken");
    if (truncated.empty() || truncated.front() != "true" || next.empty()) break;
    token = next.front();
  }
  return keys;
}

Status S3Backend::remove_directory(std::string_view path) {
  if (!is_safe_path(path)) return invalid_path(path);
  auto keys = list_keys(trim_slashes(object_key(path)) + "/");
  if (!keys) return std::move(keys).error();
  for (const auto& key : *keys) {
    auto resp = perform({.method = "DELETE", .key = key});
    if (!resp) return std::move(resp).error();
    if (resp->status != 204 && resp->status != 200 && resp->status != 404)
      return s3_error("remove_directory", *resp);
  }
  return {};
}

Result<std::vector<std::string>> S3Backend::list(std::string_view path) {
  if (!is_safe_path(path)) return invalid_path(path);
  auto keys = list_keys(trim_slashes(object_key(path)) + "/");
  if (!keys) return std::move(keys).error();
  std::vector<std::string> out;
  size_t strip = options_.path_prefix.empty() ? 0 : options_.path_prefix.size() + 1;
  for (auto& k : *keys) out.push_back(k.substr(strip));
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace parley::files
