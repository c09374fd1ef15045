// Team creation, lookups, sanitising, listing, patch/update, archive and restore.
#include "app/teams.h"

#include "app/authorization.h"
#include "app/channels.h"
#include "app/files.h"
#include "app/team_members.h"
#include "app/users.h"
#include "store/file_info_store.h"
#include "store/team_store.h"
#include "util/ids.h"
#include "util/json.h"

#include <algorithm>

namespace parley::app {
namespace {

AppError team_invalid(const std::string& field, const std::string& team_id) {
  static const std::pair<const char*, const char*> kMessages[] = {
      {"id", "Invalid Id."},
      {"create_at", "Create at must be a valid time."},
      {"update_at", "Update at must be a valid time."},
      {"email", "Invalid email."},
      {"name", "Invalid name."},
      {"url", "Invalid URL Identifier."},
      {"description", "Invalid description."},
      {"invite_id", "Invalid invite id."},
      {"reserved", "This URL is unavailable. Please try another."},
      {"characters", "Name must be 2 or more lowercase alphanumeric characters."},
      {"type", "Invalid type."},
      {"company", "Invalid company name."},
      {"domains", "Invalid allowed domains."}};
  std::string message = "Invalid team.";
  for (auto [k, m] : kMessages)
    if (field == k) message = m;
  return AppError::make("model.team.is_valid." + field + ".app_error", message, 400,
                        team_id.empty() ? "" : "id=" + team_id);
}

bool valid_email(const std::string& e) {
  auto at = e.find('@');
  if (at == std::string::npos || at == 0 || at + 1 >= e.size()) return false;
  if (e.find('@', at + 1) != std::string::npos) return false;
  return std::none_of(e.begin(), e.end(), [](unsigned char c) {
    return std::isspace(c) || std::isupper(c) || c == '<' || c == '>';
  });
}

AppError domain_mismatch(const std::string& domain) {
  return AppError::make("api.team.update_restricted_domains.mismatch.app_error",
                        "Restricting team to " + domain +
                            " is not allowed by the system admin. Please contact your system "
                            "administrator.",
                        400);
}

// Allowed domains must be within TeamSettings.RestrictCreationToDomains (checkValidDomains).
Status check_valid_domains(App& app, const model::Team& t) {
  auto valid = normalize_domains(app.config()->team.restrict_creation_to_domains);
  if (valid.empty()) return {};
  for (const auto& d : normalize_domains(t.allowed_domains))
    if (std::find(valid.begin(), valid.end(), d) == valid.end()) return domain_mismatch(d);
  return {};
}

// Saves an updated team (PreUpdate + IsValid); a taken name is a 400.
Result<model::Team> store_update(App& app, model::Team t) {
  t.update_at = now_ms();
  if (auto v = validate_team(t); !v) return std::move(v).error();
  try {
    app.store().teams().update(t);
  } catch (const store::StoreError& e) {
    if (!e.constraint) throw;
    return AppError::make("app.team.update.find.app_error", "Unable to find the existing team.",
                          400);
  }
  return t;
}

Result<model::Team> managed_team(App& app, const model::Session& actor,
                                 const std::string& team_id) {
  if (!has_team_permission(app, actor, team_id, "manage_team"))
    return errors::permission("manage_team", actor.user_id);
  return get_team(app, team_id);
}

}  // namespace

Status validate_team(const model::Team& t) {
  if (!is_valid_id(t.id)) return team_invalid("id", "");
  if (t.create_at == 0) return team_invalid("create_at", t.id);
  if (t.update_at == 0) return team_invalid("update_at", t.id);
  if (t.email.size() > model::kTeamEmailMaxLength) return team_invalid("email", t.id);
  if (!t.email.empty() && !valid_email(t.email)) return team_invalid("email", t.id);
  auto runes = model::rune_count(t.display_name);
  if (runes == 0 || runes > model::kTeamDisplayNameMaxRunes) return team_invalid("name", t.id);
  if (t.name.size() > model::kTeamNameMaxLength) return team_invalid("url", t.id);
  if (t.description.size() > model::kTeamDescriptionMaxLength)
    return team_invalid("description", t.id);
  if (t.invite_id.empty()) return team_invalid("invite_id", t.id);
  if (model::is_reserved_team_name(t.name)) return team_invalid("reserved", t.id);
  if (!model::is_valid_team_name(t.name)) return team_invalid("characters", t.id);
  if (t.type != "O" && t.type != "I") return team_invalid("type", t.id);
  if (t.company_name.size() > model::kTeamCompanyNameMaxLength)
    return team_invalid("company", t.id);
  if (t.allowed_domains.size() > model::kTeamAllowedDomainsMaxLength)
    return team_invalid("domains", t.id);
  return {};
}

Result<model::Team> get_team(App& app, const std::string& team_id) {
  auto t = app.store().teams().get(team_id);
  if (!t)
    return AppError::make("app.team.get.find.app_error", "Unable to find the existing team.", 404);
  return std::move(*t);
}

Result<model::Team> get_team_by_name(App& app, const std::string& name) {
  auto t = app.store().teams().get_by_name(name);
  if (!t)
    return AppError::make("app.team.get_by_name.missing.app_error",
                          "Unable to find the existing team.", 404);
  return std::move(*t);
}

model::TeamView team_view(App& app, const model::Session& viewer, const model::Team& t) {
  if (has_team_permission(app, viewer, t.id, "manage_team")) return model::TeamView::full;
  if (has_team_permission(app, viewer, t.id, "invite_user")) return model::TeamView::keep_invite_id;
  return model::TeamView::sanitized;
}

boost::json::object team_json(App& app, const model::Session& viewer, const model::Team& t) {
  return model::to_json(t, team_view(app, viewer, t));
}

void publish_team_event(App& app, const std::string& event, const model::Team& t) {
  app.publish_to_team(
      event, {{"team", boost::json::serialize(model::to_json(t, model::TeamView::sanitized))}},
      t.id);
}

Result<model::Team> create_team(App& app, const model::Session& actor, model::Team t) {
  if (!has_permission(actor, "create_team"))
    return AppError::make("api.team.is_team_creation_allowed.disabled.app_error",
                          "Team creation has been disabled. Please ask your System Administrator "
                          "for details.",
                          403);
  if (!t.scheme_id.empty() &&
      !has_permission(actor, "sysconsole_write_user_management_permissions"))
    return errors::permission("sysconsole_write_user_management_permissions", actor.user_id);
  auto user = get_user(app, actor.user_id);
  if (!user) return std::move(user).error();
  t.email = user->email;
  if (!team_email_allowed(app, *user, t))
    return AppError::make("api.team.is_team_creation_allowed.domain.app_error",
                          "Email must be from a specific domain (e.g. @example.com). Please ask "
                          "your System Administrator for details.",
                          400);
  if (!t.id.empty())
    return AppError::make("app.team.save.existing.app_error", "Must call update for existing team.",
                          400);
  t.id = new_id();
  t.create_at = t.update_at = now_ms();
  t.delete_at = 0;
  t.invite_id = new_id();
  if (auto v = validate_team(t); !v) return std::move(v).error();
  if (auto v = check_valid_domains(app, t); !v) return std::move(v).error();

  struct Rollback {};
  std::optional<AppError> failed;
  try {
    app.store().transaction([&] {
      try {
        app.store().teams().insert(t);
      } catch (const store::StoreError& e) {
        if (!e.constraint) throw;
        failed = AppError::make("app.team.save.existing.app_error",
                                "A team with that name already exists.", 400);
        throw Rollback{};
      }
      for (const auto& name : default_channel_names(app)) {
        model::Channel c;
        c.team_id = t.id;
        c.type = "O";
        c.name = name;
        c.display_name = name == "town-square" ? "Town Square"
                         : name == "off-topic" ? "Off-Topic"
                                               : name;
        if (auto r = save_channel(app, std::move(c)); !r) {
          failed = std::move(r).error();
          throw Rollback{};
        }
      }
    });
  } catch (const Rollback&) {
  }
  if (failed) return std::move(*failed);
  auto joined = join_user_to_team(app, t, *user, "");
  if (!joined) return std::move(joined).error();
  return t;
}

Result<model::Team> read_team(App& app, const model::Session& actor, const std::string& team_id) {
  auto t = get_team(app, team_id);
  if (!t) return t;
  if ((!t->allow_open_invite || t->type != "O") &&
      !has_team_permission(app, actor, t->id, "view_team"))
    return errors::permission("view_team", actor.user_id);
  return t;
}

Result<model::Team> read_team_by_name(App& app, const model::Session& actor,
                                      const std::string& name) {
  auto t = get_team_by_name(app, name);
  if (!t) return t;
  if ((!t->allow_open_invite || t->type != "O") &&
      !has_team_permission(app, actor, t->id, "view_team"))
    return errors::permission("view_team", actor.user_id);
  return t;
}

Result<TeamPage> list_teams(App& app, const model::Session& actor, int page, int per_page,
                            bool with_total) {
  bool list_private = has_permission(actor, "list_private_teams");
  bool list_public = has_permission(actor, "list_public_teams");
  store::TeamListQuery q;
  q.limit = per_page;
  q.offset = page * per_page;
  if (list_private && !list_public)
    q.allow_open_invite = false;
  else if (list_public && !list_private)
    q.allow_open_invite = true;
  else if (!list_public)
    return AppError::make("api.team.get_all_teams.insufficient_permissions",
                          "You don't have the appropriate permissions to list all teams", 403);
  TeamPage out;
  out.teams = app.store().teams().list(q);
  if (with_total) out.total_count = app.store().teams().count(q.allow_open_invite);
  return out;
}

Result<std::vector<boost::json::object>> teams_for_user(App& app, const model::Session& actor,
                                                        const std::string& user_id) {
  if (actor.user_id != user_id && !has_permission(actor, "sysconsole_read_user_management_users"))
    return errors::permission("sysconsole_read_user_management_users", actor.user_id);
  bool hide_email =
      !app.config()->privacy.show_email_address && !has_permission(actor, "manage_system");
  std::vector<boost::json::object> out;
  for (const auto& t : app.store().teams().teams_for_user(user_id)) {
    auto o = team_json(app, actor, t);
    if (hide_email) o["email"] = "";
    out.push_back(std::move(o));
  }
  return out;
}

bool team_exists(App& app, const model::Session& actor, const std::string& name) {
  auto t = app.store().teams().get_by_name(name);
  if (!t) return false;
  auto member = app.store().teams().get_member(t->id, actor.user_id);
  if (member && member->delete_at == 0) return true;
  return t->allow_open_invite ? has_permission(actor, "list_public_teams")
                              : has_permission(actor, "list_private_teams");
}

Result<model::Team> patch_team(App& app, const model::Session& actor, const std::string& team_id,
                               const boost::json::object& patch) {
  bool wrong = false;
  auto display_name = json::opt_string(patch, "display_name", &wrong);
  auto description = json::opt_string(patch, "description", &wrong);
  auto company_name = json::opt_string(patch, "company_name", &wrong);
  auto allowed_domains = json::opt_string(patch, "allowed_domains", &wrong);
  auto allow_open_invite = json::opt_bool(patch, "allow_open_invite", &wrong);
  auto group_constrained = json::opt_bool(patch, "group_constrained", &wrong);
  json::opt_bool(patch, "cloud_limits_archived", &wrong);
  if (wrong) return errors::invalid_param("team");
  auto r = managed_team(app, actor, team_id);
  if (!r) return r;
  model::Team t = std::move(r).value();
  if (display_name) t.display_name = *display_name;
  if (description) t.description = *description;
  if (company_name) t.company_name = *company_name;
  if (allowed_domains) t.allowed_domains = *allowed_domains;
  if (allow_open_invite) {
    if (!*allow_open_invite) t.invite_id = new_id();
    t.allow_open_invite = *allow_open_invite;
  }
  if (group_constrained) t.group_constrained = *group_constrained;
  if (auto v = check_valid_domains(app, t); !v) return std::move(v).error();
  auto saved = store_update(app, std::move(t));
  if (!saved) return saved;
  publish_team_event(app, "update_team", *saved);
  return saved;
}

Result<model::Team> update_team(App& app, const model::Session& actor, const std::string& team_id,
                                const boost::json::object& body) {
  bool wrong = false;
  auto id = json::opt_string(body, "id", &wrong);
  auto display_name = json::opt_string(body, "display_name", &wrong);
  auto description = json::opt_string(body, "description", &wrong);
  auto company_name = json::opt_string(body, "company_name", &wrong);
  auto allowed_domains = json::opt_string(body, "allowed_domains", &wrong);
  auto allow_open_invite = json::opt_bool(body, "allow_open_invite", &wrong);
  auto group_constrained = json::opt_bool(body, "group_constrained", &wrong);
  auto icon = json::opt_int(body, "last_team_icon_update", &wrong);
  for (auto key : {"name", "email", "type", "invite_id"}) json::opt_string(body, key, &wrong);
  if (wrong) return errors::invalid_param("team");
  if (id.value_or("") != team_id) return errors::invalid_param("id");
  auto r = managed_team(app, actor, team_id);
  if (!r) return r;
  // Mattermost copies these fields from the body, missing ones included (as zero values).
  model::Team t = std::move(r).value();
  t.display_name = display_name.value_or("");
  t.description = description.value_or("");
  t.allow_open_invite = allow_open_invite.value_or(false);
  t.company_name = company_name.value_or("");
  t.allowed_domains = allowed_domains.value_or("");
  t.last_team_icon_update = icon.value_or(0);
  t.group_constrained = group_constrained.value_or(false);
  if (auto v = check_valid_domains(app, t); !v) return std::move(v).error();
  auto saved = store_update(app, std::move(t));
  if (!saved) return saved;
  publish_team_event(app, "update_team", *saved);
  return saved;
}

Status archive_team(App& app, const model::Session& actor, const std::string& team_id,
                    bool permanent) {
  if (!has_team_permission(app, actor, team_id, "manage_team"))
    return errors::permission("manage_team", actor.user_id);
  if (permanent && app.config()->service.enable_api_team_deletion) {
    auto r = get_team(app, team_id);
    if (!r) return std::move(r).error();
    publish_team_event(app, "delete_team", *r);  // before the members are gone
    std::vector<model::FileInfo> files;
    app.store().transaction([&] {
      files = app.store().file_infos().permanent_delete_for_team(team_id);
      app.store().teams().permanent_delete(team_id);
    });
    remove_stored_files(app, files);
    return {};
  }
  if (permanent)
    return AppError::make("api.user.delete_team.not_enabled.app_error",
                          "Permanent team deletion feature is not enabled. Please contact your "
                          "System Administrator.",
                          401, "teamId=" + team_id);
  auto r = get_team(app, team_id);
  if (!r) return std::move(r).error();
  model::Team t = std::move(r).value();
  t.delete_at = now_ms();
  auto saved = store_update(app, std::move(t));
  if (!saved) return std::move(saved).error();
  publish_team_event(app, "delete_team", *saved);
  return {};
}

Result<model::Team> restore_team(App& app, const model::Session& actor,
                                 const std::string& team_id) {
  auto r = managed_team(app, actor, team_id);
  if (!r) return r;
  model::Team t = std::move(r).value();
  t.delete_at = 0;
  auto saved = store_update(app, std::move(t));
  if (!saved) return saved;
  publish_team_event(app, "restore_team", *saved);
  return saved;
}

Result<model::Team> regenerate_invite_id(App& app, const model::Session& actor,
                                         const std::string& team_id) {
  auto r = managed_team(app, actor, team_id);
  if (!r) return r;
  model::Team t = std::move(r).value();
  t.invite_id = new_id();
  auto saved = store_update(app, std::move(t));
  if (!saved) return saved;
  publish_team_event(app, "update_team", *saved);
  return saved;
}

Result<model::Team> team_for_invite(App& app, const std::string& invite_id) {
  auto t = app.store().teams().get_by_invite_id(invite_id);
  if (!t)
    return AppError::make("app.team.get_by_invite_id.finding.app_error",
                          "Unable to find the existing team.", 404);
  if (t->type != "O")
    return AppError::make("api.team.get_invite_info.not_open_team",
                          "Invite is invalid because this is not an open team.", 403,
                          "id=" + invite_id);
  return std::move(*t);
}

}  // namespace parley::app
