// User and its JSON (Mattermost field names), with the sanitising rules for other viewers.
#pragma once

#include <boost/json/object.hpp>

#include <cstdint>
#include <string>

namespace parley::model {

struct User {
  std::string id;
  int64_t create_at = 0;
  int64_t update_at = 0;
  int64_t delete_at = 0;
  std::string username;
  std::string password;  // bcrypt hash; never serialised
  std::string auth_data;
  std::string auth_service;
  std::string email;
  bool email_verified = false;
  std::string nickname;
  std::string first_name;
  std::string last_name;
  std::string position;
  std::string roles;  // space separated system roles
  bool allow_marketing = false;
  boost::json::object props;
  boost::json::object notify_props;
  int64_t last_password_update = 0;
  int64_t last_picture_update = 0;
  int64_t failed_attempts = 0;
  std::string locale = "en";
  boost::json::object timezone;
  bool mfa_active = false;
  int64_t last_activity_at = 0;
  bool is_bot = false;
  std::string bot_description;
  int64_t last_login = 0;
  bool disable_welcome_email = false;

  bool is_system_admin() const;
  bool has_role(std::string_view role) const;
};

// Who is looking at a user decides what is shown (Mattermost's Sanitize rules).
struct UserView {
  bool full = false;           // the user themself or an admin: everything but secrets
  bool show_email = true;      // PrivacySettings.ShowEmailAddress
  bool show_full_name = true;  // PrivacySettings.ShowFullName
};

boost::json::object to_json(const User& u, const UserView& view);
boost::json::object default_notify_props();
boost::json::object default_timezone();
// Full name for display: "first last", trimmed.
std::string full_name(const User& u);

}  // namespace parley::model
