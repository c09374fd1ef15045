// The load generator's WebSocket framing: the server's frames in each length form, cut out of a
// stream that may hold a partial frame; control and malformed frames; masked client frames.
#include "ws_frame.h"

#include <gtest/gtest.h>

#include <string>

namespace loadgen {
namespace {

std::string server_frame(uint8_t first, const std::string& payload) {
  std::string out(1, static_cast<char>(first));
  size_t n = payload.size();
  if (n < 126) {
    out += static_cast<char>(n);
  } else if (n <= 0xffff) {
    out += static_cast<char>(126);
    out += static_cast<char>(n >> 8);
    out += static_cast<char>(n & 0xff);
  } else {
    out += static_cast<char>(127);
    for (int shift = 56; shift >= 0; shift -= 8) out += static_cast<char>((n >> shift) & 0xff);
  }
  return out + payload;
}

TEST(WsFrame, DecodesEachLengthForm) {
  for (size_t n : {0u, 5u, 125u, 126u, 300u, 65535u, 65536u, 70000u}) {
    std::string payload(n, 'p');
    auto bytes = server_frame(0x81, payload) + "next";
    auto decoded = decode_ws_frame(bytes, 1 << 20);
    ASSERT_TRUE(std::holds_alternative<WsFrame>(decoded)) << n;
    auto frame = std::get<WsFrame>(decoded);
    EXPECT_EQ(frame.opcode, WsOpcode::text);
    EXPECT_TRUE(frame.fin);
    EXPECT_EQ(frame.payload, payload);
    EXPECT_EQ(frame.size, bytes.size() - 4);
  }
}

TEST(WsFrame, AsksForMoreUntilTheFrameIsWhole) {
  auto bytes = server_frame(0x81, std::string(300, 'x'));
  for (size_t cut = 0; cut < bytes.size(); ++cut)
    EXPECT_TRUE(std::holds_alternative<WsNeedMore>(decode_ws_frame(bytes.substr(0, cut), 1 << 20)))
        << cut;
  EXPECT_TRUE(std::holds_alternative<WsFrame>(decode_ws_frame(bytes, 1 << 20)));
}

TEST(WsFrame, ReadsFragmentsAndControlFrames) {
  auto first = decode_ws_frame(server_frame(0x01, "hel"), 100);
  ASSERT_TRUE(std::holds_alternative<WsFrame>(first));
  EXPECT_FALSE(std::get<WsFrame>(first).fin);
  auto last = decode_ws_frame(server_frame(0x80, "lo"), 100);
  ASSERT_TRUE(std::holds_alternative<WsFrame>(last));
  EXPECT_EQ(std::get<WsFrame>(last).opcode, WsOpcode::continuation);
  auto ping = decode_ws_frame(server_frame(0x89, "are you there"), 100);
  ASSERT_TRUE(std::holds_alternative<WsFrame>(ping));
  EXPECT_EQ(std::get<WsFrame>(ping).opcode, WsOpcode::ping);
  EXPECT_EQ(std::get<WsFrame>(ping).payload, "are you there");
}

TEST(WsFrame, RefusesMalformedFrames) {
  auto bad = [](const std::string& bytes) {
    return std::holds_alternative<WsBadFrame>(decode_ws_frame(bytes, 1000));
  };
  EXPECT_TRUE(bad(server_frame(0xc1, "x")));                     // reserved bit
  EXPECT_TRUE(bad(server_frame(0x83, "x")));                     // unknown opcode
  EXPECT_TRUE(bad(server_frame(0x09, "x")));                     // fragmented ping
  EXPECT_TRUE(bad(server_frame(0x89, std::string(126, 'x'))));   // long control frame
  EXPECT_TRUE(bad(server_frame(0x81, std::string(1001, 'x'))));  // over the limit
  std::string masked = server_frame(0x81, "x");
  masked[1] = static_cast<char>(masked[1] | 0x80);
  EXPECT_TRUE(bad(masked + "abcd"));
}

TEST(WsFrame, MasksClientFrames) {
  const std::array<uint8_t, 4> mask{0x11, 0x22, 0x33, 0x44};
  for (size_t n : {3u, 200u, 70000u}) {
    std::string payload(n, 'a');
    auto bytes = encode_ws_frame(WsOpcode::text, payload, mask);
    EXPECT_EQ(static_cast<uint8_t>(bytes[0]), 0x81);
    EXPECT_TRUE(static_cast<uint8_t>(bytes[1]) & 0x80);
    size_t header = n < 126 ? 2 : n <= 0xffff ? 4 : 10;
    ASSERT_EQ(bytes.size(), header + 4 + n);
    EXPECT_EQ(static_cast<uint8_t>(bytes[1]) & 0x7f, n < 126 ? n : n <= 0xffff ? 126 : 127);
    for (size_t i = 0; i < n; ++i)
      ASSERT_EQ(static_cast<uint8_t>(bytes[header + 4 + i]) ^ mask[i % 4], 'a') << i;
  }
}

}  // namespace
}  // namespace loadgen
