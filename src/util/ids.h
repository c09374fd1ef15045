// Mattermost-style identifiers (26 lowercase base32 characters) and random tokens.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace parley {

std::string new_id();  // 26 chars, alphabet ybndrfg8ejkmcpqxot1uwisza345h769
// The same 26 characters, in an order that follows creation time: 10 for the millisecond, 16
// random (80 bits). For rows written at a high rate (posts, files), whose primary key indexes
// then grow at their right edge instead of touching a random page per insert. Not for secrets.
std::string new_time_ordered_id();
bool is_valid_id(std::string_view id);      // 26 lowercase letters/digits
std::string random_hex(std::size_t bytes);  // cryptographically random, hex encoded
int64_t now_ms();                           // milliseconds since the epoch

}  // namespace parley
