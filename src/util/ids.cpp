// Identifier generation: 16 random bytes encoded with Mattermost's base32 alphabet.
#include "util/ids.h"

#include <openssl/rand.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstring>
#include <stdexcept>

namespace parley {
namespace {
constexpr std::string_view kAlphabet = "ybndrfg8ejkmcpqxot1uwisza345h769";

// Bytes from OpenSSL's CSPRNG, drawn 4 KiB at a time per thread: one RAND_bytes call per
// request id cost ~5 % of a cached GET /users/me.
void random_bytes(unsigned char* out, std::size_t n) {
  struct Pool {
    std::array<unsigned char, 4096> bytes;
    std::size_t used = 4096;
  };
  thread_local Pool pool;
  while (n > 0) {
    if (pool.used == pool.bytes.size()) {
      if (RAND_bytes(pool.bytes.data(), static_cast<int>(pool.bytes.size())) != 1)
        throw std::runtime_error("RAND_bytes failed");
      pool.used = 0;
    }
    std::size_t take = std::min(n, pool.bytes.size() - pool.used);
    std::memcpy(out, pool.bytes.data() + pool.used, take);
    // Bytes handed out are not kept.
    std::memset(pool.bytes.data() + pool.used, 0, take);
    pool.used += take;
    out += take;
    n -= take;
  }
}

// Appends `bytes` five bits per character of `alphabet`, the last bits padded with zeros.
void append_base32(std::string& out, const unsigned char* bytes, std::size_t n,
                   std::string_view alphabet) {
  uint32_t buffer = 0;
  int bits = 0;
  for (std::size_t i = 0; i < n; ++i) {
    buffer = (buffer << 8) | bytes[i];
    bits += 8;
    while (bits >= 5) {
      out.push_back(alphabet[(buffer >> (bits - 5)) & 31]);
      bits -= 5;
    }
  }
  if (bits > 0) out.push_back(alphabet[(buffer << (5 - bits)) & 31]);
}

}  // namespace

std::string new_id() {
  std::array<unsigned char, 16> bytes{};
  random_bytes(bytes.data(), bytes.size());
  std::string out;
  out.reserve(26);
  append_base32(out, bytes.data(), bytes.size(), kAlphabet);
  return out;  // 128 bits -> 26 characters
}

std::string new_time_ordered_id() {
  // Mattermost's alphabet sorted, so that string order is numeric order.
  static constexpr std::string_view kSorted = "13456789abcdefghijkmnopqrstuwxyz";
  std::array<unsigned char, 10> random{};
  random_bytes(random.data(), random.size());
  std::string out(10, ' ');
  out.reserve(26);
  auto ms = static_cast<uint64_t>(now_ms());
  for (int i = 9; i >= 0; --i, ms >>= 5) out[i] = kSorted[ms & 31];
  append_base32(out, random.data(), random.size(), kSorted);
  return out;  // 50 + 80 bits -> 26 characters
}

bool is_valid_id(std::string_view id) {
  if (id.size() != 26) return false;
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

std::string random_hex(std::size_t n) {
  std::string bytes(n, '\0');
  random_bytes(reinterpret_cast<unsigned char*>(bytes.data()), n);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(n * 2);
  for (unsigned char b : bytes) {
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 15]);
  }
  return out;
}

int64_t now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace parley
