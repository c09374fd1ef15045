// Tests for bcrypt password hashing: round trip, wrong passwords, salts, and a hash produced by
// Go's golang.org/x/crypto/bcrypt (what Mattermost stores).
#include "util/password.h"

#include <gtest/gtest.h>

#include <string>

namespace parley {
namespace {

TEST(PasswordTest, RoundTrip) {
  auto h = hash_password("Passw0rd!x");
  EXPECT_EQ(h.substr(0, 7), "$2a$10$");
  EXPECT_EQ(h.size(), 60u);
  EXPECT_TRUE(check_password(h, "Passw0rd!x"));
}

TEST(PasswordTest, WrongPasswordsFail) {
  auto h = hash_password("Passw0rd!x");
  EXPECT_FALSE(check_password(h, "Passw0rd!X"));
  EXPECT_FALSE(check_password(h, ""));
  EXPECT_FALSE(check_password(h, "Passw0rd!x "));
}

TEST(PasswordTest, EachHashHasItsOwnSalt) {
  auto a = hash_password("same");
  auto b = hash_password("same");
  EXPECT_NE(a, b);
  EXPECT_TRUE(check_password(a, "same"));
  EXPECT_TRUE(check_password(b, "same"));
}

TEST(PasswordTest, VerifiesAHashMadeByGoBcrypt) {
  // Interoperability vector of golang.org/x/crypto/bcrypt (bcrypt_test.go): "allmine".
  const std::string go_hash = "$2a$10$XajjQvNhvvRt5GSeFk1xFeyqRrsxkhBkUiQeg0dt.wU1qD4aFDcga";
  EXPECT_TRUE(check_password(go_hash, "allmine"));
  EXPECT_FALSE(check_password(go_hash, "allmine2"));
  EXPECT_FALSE(check_password(go_hash, "Allmine"));
}

TEST(PasswordTest, EmptyOrGarbageHashesNeverMatch) {
  EXPECT_FALSE(check_password("", ""));
  EXPECT_FALSE(check_password("", "x"));
  EXPECT_FALSE(check_password("not-a-hash", "not-a-hash"));
  EXPECT_FALSE(check_password("$2a$10$short", "x"));
}

TEST(PasswordTest, UnicodePasswords) {
  auto h = hash_password("pässwörd✓");
  EXPECT_TRUE(check_password(h, "pässwörd✓"));
  EXPECT_FALSE(check_password(h, "passwort"));
}

}  // namespace
}  // namespace parley
