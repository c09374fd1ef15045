// IP address parsing and classification for the link-preview SSRF guard (see address_policy.h).
#include "links/address_policy.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <cctype>
#include <cstring>

namespace parley::links {
namespace {

// IPv4 ranges that are not globally reachable (RFC 6890 and successors).
constexpr const char* kInternalV4[] = {
    "0.0.0.0/8",     "10.0.0.0/8",      "100.64.0.0/10",  "127.0.0.0/8",    "169.254.0.0/16",
    "172.16.0.0/12", "192.0.0.0/24",    "192.0.2.0/24",   "192.88.99.0/24", "192.168.0.0/16",
    "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4",    "240.0.0.0/4"};
// IPv6 ranges judged on their own (IPv4-mapped and -compatible addresses are unwrapped first).
constexpr const char* kInternalV6[] = {
    "::/128",    "::1/128",  "64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "2001:db8::/32",
    "2002::/16", "fc00::/7", "fe80::/10",    "fec0::/10",      "ff00::/8"};

bool is_host_char_ip(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isxdigit(static_cast<unsigned char>(c)) || c == '.' || c == ':';
  });
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::optional<IpAddress> IpAddress::parse(std::string_view text) {
  if (text.size() >= 2 && text.front() == '[' && text.back() == ']')
    text = text.substr(1, text.size() - 2);
  if (text.empty() || text.size() > 45 || !is_host_char_ip(text)) return std::nullopt;
  std::string s(text);
  IpAddress ip;
  if (s.find(':') == std::string::npos) {
    in_addr a{};
    if (inet_pton(AF_INET, s.c_str(), &a) != 1) return std::nullopt;
    std::memcpy(ip.bytes.data(), &a, 4);
    return ip;
  }
  in6_addr a{};
  if (inet_pton(AF_INET6, s.c_str(), &a) != 1) return std::nullopt;
  ip.v6 = true;
  std::memcpy(ip.bytes.data(), &a, 16);
  return ip;
}

std::optional<IpAddress> IpAddress::from_sockaddr(const sockaddr* sa) {
  if (!sa) return std::nullopt;
  IpAddress ip;
  if (sa->sa_family == AF_INET) {
    sockaddr_in in{};
    std::memcpy(&in, sa, sizeof in);
    std::memcpy(ip.bytes.data(), &in.sin_addr, 4);
    return ip;
  }
  if (sa->sa_family == AF_INET6) {
    sockaddr_in6 in{};
    std::memcpy(&in, sa, sizeof in);
    ip.v6 = true;
    std::memcpy(ip.bytes.data(), &in.sin6_addr, 16);
    return ip;
  }
  return std::nullopt;
}

std::string IpAddress::to_string() const {
  char buf[INET6_ADDRSTRLEN] = {};
  inet_ntop(v6 ? AF_INET6 : AF_INET, bytes.data(), buf, sizeof buf);
  return buf;
}

std::optional<IpAddress> IpAddress::embedded_v4() const {
  if (!v6) return std::nullopt;
  bool zero10 = std::all_of(bytes.begin(), bytes.begin() + 10, [](uint8_t b) { return b == 0; });
  if (!zero10) return std::nullopt;
  bool mapped = bytes[10] == 0xff && bytes[11] == 0xff;
  bool compatible = bytes[10] == 0 && bytes[11] == 0;
  if (!mapped && !compatible) return std::nullopt;
  IpAddress v4;
  std::copy(bytes.begin() + 12, bytes.end(), v4.bytes.begin());
  // ::/128 and ::1 are IPv6 addresses of their own, not IPv4-compatible ones.
  if (compatible && v4.bytes[0] == 0 && v4.bytes[1] == 0 && v4.bytes[2] == 0 && v4.bytes[3] <= 1)
    return std::nullopt;
  return v4;
}

std::optional<Cidr> Cidr::parse(std::string_view text) {
  auto slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  auto ip = IpAddress::parse(text.substr(0, slash));
  if (!ip) return std::nullopt;
  auto bits = text.substr(slash + 1);
  if (bits.empty() || bits.size() > 3 ||
      !std::all_of(bits.begin(), bits.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  int prefix = std::stoi(std::string(bits));
  if (prefix > (ip->v6 ? 128 : 32)) return std::nullopt;
  return Cidr{*ip, prefix};
}

bool Cidr::contains(const IpAddress& ip) const {
  const IpAddress* candidate = &ip;
  std::optional<IpAddress> v4;
  if (ip.v6 != network.v6) {
    if (network.v6) return false;
    v4 = ip.embedded_v4();
    if (!v4) return false;
    candidate = &*v4;
  }
  int full = prefix / 8;
  for (int i = 0; i < full; ++i)
    if (candidate->bytes[i] != network.bytes[i]) return false;
  int rest = prefix % 8;
  if (rest == 0) return true;
  auto mask = static_cast<uint8_t>(0xff << (8 - rest));
  return (candidate->bytes[full] & mask) == (network.bytes[full] & mask);
}

bool is_internal(const IpAddress& ip) {
  if (ip.v6) {
    if (auto v4 = ip.embedded_v4()) return is_internal(*v4);
    for (const char* r : kInternalV6)
      if (Cidr::parse(r)->contains(ip)) return true;
    return false;
  }
  for (const char* r : kInternalV4)
    if (Cidr::parse(r)->contains(ip)) return true;
  return false;
}

InternalAllowList::InternalAllowList(std::string_view setting) {
  std::size_t i = 0;
  while (i < setting.size()) {
    while (i < setting.size() &&
           (std::isspace(static_cast<unsigned char>(setting[i])) || setting[i] == ','))
      ++i;
    std::size_t start = i;
    while (i < setting.size() &&
           !(std::isspace(static_cast<unsigned char>(setting[i])) || setting[i] == ','))
      ++i;
    if (i == start) continue;
    auto entry = setting.substr(start, i - start);
    if (auto cidr = Cidr::parse(entry)) {
      cidrs_.push_back(*cidr);
    } else {
      hosts_.push_back(lower(entry));
      if (auto ip = IpAddress::parse(entry)) cidrs_.push_back(Cidr{*ip, ip->v6 ? 128 : 32});
    }
  }
}

bool InternalAllowList::allows_host(std::string_view host) const {
  auto h = lower(host);
  return std::find(hosts_.begin(), hosts_.end(), h) != hosts_.end();
}

bool InternalAllowList::allows_address(const IpAddress& ip) const {
  return !is_internal(ip) || listed(ip);
}

bool InternalAllowList::listed(const IpAddress& ip) const {
  return std::any_of(cidrs_.begin(), cidrs_.end(), [&](const Cidr& c) { return c.contains(ip); });
}

}  // namespace parley::links
