// Outgoing HTTP GET for link previews with libcurl, guarded against server-side request forgery:
// each hop's host is resolved once, every address is checked (InternalAllowList, the server's own
// interface addresses), the connection is pinned to a checked address (CURLOPT_RESOLVE) and the
// socket's peer is checked again before connecting; redirects are followed by hand, at most 10,
// each one re-checked. The body is capped, the whole request has a timeout.
#pragma once

#include "links/address_policy.h"

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>

namespace parley::links {

struct FetchOptions {
  InternalAllowList allow;
  std::chrono::milliseconds timeout{5000};
  std::size_t max_body_bytes = 1024 * 1024;
  std::string accept_language = "en";
  bool insecure_tls = false;  // ServiceSettings.EnableInsecureOutgoingConnections
  // Extra rule for every URL visited (the first and each redirect target), e.g.
  // RestrictLinkPreviews; false refuses the request.
  std::function<bool(const std::string& url)> url_allowed;
};

struct FetchResult {
  bool ok = false;
  std::string error;      // why not ok
  long status = 0;        // final HTTP status
  std::string final_url;  // after redirects
  std::string content_type;
  std::string body;  // at most max_body_bytes
  bool truncated = false;
};

// Mattermost's outgoing User-Agent.
inline constexpr const char* kUserAgent = "Mattermost-Bot/1.1";

FetchResult fetch(const std::string& url, const FetchOptions& options);

}  // namespace parley::links
