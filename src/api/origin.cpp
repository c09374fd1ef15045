// Origin checking for WebSocket upgrades, following Mattermost: without AllowCorsFrom the
// Origin must name the SiteURL (scheme and host), or the Host header when SiteURL is empty;
// with it, the Origin must be listed (or SiteURL), "*" allowing any. No Origin is allowed
// (non-browser clients), "null" never.
#include "api/origin.h"

#include <boost/url/parse.hpp>
#include <boost/url/url.hpp>

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>

namespace parley::api {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

struct Parsed {
  std::string scheme;
  std::string host;  // host[:port], as Go's url.URL.Host
};

std::optional<Parsed> parse(std::string_view url) {
  auto u = boost::urls::parse_uri(url);
  if (!u) return std::nullopt;
  return Parsed{std::string(u->scheme()), std::string(u->encoded_host_and_port())};
}

}  // namespace

bool websocket_origin_allowed(const config::Config& cfg, std::string_view origin,
                              std::string_view host) {
  if (origin.empty()) return true;
  const auto& allowed = cfg.service.allow_cors_from;
  if (!allowed.empty()) {
    if (allowed == "*") return true;
    std::string list = allowed;
    if (auto site = boost::urls::parse_uri(cfg.service.site_url)) {
      boost::urls::url u = *site;
      u.set_encoded_path("");
      list += " " + std::string(u.buffer());
    }
    std::size_t i = 0;
    while (i <= list.size()) {
      auto j = list.find(' ', i);
      if (j == std::string::npos) j = list.size();
      if (std::string_view(list).substr(i, j - i) == origin) return true;
      i = j + 1;
    }
    return false;
  }
  if (origin == "null") return false;
  auto o = parse(origin);
  if (!o) return false;
  if (cfg.service.site_url.empty()) return iequals(o->host, host);
  auto site = parse(cfg.service.site_url);
  if (!site) return false;
  return iequals(o->host, site->host) && iequals(o->scheme, site->scheme);
}

}  // namespace parley::api
