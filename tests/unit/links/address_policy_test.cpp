// Address classification for the link-preview SSRF guard: IPv4, IPv6, IPv4-mapped IPv6, CIDRs
// and the AllowedUntrustedInternalConnections list.
#include "links/address_policy.h"

#include <gtest/gtest.h>

namespace parley::links {
namespace {

bool internal(const char* text) {
  auto ip = IpAddress::parse(text);
  EXPECT_TRUE(ip) << text;
  return ip && is_internal(*ip);
}

TEST(AddressPolicy, ParsesV4AndV6AndRejectsJunk) {
  EXPECT_TRUE(IpAddress::parse("8.8.8.8"));
  EXPECT_TRUE(IpAddress::parse("[2001:4860::8888]"));
  EXPECT_FALSE(IpAddress::parse("example.com"));
  EXPECT_FALSE(IpAddress::parse("1.2.3"));
  EXPECT_FALSE(IpAddress::parse("256.1.1.1"));
  EXPECT_FALSE(IpAddress::parse(""));
  EXPECT_FALSE(IpAddress::parse("0x7f.0.0.1"));
  EXPECT_EQ(IpAddress::parse("::ffff:127.0.0.1")->to_string(), "::ffff:127.0.0.1");
}

TEST(AddressPolicy, InternalIPv4Ranges) {
  for (const char* a : {"127.0.0.1", "127.255.1.2", "10.1.2.3", "172.16.0.1", "172.31.255.255",
                        "192.168.1.1", "169.254.169.254", "0.0.0.0", "100.64.0.1", "224.0.0.1",
                        "239.255.255.250", "255.255.255.255", "240.0.0.1", "198.18.0.1"})
    EXPECT_TRUE(internal(a)) << a;
  for (const char* a : {"8.8.8.8", "1.1.1.1", "172.32.0.1", "172.15.255.255", "192.169.0.1",
                        "100.128.0.1", "93.184.216.34"})
    EXPECT_FALSE(internal(a)) << a;
}

TEST(AddressPolicy, InternalIPv6Ranges) {
  for (const char* a : {"::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "fec0::1",
                        "2001:db8::1", "64:ff9b::7f00:1"})
    EXPECT_TRUE(internal(a)) << a;
  for (const char* a : {"2001:4860:4860::8888", "2606:4700::1111"}) EXPECT_FALSE(internal(a)) << a;
}

TEST(AddressPolicy, MappedAndCompatibleIPv6AreJudgedByTheirIPv4) {
  EXPECT_TRUE(internal("::ffff:127.0.0.1"));
  EXPECT_TRUE(internal("::ffff:7f00:1"));
  EXPECT_TRUE(internal("::ffff:10.0.0.1"));
  EXPECT_TRUE(internal("::ffff:169.254.169.254"));
  EXPECT_TRUE(internal("::127.0.0.1"));
  EXPECT_FALSE(internal("::ffff:8.8.8.8"));
}

TEST(AddressPolicy, CidrContains) {
  auto c = Cidr::parse("10.0.0.0/8");
  ASSERT_TRUE(c);
  EXPECT_TRUE(c->contains(*IpAddress::parse("10.200.1.1")));
  EXPECT_FALSE(c->contains(*IpAddress::parse("11.0.0.1")));
  EXPECT_TRUE(c->contains(*IpAddress::parse("::ffff:10.0.0.5")));
  auto odd = Cidr::parse("172.16.0.0/12");
  EXPECT_TRUE(odd->contains(*IpAddress::parse("172.31.0.1")));
  EXPECT_FALSE(odd->contains(*IpAddress::parse("172.32.0.1")));
  auto v6 = Cidr::parse("fd00::/8");
  EXPECT_TRUE(v6->contains(*IpAddress::parse("fd00:1::2")));
  EXPECT_FALSE(v6->contains(*IpAddress::parse("10.0.0.1")));
  EXPECT_FALSE(Cidr::parse("10.0.0.0/33"));
  EXPECT_FALSE(Cidr::parse("10.0.0.0/"));
  EXPECT_FALSE(Cidr::parse("10.0.0.0"));
}

TEST(AddressPolicy, AllowList) {
  InternalAllowList none;
  EXPECT_FALSE(none.allows_address(*IpAddress::parse("127.0.0.1")));
  EXPECT_TRUE(none.allows_address(*IpAddress::parse("8.8.8.8")));

  InternalAllowList list(" example.internal,10.0.0.0/8  127.0.0.1 ");
  EXPECT_TRUE(list.allows_host("example.internal"));
  EXPECT_TRUE(list.allows_host("EXAMPLE.internal"));
  EXPECT_FALSE(list.allows_host("other.internal"));
  EXPECT_TRUE(list.allows_address(*IpAddress::parse("10.9.8.7")));
  EXPECT_TRUE(list.allows_address(*IpAddress::parse("127.0.0.1")));
  EXPECT_TRUE(list.allows_address(*IpAddress::parse("::ffff:127.0.0.1")));
  EXPECT_FALSE(list.allows_address(*IpAddress::parse("127.0.0.2")));
  EXPECT_FALSE(list.allows_address(*IpAddress::parse("192.168.0.1")));
  EXPECT_FALSE(list.allows_address(*IpAddress::parse("::1")));
}

}  // namespace
}  // namespace parley::links
