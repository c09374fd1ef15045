// Direct JSON writer for users; field order and conditions follow model::to_json(User) exactly
// (tests/unit/model/user_writer_test.cpp compares the two byte for byte).
#include "model/user_writer.h"

#include "util/json_writer.h"

namespace parley::model {

std::string to_json_text(const User& u, const UserView& v) {
  using json::append_bool;
  using json::append_int_field;
  using json::append_key;
  using json::append_string_field;
  std::string out;
  out.reserve(1024);
  out += "{\"id\":";
  json::append_string(out, u.id);
  append_int_field(out, "create_at", u.create_at);
  append_int_field(out, "update_at", u.update_at);
  append_int_field(out, "delete_at", u.delete_at);
  append_string_field(out, "username", u.username);
  append_string_field(out, "auth_data", v.full ? u.auth_data : "");
  append_string_field(out, "auth_service", v.full ? u.auth_service : "");
  append_string_field(out, "email", (v.full || v.show_email) ? u.email : "");
  if (v.full) {
    append_key(out, "email_verified");
    append_bool(out, u.email_verified);
  }
  append_string_field(out, "nickname", u.nickname);
  append_string_field(out, "first_name", (v.full || v.show_full_name) ? u.first_name : "");
  append_string_field(out, "last_name", (v.full || v.show_full_name) ? u.last_name : "");
  append_string_field(out, "position", u.position);
  append_string_field(out, "roles", u.roles);
  if (v.full) {
    append_key(out, "allow_marketing");
    append_bool(out, u.allow_marketing);
  }
  append_key(out, "props");
  json::append_value(out, u.props);
  if (v.full) {
    append_key(out, "notify_props");
    json::append_value(out, u.notify_props);
    append_int_field(out, "last_password_update", u.last_password_update);
  }
  if (u.last_picture_update) append_int_field(out, "last_picture_update", u.last_picture_update);
  if (v.full) append_int_field(out, "failed_attempts", u.failed_attempts);
  append_string_field(out, "locale", u.locale);
  append_key(out, "timezone");
  json::append_value(out, u.timezone);
  if (v.full) {
    append_key(out, "mfa_active");
    append_bool(out, u.mfa_active);
  }
  if (u.is_bot) {
    out += ",\"is_bot\":true";
    append_string_field(out, "bot_description", u.bot_description);
  }
  if (u.last_activity_at) append_int_field(out, "last_activity_at", u.last_activity_at);
  append_key(out, "disable_welcome_email");
  append_bool(out, u.disable_welcome_email);
  out += '}';
  return out;
}

}  // namespace parley::model
