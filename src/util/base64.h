// Standard base64 (RFC 4648, with padding) via OpenSSL, as Go's encoding/json writes []byte.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace parley {

std::string base64_encode(std::string_view bytes);
// nullopt when `text` is not valid padded base64.
std::optional<std::string> base64_decode(std::string_view text);
// URL-safe alphabet without padding (Go's base64.RawURLEncoding).
std::string base64_raw_url_encode(std::string_view bytes);

}  // namespace parley
