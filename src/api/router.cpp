// Segment-trie router implementation.
#include "api/router.h"

#include <stdexcept>

namespace parley::api {

struct Router::Node {
  std::unordered_map<std::string, std::unique_ptr<Node>> literals;
  std::unique_ptr<Node> param;
  std::string param_name;
  std::map<std::string, Route, std::less<>> routes;  // by method
};

namespace {
std::vector<std::string_view> split(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i <= path.size()) {
    auto j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    if (j > i) out.push_back(path.substr(i, j - i));
    i = j + 1;
  }
  return out;
}
}  // namespace

Router::Router() : root_(std::make_unique<Node>()) {}
Router::~Router() = default;
Router::Router(Router&&) noexcept = default;
Router& Router::operator=(Router&&) noexcept = default;

void Router::add(std::string_view method, std::string_view pattern, Handler handler,
                 RouteOptions options) {
  Node* node = root_.get();
  for (auto seg : split(pattern)) {
    if (seg.size() > 2 && seg.front() == '{' && seg.back() == '}') {
      std::string name(seg.substr(1, seg.size() - 2));
      if (!node->param) {
        node->param = std::make_unique<Node>();
        node->param_name = name;
      } else if (node->param_name != name) {
        throw std::logic_error("conflicting parameter names at " + std::string(pattern));
      }
      node = node->param.get();
    } else {
      auto& child = node->literals[std::string(seg)];
      if (!child) child = std::make_unique<Node>();
      node = child.get();
    }
  }
  auto [it, inserted] = node->routes.try_emplace(
      std::string(method),
      Route{std::string(method), std::string(pattern), std::move(handler), options});
  if (!inserted)
    throw std::logic_error("duplicate route " + std::string(method) + " " + std::string(pattern));
  ++count_;
}

RouteMatch Router::match(std::string_view method, std::string_view path) const {
  auto segs = split(path);
  RouteMatch result;
  Params params;
  bool other_method = false;
  // Depth-first: literal first, then parameter.
  std::function<const Route*(const Node*, std::size_t)> walk = [&](const Node* n,
                                                                   std::size_t i) -> const Route* {
    if (i == segs.size()) {
      if (n->routes.empty()) return nullptr;
      auto it = n->routes.find(method);
      if (it == n->routes.end() && method == "HEAD") it = n->routes.find("GET");
      if (it != n->routes.end()) return &it->second;
      other_method = true;
      return nullptr;
    }
    auto lit = n->literals.find(std::string(segs[i]));
    if (lit != n->literals.end()) {
      if (auto r = walk(lit->second.get(), i + 1)) return r;
    }
    if (n->param) {
      params.emplace_back(n->param_name, std::string(segs[i]));
      if (auto r = walk(n->param.get(), i + 1)) return r;
      params.pop_back();
    }
    return nullptr;
  };
  result.route = walk(root_.get(), 0);
  if (result.route)
    result.params = std::move(params);
  else
    result.method_not_allowed = other_method;
  return result;
}

}  // namespace parley::api
