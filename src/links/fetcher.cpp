// libcurl GET with per-hop address checks and pinning (see fetcher.h).
#include "links/fetcher.h"

#include <curl/curl.h>
#include <ifaddrs.h>
#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>
#include <boost/url/parse.hpp>

#include <algorithm>
#include <memory>
#include <vector>

namespace parley::links {
namespace {

constexpr int kMaxRedirects = 10;
constexpr long kConnectTimeoutMs = 3000;

struct CurlDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct SlistDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};
using CurlHandle = std::unique_ptr<CURL, CurlDeleter>;
using Slist = std::unique_ptr<curl_slist, SlistDeleter>;

void append(Slist& list, const std::string& line) {
  if (curl_slist* head = curl_slist_append(list.get(), line.c_str())) {
    (void)list.release();
    list.reset(head);
  }
}

std::vector<IpAddress> own_addresses() {
  std::vector<IpAddress> out;
  ifaddrs* list = nullptr;
  if (getifaddrs(&list) != 0) return out;
  for (auto* i = list; i; i = i->ifa_next)
    if (auto ip = IpAddress::from_sockaddr(i->ifa_addr)) out.push_back(*ip);
  freeifaddrs(list);
  return out;
}

std::vector<IpAddress> resolve(const std::string& host) {
  std::vector<IpAddress> out;
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* res = nullptr;
  if (getaddrinfo(host.c_str(), nullptr, &hints, &res) != 0) return out;
  for (auto* a = res; a; a = a->ai_next)
    if (auto ip = IpAddress::from_sockaddr(a->ai_addr))
      if (std::find(out.begin(), out.end(), *ip) == out.end()) out.push_back(*ip);
  freeaddrinfo(res);
  return out;
}

// State shared with libcurl's callbacks for one hop.
struct Hop {
  const FetchOptions* options = nullptr;
  FetchResult* result = nullptr;
  bool trusted_host = false;
  std::vector<IpAddress> checked;  // the addresses this hop may connect to
};

size_t on_body(char* data, size_t size, size_t count, void* user) {
  auto* hop = static_cast<Hop*>(user);
  size_t n = size * count;
  auto& body = hop->result->body;
  size_t room = hop->options->max_body_bytes - std::min(body.size(), hop->options->max_body_bytes);
  if (n > room) {
    body.append(data, room);
    hop->result->truncated = true;
    return 0;  // stop reading: the cap is reached
  }
  body.append(data, n);
  return n;
}

curl_socket_t on_open_socket(void* user, curlsocktype, curl_sockaddr* addr) {
  auto* hop = static_cast<Hop*>(user);
  auto ip = IpAddress::from_sockaddr(&addr->addr);
  if (!ip) return CURL_SOCKET_BAD;
  if (!hop->trusted_host &&
      std::find(hop->checked.begin(), hop->checked.end(), *ip) == hop->checked.end())
    return CURL_SOCKET_BAD;
  return socket(addr->family, addr->socktype, addr->protocol);
}

}  // namespace

FetchResult fetch(const std::string& start_url, const FetchOptions& options) {
  FetchResult result;
  auto fail = [&result](std::string why) {
    result.ok = false;
    result.error = std::move(why);
    return result;
  };
  auto deadline = std::chrono::steady_clock::now() + options.timeout;
  std::string url = start_url;
  auto own = own_addresses();
  auto permitted = [&](const IpAddress& ip) {
    if (std::find(own.begin(), own.end(), ip) != own.end()) return options.allow.listed(ip);
    return options.allow.allows_address(ip);
  };

  for (int hop_index = 0; hop_index <= kMaxRedirects; ++hop_index) {
    auto parsed = boost::urls::parse_uri(url);
    if (!parsed) return fail("invalid url");
    std::string scheme = parsed->scheme();
    if (scheme != "http" && scheme != "https") return fail("unsupported scheme");
    std::string host = parsed->host_address();
    if (host.empty()) return fail("no host");
    if (options.url_allowed && !options.url_allowed(url))
      return fail("link previews are disabled for this domain");
    int port = parsed->has_port() ? parsed->port_number() : (scheme == "https" ? 443 : 80);

    Hop hop{&options, &result, options.allow.allows_host(host), {}};
    auto literal = IpAddress::parse(host);
    std::vector<IpAddress> addresses = literal ? std::vector<IpAddress>{*literal} : resolve(host);
    if (addresses.empty()) return fail("cannot resolve " + host);
    for (const auto& ip : addresses)
      if (hop.trusted_host || permitted(ip)) hop.checked.push_back(ip);
    if (hop.checked.empty())
      return fail(
          "address forbidden, you may need to set AllowedUntrustedInternalConnections to allow "
          "an integration access to your internal network");

    auto remaining = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (remaining.count() <= 0) return fail("timeout");

    CurlHandle curl(curl_easy_init());
    if (!curl) return fail("curl_easy_init failed");
    CURL* c = curl.get();
    Slist pin;
    if (!literal) {
      const auto& ip = hop.checked.front();
      std::string address = ip.v6 ? "[" + ip.to_string() + "]" : ip.to_string();
      append(pin, host + ":" + std::to_string(port) + ":" + address);
      curl_easy_setopt(c, CURLOPT_RESOLVE, pin.get());
    }
    Slist headers;
    append(headers, "Accept: image/*, text/html;q=0.8");
    append(headers, "Accept-Language: " + options.accept_language);
    result.body.clear();
    result.truncated = false;
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
    curl_easy_setopt(c, CURLOPT_USERAGENT, kUserAgent);
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(c, CURLOPT_PROXY, "");  // never hand the request to an environment proxy
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(remaining.count()));
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS,
                     std::min(kConnectTimeoutMs, static_cast<long>(remaining.count())));
    curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &hop);
    curl_easy_setopt(c, CURLOPT_OPENSOCKETFUNCTION, on_open_socket);
    curl_easy_setopt(c, CURLOPT_OPENSOCKETDATA, &hop);
    if (options.insecure_tls) {
      curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 0L);
      curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 0L);
    }
    CURLcode rc = curl_easy_perform(c);
    if (rc != CURLE_OK && !(rc == CURLE_WRITE_ERROR && result.truncated))
      return fail(curl_easy_strerror(rc));
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &result.status);
    result.final_url = url;
    if (result.status >= 300 && result.status < 400) {
      char* location = nullptr;
      curl_easy_getinfo(c, CURLINFO_REDIRECT_URL, &location);
      if (location && *location) {
        url = location;
        continue;
      }
    }
    char* type = nullptr;
    curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &type);
    result.content_type = type ? type : "";
    result.ok = result.status >= 200 && result.status < 300;
    if (!result.ok) result.error = "HTTP status " + std::to_string(result.status);
    return result;
  }
  return fail("stopped after 10 redirects");
}

}  // namespace parley::links
