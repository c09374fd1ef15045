// Accounts and sessions: sign-up, login/logout, session resolution, profile changes.
#pragma once

#include "app/app.h"
#include "model/session.h"
#include "model/user.h"
#include "util/app_error.h"

#include <optional>
#include <string>
#include <vector>

namespace parley::app {

// Sign-up or admin creation. `actor` is null for anonymous sign-up.
Result<model::User> create_user(App& app, model::User input, const std::string& password,
                                const model::Session* actor);

struct LoginRequest {
  std::string login_id;
  std::string password;
  std::string device_id;
  std::string user_agent;
  bool ldap_only = false;
};
struct LoginResult {
  model::User user;
  model::Session session;
};
Result<LoginResult> login(App& app, const LoginRequest& req);
void logout(App& app, const model::Session& s);

// Resolves a token to a live session (401 when unknown or expired).
Result<model::Session> session_from_token(App& app, const std::string& token);

Result<model::User> get_user(App& app, const std::string& user_id);
// JSON as `viewer` may see it.
boost::json::object user_json(App& app, const model::Session& viewer, const model::User& u);
// The same JSON as text, written directly (model/user_writer.h).
std::string user_json_text(App& app, const model::Session& viewer, const model::User& u);

// Validation shared by create/patch: username, email, names (Mattermost's User.IsValid).
Status validate_user(const model::User& u);
// Mattermost's sendUpdatedUserEvent: other admins get the profile with email and names, other
// users the profile as the privacy settings allow, the user themself everything but secrets.
void publish_user_updated(App& app, const model::User& u);
Status validate_password(App& app, const std::string& password);

Result<model::User> patch_user(App& app, const model::Session& actor, const std::string& user_id,
                               const boost::json::object& patch);
Status update_user_roles(App& app, const model::Session& actor, const std::string& user_id,
                         const std::string& roles);
Status update_user_active(App& app, const model::Session& actor, const std::string& user_id,
                          bool active);
Status update_password(App& app, const model::Session& actor, const std::string& user_id,
                       const std::string& current_password, const std::string& new_password);
Result<std::vector<model::Session>> user_sessions(App& app, const model::Session& actor,
                                                  const std::string& user_id);
Status revoke_session(App& app, const model::Session& actor, const std::string& user_id,
                      const std::string& session_id);
Status revoke_all_sessions(App& app, const model::Session& actor, const std::string& user_id);

}  // namespace parley::app
