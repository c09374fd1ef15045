// The direct user writer produces exactly boost::json::serialize(to_json(u, view)) for every
// view and optional field.
#include "model/user_writer.h"

#include <gtest/gtest.h>
#include <boost/json/serialize.hpp>

namespace parley::model {
namespace {

User full_user() {
  User u;
  u.id = "u1";
  u.create_at = 1;
  u.update_at = 2;
  u.username = "alice";
  u.auth_data = "ad";
  u.auth_service = "saml";
  u.email = "alice@example.com";
  u.email_verified = true;
  u.nickname = "Al \"the\" \\ one\n";
  u.first_name = "Alice";
  u.last_name = "Liddell";
  u.position = "lead";
  u.roles = "system_user system_admin";
  u.allow_marketing = true;
  u.props = {{"customStatus", "{}"}};
  u.notify_props = default_notify_props();
  u.last_password_update = 3;
  u.failed_attempts = 1;
  u.locale = "fr";
  u.timezone = default_timezone();
  u.mfa_active = true;
  return u;
}

TEST(UserWriter, EveryViewAndOptionalField) {
  for (bool optional_fields : {false, true}) {
    auto u = full_user();
    if (optional_fields) {
      u.last_picture_update = 4;
      u.is_bot = true;
      u.bot_description = "a bot";
      u.last_activity_at = 5;
      u.disable_welcome_email = true;
    }
    for (bool full : {false, true})
      for (bool email : {false, true})
        for (bool name : {false, true}) {
          UserView v{full, email, name};
          EXPECT_EQ(to_json_text(u, v), boost::json::serialize(to_json(u, v)))
              << full << email << name << optional_fields;
        }
  }
  EXPECT_EQ(to_json_text(User{}, UserView{}), boost::json::serialize(to_json(User{}, UserView{})));
}

}  // namespace
}  // namespace parley::model
