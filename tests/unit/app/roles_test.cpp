// Tests for the built-in roles: permission sets as a fresh Mattermost server has them, the
// roles_grant check, stable ids and the role JSON.
#include "app/roles.h"
#include "model/role.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace parley::app {
namespace {

const model::Role& role(std::string_view name) {
  const model::Role* r = find_role(name);
  if (!r) throw std::runtime_error("no role " + std::string(name));
  return *r;
}

bool has(std::string_view role_name, std::string_view permission) {
  const auto& perms = role(role_name).permissions;
  return std::find(perms.begin(), perms.end(), permission) != perms.end();
}

std::set<std::string> perm_set(std::string_view role_name) {
  const auto& perms = role(role_name).permissions;
  return {perms.begin(), perms.end()};
}

TEST(RolesTest, AllPermissionIdsAreUniqueAndKnown) {
  const auto& all = all_permission_ids();
  std::set<std::string> unique(all.begin(), all.end());
  EXPECT_EQ(unique.size(), all.size());
  EXPECT_EQ(all.size(), 278u);
  for (const char* p : {"manage_system", "create_post", "sysconsole_read_site_ip_filters",
                        "sysconsole_write_user_management_system_roles", "run_view",
                        "restore_custom_group", "edit_file_attachment"}) {
    EXPECT_TRUE(unique.count(p)) << p;
  }
  for (const auto& d : deprecated_permission_ids()) EXPECT_FALSE(unique.count(d)) << d;
}

TEST(RolesTest, DefaultRoleNames) {
  std::set<std::string> names;
  for (const auto& r : default_roles()) names.insert(r.name);
  std::set<std::string> expected = {"system_admin",
                                    "system_user",
                                    "system_guest",
                                    "system_user_access_token",
                                    "system_post_all",
                                    "system_post_all_public",
                                    "system_user_manager",
                                    "system_manager",
                                    "system_read_only_admin",
                                    "system_custom_group_admin",
                                    "system_shared_channel_manager",
                                    "team_admin",
                                    "team_user",
                                    "team_guest",
                                    "team_post_all",
                                    "team_post_all_public",
                                    "channel_admin",
                                    "channel_user",
                                    "channel_guest",
                                    "custom_group_user"};
  EXPECT_EQ(names, expected);
  EXPECT_EQ(default_roles().size(), expected.size());
  EXPECT_EQ(find_role("no_such_role"), nullptr);
  EXPECT_EQ(find_role(""), nullptr);
}

TEST(RolesTest, EveryRolePermissionIsKnownAndUnique) {
  std::set<std::string> all(all_permission_ids().begin(), all_permission_ids().end());
  for (const auto& r : default_roles()) {
    std::set<std::string> unique(r.permissions.begin(), r.permissions.end());
    EXPECT_EQ(unique.size(), r.permissions.size()) << r.name;
    for (const auto& p : r.permissions) EXPECT_TRUE(all.count(p)) << r.name << ": " << p;
  }
}

TEST(RolesTest, SystemAdminHasEveryPermission) {
  for (const auto& p : all_permission_ids()) {
    EXPECT_TRUE(roles_grant("system_admin", p)) << p;
  }
  EXPECT_EQ(role("system_admin").permissions.size(), all_permission_ids().size());
}

TEST(RolesTest, SystemUser) {
  for (const char* p :
       {"create_team", "create_direct_channel", "create_group_channel", "view_members",
        "list_public_teams", "join_public_teams", "create_emojis", "delete_emojis",
        "create_custom_group", "manage_custom_group_members", "manage_own_agent"}) {
    EXPECT_TRUE(has("system_user", p)) << p;
  }
  for (const char* p : {"manage_system", "edit_other_users", "list_private_teams",
                        "delete_others_emojis", "create_post", "manage_others_agent"}) {
    EXPECT_FALSE(has("system_user", p)) << p;
  }
  EXPECT_EQ(role("system_user").permissions.size(), 14u);
}

TEST(RolesTest, TeamUser) {
  std::set<std::string> expected = {
      "list_team_channels",     "join_public_channels",   "read_public_channel", "view_team",
      "create_public_channel",  "create_private_channel", "invite_user",         "add_user_to_team",
      "playbook_public_create", "playbook_private_create"};
  EXPECT_EQ(perm_set("team_user"), expected);
}

TEST(RolesTest, ChannelUser) {
  for (const char* p :
       {"create_post", "read_channel", "read_channel_content", "add_reaction", "remove_reaction",
        "edit_post", "delete_post", "upload_file", "get_public_link", "use_channel_mentions",
        "use_group_mentions", "manage_public_channel_members", "read_public_channel_groups",
        "add_bookmark_public_channel", "edit_file_attachment"}) {
    EXPECT_TRUE(has("channel_user", p)) << p;
  }
  for (const char* p : {"edit_others_posts", "delete_others_posts", "manage_channel_roles",
                        "remove_others_reactions", "create_post_public"}) {
    EXPECT_FALSE(has("channel_user", p)) << p;
  }
  EXPECT_EQ(role("channel_user").permissions.size(), 28u);
}

TEST(RolesTest, GuestsAndAdmins) {
  std::set<std::string> guest = {"read_channel",    "read_channel_content", "add_reaction",
                                 "remove_reaction", "upload_file",          "edit_post",
                                 "create_post",     "use_channel_mentions", "edit_file_attachment"};
  EXPECT_EQ(perm_set("channel_guest"), guest);
  EXPECT_EQ(perm_set("team_guest"), std::set<std::string>{"view_team"});
  EXPECT_EQ(perm_set("system_guest"),
            (std::set<std::string>{"create_direct_channel", "create_group_channel"}));

  EXPECT_TRUE(has("team_admin", "delete_others_posts"));
  EXPECT_TRUE(has("team_admin", "manage_team"));
  EXPECT_TRUE(has("team_admin", "create_post"));
  EXPECT_TRUE(has("team_admin", "manage_others_incoming_webhooks"));
  EXPECT_FALSE(has("team_admin", "edit_others_posts"));
  EXPECT_TRUE(has("channel_admin", "manage_channel_roles"));
  EXPECT_TRUE(has("channel_admin", "create_post"));
  EXPECT_TRUE(has("channel_admin", "use_group_mentions"));
  EXPECT_FALSE(has("channel_admin", "delete_others_posts"));

  EXPECT_TRUE(role("custom_group_user").permissions.empty());
  EXPECT_TRUE(has("system_post_all", "create_post"));
  EXPECT_TRUE(has("system_post_all_public", "create_post_public"));
  EXPECT_FALSE(has("system_post_all_public", "create_post"));
  EXPECT_TRUE(has("system_user_access_token", "create_user_access_token"));
  EXPECT_TRUE(has("system_manager", "sysconsole_write_user_management_teams"));
  EXPECT_FALSE(has("system_manager", "manage_system"));
  EXPECT_TRUE(has("system_read_only_admin", "sysconsole_read_environment_mobile_security"));
  EXPECT_FALSE(has("system_read_only_admin", "sysconsole_write_site_customization"));
  EXPECT_TRUE(has("system_user_manager", "test_ldap"));
}

TEST(RolesTest, RolesGrantCombinations) {
  EXPECT_TRUE(roles_grant("system_user", "create_team"));
  EXPECT_FALSE(roles_grant("system_user", "create_post"));
  EXPECT_TRUE(roles_grant("system_user team_user", "create_public_channel"));
  EXPECT_TRUE(roles_grant("system_user team_user", "create_team"));
  EXPECT_FALSE(roles_grant("system_user team_user", "manage_team"));
  EXPECT_TRUE(roles_grant("team_user team_admin", "manage_team"));
  EXPECT_TRUE(roles_grant("channel_user", "create_post"));
  EXPECT_TRUE(roles_grant("  system_user\tchannel_user  ", "create_post"));
  EXPECT_TRUE(roles_grant("bogus system_admin", "manage_system"));
  EXPECT_FALSE(roles_grant("system_user_manager", "manage_system"));
  EXPECT_FALSE(roles_grant("", "create_post"));
  EXPECT_FALSE(roles_grant("   ", "create_post"));
  EXPECT_FALSE(roles_grant("no_such_role", "create_post"));
  EXPECT_FALSE(roles_grant("system_user", ""));
  EXPECT_FALSE(roles_grant("system_admin", "not_a_permission"));
  // A role name is matched whole, not by prefix.
  EXPECT_FALSE(roles_grant("system_adm", "manage_system"));
  EXPECT_FALSE(roles_grant("system_admins", "manage_system"));
}

TEST(RolesTest, IdsAreStableUniqueAndWellFormed) {
  std::set<std::string> ids;
  for (const auto& r : default_roles()) {
    ASSERT_EQ(r.id.size(), 26u) << r.name;
    for (char c : r.id) {
      EXPECT_NE(std::string_view("ybndrfg8ejkmcpqxot1uwisza345h769").find(c),
                std::string_view::npos)
          << r.name << " " << r.id;
    }
    ids.insert(r.id);
    EXPECT_EQ(find_role_by_id(r.id), &r);
  }
  EXPECT_EQ(ids.size(), default_roles().size());
  EXPECT_EQ(find_role_by_id("00000000000000000000000000"), nullptr);
  // Derived from the name (SHA-256 of "parley-role:<name>"), so the same on every start.
  EXPECT_EQ(role("system_admin").id, "zodb8t6se1c9f3cefshoapn46r");
  EXPECT_EQ(role("system_user").id, "s1kycwbh9rwkfyijqb66gsdqga");
}

TEST(RolesTest, Flags) {
  for (const char* n : {"system_admin", "system_user", "system_guest", "team_admin", "team_user",
                        "team_guest", "channel_admin", "channel_user", "channel_guest"}) {
    EXPECT_TRUE(role(n).scheme_managed) << n;
    EXPECT_TRUE(role(n).built_in) << n;
  }
  for (const char* n : {"system_post_all", "system_user_access_token", "system_manager",
                        "team_post_all", "team_post_all_public", "system_custom_group_admin"}) {
    EXPECT_FALSE(role(n).scheme_managed) << n;
    EXPECT_TRUE(role(n).built_in) << n;
  }
  EXPECT_FALSE(role("custom_group_user").scheme_managed);
  EXPECT_FALSE(role("custom_group_user").built_in);
}

TEST(RolesTest, DisplayNamesAreI18nIds) {
  EXPECT_EQ(role("system_admin").display_name, "authentication.roles.global_admin.name");
  EXPECT_EQ(role("system_user").display_name, "authentication.roles.global_user.name");
  EXPECT_EQ(role("system_user").description, "authentication.roles.global_user.description");
  EXPECT_EQ(role("system_guest").display_name, "authentication.roles.global_guest.name");
  EXPECT_EQ(role("team_user").display_name, "authentication.roles.team_user.name");
  EXPECT_EQ(role("channel_admin").description, "authentication.roles.channel_admin.description");
}

TEST(RolesTest, JsonShape) {
  const model::Role& r = role("team_user");
  boost::json::object o = model::to_json(r);
  std::set<std::string> keys;
  for (const auto& kv : o) keys.insert(std::string(kv.key()));
  EXPECT_EQ(keys, (std::set<std::string>{"id", "name", "display_name", "description", "create_at",
                                         "update_at", "delete_at", "permissions", "scheme_managed",
                                         "built_in", "scheme_id"}));
  EXPECT_EQ(o.at("id").as_string(), r.id);
  EXPECT_EQ(o.at("name").as_string(), "team_user");
  EXPECT_EQ(o.at("display_name").as_string(), "authentication.roles.team_user.name");
  EXPECT_EQ(o.at("create_at").as_int64(), 0);
  EXPECT_EQ(o.at("delete_at").as_int64(), 0);
  EXPECT_TRUE(o.at("scheme_managed").as_bool());
  EXPECT_TRUE(o.at("built_in").as_bool());
  EXPECT_TRUE(o.at("scheme_id").is_null());
  const auto& perms = o.at("permissions").as_array();
  ASSERT_EQ(perms.size(), r.permissions.size());
  for (std::size_t i = 0; i < perms.size(); ++i) {
    EXPECT_EQ(perms[i].as_string(), r.permissions[i]);
  }

  model::Role custom;
  custom.scheme_id = "abc";
  EXPECT_EQ(model::to_json(custom).at("scheme_id").as_string(), "abc");
  EXPECT_TRUE(model::to_json(custom).at("permissions").as_array().empty());
}

}  // namespace
}  // namespace parley::app
