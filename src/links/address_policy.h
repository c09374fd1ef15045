// Server-side request forgery guard for outgoing link-preview requests: which IP addresses are
// internal (loopback, private, link-local, multicast, reserved; IPv4, IPv6 and IPv4-mapped IPv6)
// and the ServiceSettings.AllowedUntrustedInternalConnections exceptions (host names and CIDRs).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct sockaddr;

namespace parley::links {

// An IPv4 or IPv6 address in network byte order. IPv4 keeps its 4 bytes in `bytes[0..3]`.
struct IpAddress {
  bool v6 = false;
  std::array<uint8_t, 16> bytes{};

  static std::optional<IpAddress> parse(std::string_view text);  // "10.0.0.1", "::1", "[::1]"
  static std::optional<IpAddress> from_sockaddr(const sockaddr* sa);
  std::string to_string() const;
  // For an IPv4-mapped (::ffff:a.b.c.d) or IPv4-compatible-deprecated address: the IPv4 inside.
  std::optional<IpAddress> embedded_v4() const;
  bool operator==(const IpAddress&) const = default;
};

// True when the address must not be reached from a user-supplied URL without an explicit
// exception: 0.0.0.0/8, 10/8, 100.64/10, 127/8, 169.254/16, 172.16/12, 192.0.0/24, 192.0.2/24,
// 192.168/16, 198.18/15, 198.51.100/24, 203.0.113/24, 224/4 and above (multicast, reserved,
// broadcast); ::/128, ::1, fc00::/7, fe80::/10, fec0::/10, ff00::/8, 64:ff9b::/96 NAT64 and
// 2001:db8::/32; IPv4-mapped and IPv4-compatible IPv6 are judged by their IPv4 address.
bool is_internal(const IpAddress& ip);

struct Cidr {
  IpAddress network;
  int prefix = 0;
  static std::optional<Cidr> parse(std::string_view text);  // "10.0.0.0/8", "fd00::/8"
  bool contains(const IpAddress& ip) const;
};

// AllowedUntrustedInternalConnections: whitespace or comma separated host names and CIDRs. A
// listed host name (or literal IP written as in the URL) is trusted as is; an internal address
// is allowed when a listed CIDR contains it.
class InternalAllowList {
 public:
  InternalAllowList() = default;
  explicit InternalAllowList(std::string_view setting);

  bool allows_host(std::string_view host) const;
  // Whether the request may connect to `ip`: any public address, or an internal one a CIDR
  // (or a literal address entry) allows.
  bool allows_address(const IpAddress& ip) const;
  // Whether a listed CIDR (or literal address entry) contains `ip`.
  bool listed(const IpAddress& ip) const;

 private:
  std::vector<std::string> hosts_;
  std::vector<Cidr> cidrs_;
};

}  // namespace parley::links
