// Method + path-pattern routing ("/api/v4/users/{user_id}/teams"): a segment trie where literal
// segments win over parameters, with backtracking.
#pragma once

#include "api/request.h"

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace parley::api {

class Context;

using Handler = std::function<Response(Context&)>;

struct RouteOptions {
  bool require_session = true;   // 401 without a valid session
  bool trust_requester = false;  // no CSRF check (downloads, websocket-like GETs)
  bool file_api = false;         // body limit is FileSettings.MaxFileSize, not the payload limit
  bool hashes_password = false;  // runs bcrypt: served by the server's own password threads
};

struct Route {
  std::string method;
  std::string pattern;
  Handler handler;
  RouteOptions options;
};

using Params = std::vector<std::pair<std::string, std::string>>;

struct RouteMatch {
  const Route* route = nullptr;  // null when nothing matched
  Params params;
  bool method_not_allowed = false;  // the path exists for another method
};

class Router {
 public:
  Router();
  ~Router();
  Router(Router&&) noexcept;
  Router& operator=(Router&&) noexcept;

  void add(std::string_view method, std::string_view pattern, Handler handler,
           RouteOptions options = {});
  RouteMatch match(std::string_view method, std::string_view path) const;
  std::size_t size() const { return count_; }

 private:
  struct Node;
  std::unique_ptr<Node> root_;
  std::size_t count_ = 0;
};

}  // namespace parley::api
