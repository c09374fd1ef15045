// bcrypt via libxcrypt's crypt_r/crypt_gensalt_rn; compatible with Go's x/crypto/bcrypt hashes.
#include "util/password.h"

#include <crypt.h>
#include <openssl/crypto.h>

#include <cstring>
#include <memory>
#include <stdexcept>

namespace parley {
namespace {
constexpr unsigned long kCost = 10;  // Mattermost's bcrypt cost
}

std::string hash_password(std::string_view password) {
  char salt[CRYPT_GENSALT_OUTPUT_SIZE];
  if (!crypt_gensalt_rn("$2a$", kCost, nullptr, 0, salt, sizeof salt))
    throw std::runtime_error("crypt_gensalt_rn failed");
  auto data = std::make_unique<crypt_data>();
  std::string pw(password);
  const char* out = crypt_r(pw.c_str(), salt, data.get());
  if (!out || out[0] == '*') throw std::runtime_error("crypt_r failed");
  return out;
}

bool check_password(std::string_view hash, std::string_view password) {
  if (hash.empty()) return false;
  auto data = std::make_unique<crypt_data>();
  std::string pw(password), h(hash);
  const char* out = crypt_r(pw.c_str(), h.c_str(), data.get());
  if (!out || out[0] == '*') return false;
  return std::strlen(out) == h.size() && CRYPTO_memcmp(out, h.data(), h.size()) == 0;
}

}  // namespace parley
