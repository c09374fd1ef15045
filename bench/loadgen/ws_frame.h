// WebSocket framing (RFC 6455) for the load generator's client: decoding the server's frames
// from a byte buffer and encoding the client's masked frames. The generator reads tens of
// thousands of sockets on a core it shares with the server, so it reads each socket's bytes
// itself and cuts them into frames here, without a composed read operation per frame.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

namespace loadgen {

enum class WsOpcode : uint8_t {
  continuation = 0,
  text = 1,
  binary = 2,
  close = 8,
  ping = 9,
  pong = 10
};

struct WsFrame {
  WsOpcode opcode;
  bool fin;
  std::string_view payload;  // into the decoded bytes
  size_t size;               // header and payload: the bytes this frame took
};
struct WsNeedMore {};  // the bytes hold no whole frame yet
struct WsBadFrame {
  std::string reason;
};
using WsDecoded = std::variant<WsFrame, WsNeedMore, WsBadFrame>;

// The frame at the start of `bytes`. A server's frames are never masked; reserved bits (no
// extension is negotiated), unknown opcodes, fragmented or long control frames and payloads over
// `max_payload` are refused.
WsDecoded decode_ws_frame(std::string_view bytes, size_t max_payload);

// A client frame: FIN set, the payload masked with `mask`.
std::string encode_ws_frame(WsOpcode opcode, std::string_view payload, std::array<uint8_t, 4> mask);

}  // namespace loadgen
