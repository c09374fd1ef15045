// Users columns and row mapping shared by the SQLite and PostgreSQL user stores.
#pragma once

#include "model/user.h"
#include "store/sql/json_columns.h"

#include <string>
#include <string_view>
#include <vector>

namespace parley::store::sql {

inline constexpr std::string_view kUserColumns =
    "Id, CreateAt, UpdateAt, DeleteAt, Username, Password, AuthData, AuthService, Email, "
    "EmailVerified, Nickname, FirstName, LastName, Position, Roles, AllowMarketing, Props, "
    "NotifyProps, LastPasswordUpdate, LastPictureUpdate, FailedAttempts, Locale, Timezone, "
    "MfaActive, LastActivityAt, IsBot, BotDescription, LastLogin, DisableWelcomeEmail";
inline constexpr int kUserColumnCount = 29;

template <class Row>
model::User read_user(const Row& s) {
  model::User u;
  int i = 0;
  u.id = s.text(i++);
  u.create_at = s.int64(i++);
  u.update_at = s.int64(i++);
  u.delete_at = s.int64(i++);
  u.username = s.text(i++);
  u.password = s.text(i++);
  u.auth_data = s.text(i++);
  u.auth_service = s.text(i++);
  u.email = s.text(i++);
  u.email_verified = s.boolean(i++);
  u.nickname = s.text(i++);
  u.first_name = s.text(i++);
  u.last_name = s.text(i++);
  u.position = s.text(i++);
  u.roles = s.text(i++);
  u.allow_marketing = s.boolean(i++);
  u.props = object_column(s, i++);
  u.notify_props = object_column(s, i++);
  u.last_password_update = s.int64(i++);
  u.last_picture_update = s.int64(i++);
  u.failed_attempts = s.int64(i++);
  u.locale = s.text(i++);
  u.timezone = object_column(s, i++);
  u.mfa_active = s.boolean(i++);
  u.last_activity_at = s.int64(i++);
  u.is_bot = s.boolean(i++);
  u.bot_description = s.text(i++);
  u.last_login = s.int64(i++);
  u.disable_welcome_email = s.boolean(i++);
  return u;
}

// Binds the 29 columns in kUserColumns order to parameters 1..29.
template <class Stmt>
void bind_user(Stmt& s, const model::User& u) {
  s.bind_all(u.id, u.create_at, u.update_at, u.delete_at, u.username, u.password, u.auth_data,
             u.auth_service, u.email, u.email_verified, u.nickname, u.first_name, u.last_name,
             u.position, u.roles, u.allow_marketing, to_text(u.props), to_text(u.notify_props),
             u.last_password_update, u.last_picture_update, u.failed_attempts, u.locale,
             to_text(u.timezone), u.mfa_active, u.last_activity_at, u.is_bot, u.bot_description,
             u.last_login, u.disable_welcome_email);
}

// Mattermost's user search: the term split into words ("@" in front dropped), each of which must
// prefix one of the searchable columns; e-mail and first/last name only when allowed.
inline std::vector<std::string> user_search_words(std::string_view term) {
  std::vector<std::string> out;
  std::size_t i = 0;
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (i < term.size()) {
    while (i < term.size() && space(term[i])) ++i;
    std::size_t b = i;
    while (i < term.size() && !space(term[i])) ++i;
    std::string_view w = term.substr(b, i - b);
    while (!w.empty() && w.front() == '@') w.remove_prefix(1);
    if (!w.empty()) out.emplace_back(w);
  }
  return out;
}
inline std::vector<std::string_view> user_search_columns(bool emails, bool full_names) {
  std::vector<std::string_view> cols = {"Username", "Nickname"};
  if (full_names) {
    cols.emplace_back("FirstName");
    cols.emplace_back("LastName");
  }
  if (emails) cols.emplace_back("Email");
  return cols;
}

}  // namespace parley::store::sql
