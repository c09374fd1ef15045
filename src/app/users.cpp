// Accounts and sessions with Mattermost's rules (first user is admin, sign-up gates,
// password policy, masked login errors, lockout after MaximumLoginAttempts).
#include "app/users.h"

#include "app/authorization.h"
#include "model/user_writer.h"
#include "store/session_store.h"
#include "store/user_store.h"
#include "util/ids.h"
#include "util/json.h"
#include "util/password.h"

#include <algorithm>
#include <cctype>
#include <regex>

namespace parley::app {
namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

bool valid_username(const std::string& u) {
  static const char* kReserved[] = {"all", "channel", "matterbot", "system", "here"};
  if (u.empty() || u.size() > 64) return false;
  if (!std::isalpha(static_cast<unsigned char>(u[0]))) return false;
  for (char c : u)
    if (!(std::islower(static_cast<unsigned char>(c)) ||
          std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_'))
      return false;
  for (auto r : kReserved)
    if (u == r) return false;
  return true;
}

bool valid_email(const std::string& e) {
  if (e.empty() || e.size() > 128) return false;
  auto at = e.find('@');
  if (at == std::string::npos || at == 0 || at == e.size() - 1) return false;
  if (e.find('@', at + 1) != std::string::npos) return false;
  for (char c : e)
    if (std::isspace(static_cast<unsigned char>(c)) || c == '<' || c == '>') return false;
  return true;
}

AppError user_invalid(const std::string& field, const std::string& user_id) {
  return AppError::make("model.user.is_valid." + field + ".app_error",
                        "Invalid " + field + " for user.", 400, "user_id=" + user_id);
}

int64_t session_length_ms(const config::Config& cfg, bool mobile) {
  int64_t hours =
      mobile ? cfg.service.session_length_mobile_in_hours : cfg.service.session_length_web_in_hours;
  return hours * 3600 * 1000;
}

AppError invalid_credentials() {
  return AppError::make("api.user.login.invalid_credentials_email_username",
                        "Enter a valid email or username and/or password.", 401);
}

}  // namespace

void publish_user_updated(App& app, const model::User& u) {
  auto cfg = app.config();
  auto to_others = [&](model::UserView view, bool admins) {
    Event e{"user_updated", {{"user", model::to_json(u, view)}}, {}, std::nullopt, {}, {}};
    e.broadcast.omit_users.insert(u.id);
    (admins ? e.broadcast.sensitive : e.broadcast.sanitized) = true;
    app.publish(std::move(e));
  };
  to_others({false, true, true}, true);
  to_others({false, cfg->privacy.show_email_address, cfg->privacy.show_full_name}, false);
  app.publish_to_user("user_updated", {{"user", model::to_json(u, {true, true, true})}}, u.id);
}

Status validate_user(const model::User& u) {
  if (!valid_username(u.username)) return user_invalid("username", u.id);
  if (!valid_email(u.email)) return user_invalid("email", u.id);
  if (u.nickname.size() > 64) return user_invalid("nickname", u.id);
  if (u.position.size() > 128) return user_invalid("position", u.id);
  if (u.first_name.size() > 64) return user_invalid("first_name", u.id);
  if (u.last_name.size() > 64) return user_invalid("last_name", u.id);
  if (u.locale.size() > 5) return user_invalid("locale", u.id);
  return {};
}

Status validate_password(App& app, const std::string& password) {
  const auto& p = app.config()->password;
  bool ok = static_cast<int64_t>(password.size()) >= p.minimum_length && password.size() <= 72;
  bool has_lower = false, has_upper = false, has_digit = false, has_symbol = false;
  for (unsigned char c : password) {
    if (std::islower(c))
      has_lower = true;
    else if (std::isupper(c))
      has_upper = true;
    else if (std::isdigit(c))
      has_digit = true;
    else if (c >= 0x20 && c < 0x7f)
      has_symbol = true;
  }
  std::string id = "model.user.is_valid.pwd";
  if (p.lowercase) {
    id += "_lowercase";
    ok = ok && has_lower;
  }
  if (p.uppercase) {
    id += "_uppercase";
    ok = ok && has_upper;
  }
  if (p.number) {
    id += "_number";
    ok = ok && has_digit;
  }
  if (p.symbol) {
    id += "_symbol";
    ok = ok && has_symbol;
  }
  if (ok) return {};
  return AppError::make(
      id + ".app_error",
      "Your password must contain at least " + std::to_string(p.minimum_length) + " characters.",
      400);
}

Result<model::User> create_user(App& app, model::User u, const std::string& password,
                                const model::Session* actor) {
  auto cfg = app.config();
  auto& users = app.store().users();
  bool is_admin = actor && has_permission(*actor, "manage_system");
  bool first_user = users.count(true) == 0;
  if (!is_admin) {
    if (!cfg->email.enable_sign_up_with_email || !cfg->team.enable_user_creation)
      return AppError::make("api.user.create_user.signup_email_disabled.app_error",
                            "User sign-up with email is disabled.", 501);
    if (!first_user && !cfg->team.enable_open_server)
      return AppError::make("api.user.create_user.no_open_server",
                            "This server does not allow open signups.  Please speak with your "
                            "Administrator to receive an invitation.",
                            403, "email=" + u.email);
  }
  u.id = new_id();
  u.username = lower(u.username);
  u.email = lower(u.email);
  int64_t now = now_ms();
  u.create_at = u.update_at = now;
  u.delete_at = 0;
  u.roles = first_user ? "system_admin system_user" : "system_user";
  if (u.locale.empty()) u.locale = "en";
  if (u.notify_props.empty()) u.notify_props = model::default_notify_props();
  if (u.timezone.empty()) u.timezone = model::default_timezone();
  u.email_verified = is_admin ? u.email_verified : false;
  if (!cfg->email.require_email_verification) u.email_verified = true;
  if (auto v = validate_user(u); !v) return std::move(v).error();
  if (auto v = validate_password(app, password); !v) return std::move(v).error();
  if (users.get_by_username(u.username))
    return AppError::make("app.user.save.username_exists.app_error",
                          "An account with that username already exists.", 400);
  if (users.get_by_email(u.email))
    return AppError::make("app.user.save.email_exists.app_error",
                          "An account with that email already exists.", 400);
  u.password = hash_password(password);
  u.last_password_update = now;
  try {
    users.insert(u);
  } catch (const store::StoreError& e) {
    if (!e.constraint) throw;
    return AppError::make("app.user.save.existing.app_error", "Must call update for existing user.",
                          400);
  }
  app.publish_to_all("new_user", {{"user_id", u.id}});
  return u;
}

Result<LoginResult> login(App& app, const LoginRequest& req) {
  auto cfg = app.config();
  auto& users = app.store().users();
  if (req.login_id.empty()) return errors::invalid_body_param("login_id");
  std::optional<model::User> user;
  if (cfg->email.enable_sign_in_with_email) user = users.get_by_email(req.login_id);
  if (!user && cfg->email.enable_sign_in_with_username)
    user = users.get_by_username(lower(req.login_id));
  if (!user) return invalid_credentials();
  if (user->delete_at != 0)
    return AppError::make("api.user.login.inactive.app_error",
                          "Login failed because your account has been deactivated.  Please "
                          "contact an administrator.",
                          401);
  if (cfg->service.maximum_login_attempts > 0 &&
      user->failed_attempts >= cfg->service.maximum_login_attempts)
    return AppError::make("api.user.check_user_login_attempts.too_many.app_error",
                          "Your account is locked because of too many failed password attempts. "
                          "Please reset your password.",
                          401);
  if (!check_password(user->password, req.password)) {
    user->failed_attempts += 1;
    users.update(*user);
    return invalid_credentials();
  }
  int64_t now = now_ms();
  user->failed_attempts = 0;
  user->last_login = now;
  user->last_activity_at = now;
  users.update(*user);

  bool mobile = !req.device_id.empty();
  model::Session s;
  s.id = new_id();
  s.token = new_id();
  s.create_at = now;
  s.last_activity_at = now;
  s.expires_at = now + session_length_ms(*cfg, mobile);
  s.user_id = user->id;
  s.device_id = req.device_id;
  s.roles = user->roles;
  s.props["csrf"] = new_id();
  s.props["platform"] = "";
  s.props["os"] = "";
  s.props["browser"] = "";
  s.props["is_mobile"] = mobile ? "true" : "false";
  s.props["is_guest"] = "false";
  auto& sessions = app.store().sessions();
  std::vector<std::string> replaced;
  app.store().transaction([&] {
    if (mobile) {
      for (const auto& old : sessions.for_user(user->id)) {
        if (old.device_id != req.device_id) continue;
        sessions.remove(old.id);
        replaced.push_back(old.id);
      }
    }
    sessions.insert(s);
  });
  for (const auto& id : replaced) app.session_revoked(id);
  return LoginResult{std::move(*user), std::move(s)};
}

void logout(App& app, const model::Session& s) {
  app.store().sessions().remove(s.id);
  app.session_revoked(s.id);
}

Result<model::Session> session_from_token(App& app, const std::string& token) {
  if (token.empty() || token.size() > 64) return errors::session_expired();
  auto s = app.store().sessions().get_by_token(token);
  int64_t now = now_ms();
  if (!s) {
    return AppError::make("api.context.session_expired.app_error",
                          "Invalid or expired session, please login again.", 401,
                          "token=" + token.substr(0, 8) + "...");
  }
  if (s->is_expired(now)) {
    app.store().sessions().remove(s->id);
    app.session_revoked(s->id);
    return errors::session_expired();
  }
  auto cfg = app.config();
  if (now - s->last_activity_at > 5 * 60 * 1000) {
    s->last_activity_at = now;
    if (cfg->service.extend_session_length_with_activity)
      s->expires_at = now + session_length_ms(*cfg, !s->device_id.empty());
    app.store().sessions().update_last_activity(s->id, now);
  }
  return std::move(*s);
}

Result<model::User> get_user(App& app, const std::string& user_id) {
  auto u = app.store().users().get(user_id);
  if (!u) return AppError::make("app.user.missing_account.const", "Unable to find the user.", 404);
  return std::move(*u);
}

namespace {
model::UserView user_view(App& app, const model::Session& viewer, const model::User& u) {
  auto cfg = app.config();
  model::UserView view;
  view.full = viewer.user_id == u.id || has_permission(viewer, "manage_system");
  view.show_email = cfg->privacy.show_email_address;
  view.show_full_name = cfg->privacy.show_full_name;
  return view;
}
}  // namespace

boost::json::object user_json(App& app, const model::Session& viewer, const model::User& u) {
  return model::to_json(u, user_view(app, viewer, u));
}

std::string user_json_text(App& app, const model::Session& viewer, const model::User& u) {
  return model::to_json_text(u, user_view(app, viewer, u));
}

Result<model::User> patch_user(App& app, const model::Session& actor, const std::string& user_id,
                               const boost::json::object& patch) {
  if (!can_manage_user(app, actor, user_id))
    return errors::permission("edit_other_users", actor.user_id);
  auto r = get_user(app, user_id);
  if (!r) return r;
  model::User u = std::move(r).value();
  bool wrong = false;
  auto set_str = [&](std::string_view key, std::string& field) {
    if (auto v = json::opt_string(patch, key, &wrong)) field = *v;
  };
  std::string old_username = u.username, old_email = u.email;
  set_str("username", u.username);
  set_str("email", u.email);
  set_str("nickname", u.nickname);
  set_str("first_name", u.first_name);
  set_str("last_name", u.last_name);
  set_str("position", u.position);
  set_str("locale", u.locale);
  if (auto it = patch.find("props"); it != patch.end() && it->value().is_object())
    u.props = json::string_map(it->value().get_object());
  if (auto it = patch.find("notify_props"); it != patch.end() && it->value().is_object())
    u.notify_props = json::string_map(it->value().get_object());
  if (auto it = patch.find("timezone"); it != patch.end() && it->value().is_object())
    u.timezone = json::string_map(it->value().get_object());
  if (wrong) return errors::invalid_param("user");
  u.username = lower(u.username);
  u.email = lower(u.email);
  if (auto v = validate_user(u); !v) return std::move(v).error();
  auto& users = app.store().users();
  if (u.username != old_username && users.get_by_username(u.username))
    return AppError::make("app.user.save.username_exists.app_error",
                          "An account with that username already exists.", 400);
  if (u.email != old_email && users.get_by_email(u.email))
    return AppError::make("app.user.save.email_exists.app_error",
                          "An account with that email already exists.", 400);
  u.update_at = now_ms();
  users.update(u);
  publish_user_updated(app, u);
  return u;
}

Status update_user_roles(App& app, const model::Session& actor, const std::string& user_id,
                         const std::string& roles) {
  if (!has_permission(actor, "manage_roles"))
    return errors::permission("manage_roles", actor.user_id);
  auto r = get_user(app, user_id);
  if (!r) return std::move(r).error();
  static const std::regex kAllowed(
      "^( "
      "*(system_user|system_admin|system_user_access_token|system_post_all|system_post_all_public|"
      "system_guest|system_user_manager|system_manager|system_read_only_admin) *)+$");
  if (!std::regex_match(roles, kAllowed)) return errors::invalid_param("roles");
  model::User u = std::move(r).value();
  u.roles = roles;
  u.update_at = now_ms();
  app.store().transaction([&] {
    app.store().users().update(u);
    app.store().sessions().update_roles_for_user(u.id, u.roles);
  });
  app.user_roles_changed(u.id, u.roles);
  app.publish_to_user("user_role_updated", {{"user_id", u.id}, {"roles", u.roles}}, u.id);
  return {};
}

Status update_user_active(App& app, const model::Session& actor, const std::string& user_id,
                          bool active) {
  bool self = actor.user_id == user_id;
  if (!self && !has_permission(actor, "manage_system"))
    return errors::permission("manage_system", actor.user_id);
  if (self && !active && !app.config()->team.enable_user_deactivation &&
      !has_permission(actor, "manage_system"))
    return AppError::make("api.user.update_active.not_enable.app_error",
                          "The deactivate account feature is not enabled.", 401);
  auto r = get_user(app, user_id);
  if (!r) return std::move(r).error();
  model::User u = std::move(r).value();
  int64_t now = now_ms();
  u.delete_at = active ? 0 : now;
  u.update_at = now;
  app.store().transaction([&] {
    app.store().users().update(u);
    if (!active) app.store().sessions().remove_for_user(u.id);
  });
  if (!active) app.user_sessions_revoked(u.id);
  app.publish_to_all("user_activation_status_change", {});
  return {};
}

Status update_password(App& app, const model::Session& actor, const std::string& user_id,
                       const std::string& current_password, const std::string& new_password) {
  bool self = actor.user_id == user_id;
  if (!self && !has_permission(actor, "manage_system"))
    return errors::permission("manage_system", actor.user_id);
  auto r = get_user(app, user_id);
  if (!r) return std::move(r).error();
  model::User u = std::move(r).value();
  if (self && !check_password(u.password, current_password))
    return AppError::make("api.user.update_password.incorrect.app_error",
                          "The \"Current Password\" you entered is incorrect. Please check that "
                          "Caps Lock is off and try again.",
                          400);
  if (auto v = validate_password(app, new_password); !v) return std::move(v).error();
  u.password = hash_password(new_password);
  u.last_password_update = u.update_at = now_ms();
  u.failed_attempts = 0;
  app.store().users().update(u);
  return {};
}

Result<std::vector<model::Session>> user_sessions(App& app, const model::Session& actor,
                                                  const std::string& user_id) {
  if (!can_manage_user(app, actor, user_id))
    return errors::permission("edit_other_users", actor.user_id);
  return app.store().sessions().for_user(user_id);
}

Status revoke_session(App& app, const model::Session& actor, const std::string& user_id,
                      const std::string& session_id) {
  if (!can_manage_user(app, actor, user_id))
    return errors::permission("edit_other_users", actor.user_id);
  auto s = app.store().sessions().get(session_id);
  if (!s || s->user_id != user_id)
    return AppError::make("api.user.revoke_session.app_error", "Unable to revoke session.", 400);
  app.store().sessions().remove(session_id);
  app.session_revoked(session_id);
  return {};
}

Status revoke_all_sessions(App& app, const model::Session& actor, const std::string& user_id) {
  if (!can_manage_user(app, actor, user_id))
    return errors::permission("edit_other_users", actor.user_id);
  app.store().sessions().remove_for_user(user_id);
  app.user_sessions_revoked(user_id);
  return {};
}

}  // namespace parley::app
