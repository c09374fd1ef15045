// Transport-neutral HTTP request and response values: the http/ layer fills a Request from the
// socket and writes a Response back; api/ handlers see only these.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace parley::api {

struct Request {
  std::string method;                                  // upper case, e.g. "GET"
  std::string path;                                    // percent-decoded path without the query
  std::unordered_map<std::string, std::string> query;  // decoded, last value wins
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::string body;
  std::string remote_addr;

  std::string_view header(std::string_view lower_name) const;
  std::string_view cookie(std::string_view name) const;
  std::string_view query_param(std::string_view name) const;
  bool has_query(std::string_view name) const { return query.count(std::string(name)) > 0; }
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::optional<std::filesystem::path> file;  // when set, the body is streamed from this file

  void set_header(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
  }
};

// Splits "a=1&b=2" into decoded pairs.
std::unordered_map<std::string, std::string> parse_query(std::string_view query);
std::string percent_decode(std::string_view s, bool plus_is_space);

}  // namespace parley::api
