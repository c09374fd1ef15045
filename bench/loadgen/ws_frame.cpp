// The frame header: FIN, three reserved bits and the opcode; the mask bit and a 7-bit length,
// 126 or 127 announcing a 16- or 64-bit length in network order; the mask key when masked.
#include "ws_frame.h"

namespace loadgen {

namespace {
uint8_t byte_at(std::string_view s, size_t i) {
  return static_cast<uint8_t>(s[i]);
}
bool is_control(WsOpcode op) {
  return static_cast<uint8_t>(op) >= 8;
}
}  // namespace

WsDecoded decode_ws_frame(std::string_view bytes, size_t max_payload) {
  if (bytes.size() < 2) return WsNeedMore{};
  uint8_t b0 = byte_at(bytes, 0), b1 = byte_at(bytes, 1);
  if (b0 & 0x70) return WsBadFrame{"reserved bits set"};
  auto op = static_cast<WsOpcode>(b0 & 0x0f);
  switch (op) {
    case WsOpcode::continuation:
    case WsOpcode::text:
    case WsOpcode::binary:
    case WsOpcode::close:
    case WsOpcode::ping:
    case WsOpcode::pong:
      break;
    default:
      return WsBadFrame{"unknown opcode"};
  }
  bool fin = b0 & 0x80;
  if (b1 & 0x80) return WsBadFrame{"masked frame from the server"};
  uint64_t length = b1 & 0x7f;
  size_t header = 2;
  if (length == 126 || length == 127) {
    size_t width = length == 126 ? 2 : 8;
    if (bytes.size() < header + width) return WsNeedMore{};
    length = 0;
    for (size_t i = 0; i < width; ++i) length = length << 8 | byte_at(bytes, header + i);
    header += width;
  }
  if (is_control(op) && (!fin || length > 125)) return WsBadFrame{"invalid control frame"};
  if (length > max_payload) return WsBadFrame{"frame too large"};
  if (bytes.size() - header < length) return WsNeedMore{};
  return WsFrame{op, fin, bytes.substr(header, static_cast<size_t>(length)),
                 header + static_cast<size_t>(length)};
}

std::string encode_ws_frame(WsOpcode opcode, std::string_view payload,
                            std::array<uint8_t, 4> mask) {
  std::string out;
  out.reserve(payload.size() + 14);
  out.push_back(static_cast<char>(0x80 | static_cast<uint8_t>(opcode)));
  uint64_t n = payload.size();
  if (n < 126) {
    out.push_back(static_cast<char>(0x80 | n));
  } else if (n <= 0xffff) {
    out.push_back(static_cast<char>(0x80 | 126));
    for (int shift = 8; shift >= 0; shift -= 8) out.push_back(static_cast<char>(n >> shift));
  } else {
    out.push_back(static_cast<char>(0x80 | 127));
    for (int shift = 56; shift >= 0; shift -= 8) out.push_back(static_cast<char>(n >> shift));
  }
  for (uint8_t m : mask) out.push_back(static_cast<char>(m));
  for (size_t i = 0; i < payload.size(); ++i)
    out.push_back(static_cast<char>(static_cast<uint8_t>(payload[i]) ^ mask[i % 4]));
  return out;
}

}  // namespace loadgen
