// User JSON encoding and defaults.
#include "model/user.h"

#include <sstream>

namespace parley::model {

bool User::has_role(std::string_view role) const {
  std::istringstream in(roles);
  std::string r;
  while (in >> r)
    if (r == role) return true;
  return false;
}

bool User::is_system_admin() const {
  return has_role("system_admin");
}

boost::json::object default_notify_props() {
  return {{"email", "true"},
          {"push", "mention"},
          {"desktop", "mention"},
          {"desktop_sound", "true"},
          {"mention_keys", ""},
          {"channel", "true"},
          {"push_status", "online"},
          {"comments", "never"},
          {"first_name", "false"},
          {"desktop_threads", "all"},
          {"email_threads", "all"},
          {"push_threads", "all"},
          {"auto_responder_active", "false"},
          {"auto_responder_message", ""}};
}

boost::json::object default_timezone() {
  return {{"useAutomaticTimezone", "true"}, {"automaticTimezone", ""}, {"manualTimezone", ""}};
}

std::string full_name(const User& u) {
  if (!u.first_name.empty() && !u.last_name.empty()) return u.first_name + " " + u.last_name;
  return u.first_name.empty() ? u.last_name : u.first_name;
}

boost::json::object to_json(const User& u, const UserView& view) {
  boost::json::object o;
  o["id"] = u.id;
  o["create_at"] = u.create_at;
  o["update_at"] = u.update_at;
  o["delete_at"] = u.delete_at;
  o["username"] = u.username;
  o["auth_data"] = view.full ? u.auth_data : "";
  o["auth_service"] = view.full ? u.auth_service : "";
  o["email"] = (view.full || view.show_email) ? u.email : "";
  if (view.full) o["email_verified"] = u.email_verified;
  o["nickname"] = u.nickname;
  o["first_name"] = (view.full || view.show_full_name) ? u.first_name : "";
  o["last_name"] = (view.full || view.show_full_name) ? u.last_name : "";
  o["position"] = u.position;
  o["roles"] = u.roles;
  if (view.full) o["allow_marketing"] = u.allow_marketing;
  o["props"] = u.props;
  if (view.full) o["notify_props"] = u.notify_props;
  if (view.full) o["last_password_update"] = u.last_password_update;
  if (u.last_picture_update) o["last_picture_update"] = u.last_picture_update;
  if (view.full) o["failed_attempts"] = u.failed_attempts;
  o["locale"] = u.locale;
  o["timezone"] = u.timezone;
  if (view.full) o["mfa_active"] = u.mfa_active;
  if (u.is_bot) {
    o["is_bot"] = true;
    o["bot_description"] = u.bot_description;
  }
  if (u.last_activity_at) o["last_activity_at"] = u.last_activity_at;
  o["disable_welcome_email"] = u.disable_welcome_email;
  return o;
}

}  // namespace parley::model
