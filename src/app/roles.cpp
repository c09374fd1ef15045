// Mattermost's built-in roles as a fresh server stores them in its Roles table: the
// MakeDefaultRoles sets after the emoji migration and every permission migration have run
// (bookmarks, upload_file, use_*_mentions, read_channel_content, playbooks, banners, access
// rules, auto translation, agents, edit_file_attachment, ...). The lists are final states, not
// the migrations themselves; the unreleased wiki/page permissions are left out.
#include "app/roles.h"

#include <openssl/evp.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

namespace parley::app {
namespace {

// ---- Permission ids, in Mattermost's AllPermissions order ----

constexpr std::string_view kSystemPermissions[] = {
    "assign_system_admin_role",
    "manage_roles",
    "manage_system",
    "create_direct_channel",
    "create_group_channel",
    "list_public_teams",
    "join_public_teams",
    "list_private_teams",
    "join_private_teams",
    "edit_other_users",
    "read_other_users_teams",
    "get_public_link",
    "manage_system_wide_oauth",
    "manage_oauth",
    "create_team",
    "list_users_without_team",
    "create_user_access_token",
    "read_user_access_token",
    "revoke_user_access_token",
    "create_bot",
    "assign_bot",
    "read_bots",
    "read_others_bots",
    "manage_bots",
    "manage_others_bots",
    "read_jobs",
    "manage_jobs",
    "promote_guest",
    "demote_to_guest",
    "edit_brand",
    "manage_shared_channels",
    "manage_secure_connections",
    "download_compliance_export_result",
    "create_data_retention_job",
    "manage_data_retention_job",
    "read_data_retention_job",
    "create_compliance_export_job",
    "manage_compliance_export_job",
    "read_compliance_export_job",
    "read_audits",
    "test_site_url",
    "test_elasticsearch",
    "test_s3",
    "reload_config",
    "invalidate_caches",
    "recycle_database_connections",
    "purge_elasticsearch_indexes",
    "test_email",
    "create_elasticsearch_post_indexing_job",
    "manage_elasticsearch_post_indexing_job",
    "create_elasticsearch_post_aggregation_job",
    "manage_elasticsearch_post_aggregation_job",
    "read_elasticsearch_post_indexing_job",
    "read_elasticsearch_post_aggregation_job",
    "create_ldap_sync_job",
    "manage_ldap_sync_job",
    "read_ldap_sync_job",
    "test_ldap",
    "invalidate_email_invite",
    "get_saml_metadata_from_idp",
    "add_saml_public_cert",
    "add_saml_private_cert",
    "add_saml_idp_cert",
    "remove_saml_public_cert",
    "remove_saml_private_cert",
    "remove_saml_idp_cert",
    "get_saml_cert_status",
    "add_ldap_public_cert",
    "add_ldap_private_cert",
    "remove_ldap_public_cert",
    "remove_ldap_private_cert",
    "get_analytics",
    "get_logs",
    "read_license_information",
    "manage_license_information",
    "create_custom_group",
    "manage_outgoing_oauth_connections",
    "manage_own_agent",
    "manage_others_agent",
};

constexpr std::string_view kTeamPermissions[] = {
    "invite_user",
    "add_user_to_team",
    "manage_own_slash_commands",
    "manage_others_slash_commands",
    "create_public_channel",
    "create_private_channel",
    "manage_team_roles",
    "manage_team_access_rules",
    "list_team_channels",
    "join_public_channels",
    "read_public_channel",
    "manage_own_incoming_webhooks",
    "manage_own_outgoing_webhooks",
    "manage_others_incoming_webhooks",
    "manage_others_outgoing_webhooks",
    "bypass_incoming_webhook_channel_lock",
    "create_emojis",
    "delete_emojis",
    "delete_others_emojis",
    "remove_user_from_team",
    "manage_team",
    "import_team",
    "view_team",
    "view_members",
    "invite_guest",
    "playbook_public_create",
    "playbook_private_create",
};

constexpr std::string_view kChannelPermissions[] = {
    "use_slash_commands",
    "manage_public_channel_members",
    "manage_private_channel_members",
    "manage_channel_roles",
    "manage_public_channel_properties",
    "manage_private_channel_properties",
    "manage_public_channel_auto_translation",
    "manage_private_channel_auto_translation",
    "convert_public_channel_to_private",
    "convert_private_channel_to_public",
    "delete_public_channel",
    "delete_private_channel",
    "read_channel",
    "read_channel_content",
    "read_public_channel_groups",
    "read_private_channel_groups",
    "add_reaction",
    "remove_reaction",
    "remove_others_reactions",
    "upload_file",
    "create_post",
    "create_post_public",
    "create_post_ephemeral",
    "read_deleted_posts",
    "edit_post",
    "edit_others_posts",
    "delete_post",
    "delete_others_posts",
    "use_channel_mentions",
    "use_group_mentions",
    "add_bookmark_public_channel",
    "edit_bookmark_public_channel",
    "delete_bookmark_public_channel",
    "order_bookmark_public_channel",
    "add_bookmark_private_channel",
    "edit_bookmark_private_channel",
    "delete_bookmark_private_channel",
    "order_bookmark_private_channel",
    "manage_public_channel_banner",
    "manage_private_channel_banner",
    "manage_channel_access_rules",
    "edit_file_attachment",
};

// System console sections: each has a sysconsole_read_<section> and a sysconsole_write_<section>
// permission (all reads come before all writes in AllPermissions).
constexpr std::string_view kSysconsoleSections[] = {
    "about_edition_and_license",
    "billing",
    "reporting_site_statistics",
    "reporting_team_statistics",
    "reporting_server_logs",
    "user_management_users",
    "user_management_groups",
    "user_management_teams",
    "user_management_channels",
    "user_management_permissions",
    "user_management_system_roles",
    "environment_web_server",
    "environment_database",
    "environment_elasticsearch",
    "environment_file_storage",
    "environment_image_proxy",
    "environment_smtp",
    "environment_push_notification_server",
    "environment_high_availability",
    "environment_rate_limiting",
    "environment_logging",
    "environment_session_lengths",
    "environment_performance_monitoring",
    "environment_developer",
    "environment_mobile_security",
    "site_customization",
    "site_localization",
    "site_users_and_teams",
    "site_notifications",
    "site_announcement_banner",
    "site_emoji",
    "site_posts",
    "site_file_sharing_and_downloads",
    "site_public_links",
    "site_notices",
    "authentication_signup",
    "authentication_email",
    "authentication_password",
    "authentication_mfa",
    "authentication_ldap",
    "authentication_saml",
    "authentication_openid",
    "authentication_guest_access",
    "plugins",
    "integrations_integration_management",
    "integrations_bot_accounts",
    "integrations_gif",
    "integrations_cors",
    "compliance_data_retention_policy",
    "compliance_compliance_export",
    "compliance_compliance_monitoring",
    "compliance_custom_terms_of_service",
    "experimental_features",
    "experimental_feature_flags",
    "products_boards",
    "site_ip_filters",
};

constexpr std::string_view kGroupPermissions[] = {
    "manage_custom_group_members",
    "edit_custom_group",
    "delete_custom_group",
    "restore_custom_group",
};

constexpr std::string_view kPlaybookPermissions[] = {
    "playbook_public_manage_properties",
    "playbook_public_manage_members",
    "playbook_public_manage_roles",
    "playbook_public_view",
    "playbook_public_make_private",
    "playbook_private_manage_properties",
    "playbook_private_manage_members",
    "playbook_private_manage_roles",
    "playbook_private_view",
    "playbook_private_make_public",
    "run_create",
};

constexpr std::string_view kRunPermissions[] = {
    "run_manage_properties",
    "run_manage_members",
    "run_view",
};

constexpr std::string_view kDeprecatedPermissions[] = {
    "permanent_delete_user",
    "manage_webhooks",
    "manage_others_webhooks",
    "manage_incoming_webhooks",
    "manage_outgoing_webhooks",
    "manage_slash_commands",
    "manage_emojis",
    "manage_others_emojis",
    "sysconsole_read_authentication",
    "sysconsole_write_authentication",
    "sysconsole_read_site",
    "sysconsole_write_site",
    "sysconsole_read_environment",
    "sysconsole_write_environment",
    "sysconsole_read_reporting",
    "sysconsole_write_reporting",
    "sysconsole_read_about",
    "sysconsole_write_about",
    "sysconsole_read_experimental",
    "sysconsole_write_experimental",
    "sysconsole_read_integrations",
    "sysconsole_write_integrations",
    "sysconsole_read_compliance",
    "sysconsole_write_compliance",
    "purge_bleve_indexes",
    "create_post_bleve_indexes_job",
    "manage_post_bleve_indexes_job",
    "sysconsole_read_experimental_bleve",
    "sysconsole_write_experimental_bleve",
};

// ---- Role permission sets (sorted); system_admin holds all_permission_ids() ----

// system_user: 14
constexpr std::string_view kSystemUser[] = {
    "create_custom_group",
    "create_direct_channel",
    "create_emojis",
    "create_group_channel",
    "create_team",
    "delete_custom_group",
    "delete_emojis",
    "edit_custom_group",
    "join_public_teams",
    "list_public_teams",
    "manage_custom_group_members",
    "manage_own_agent",
    "restore_custom_group",
    "view_members",
};

// system_guest: 2
constexpr std::string_view kSystemGuest[] = {
    "create_direct_channel",
    "create_group_channel",
};

// system_user_access_token: 3
constexpr std::string_view kSystemUserAccessToken[] = {
    "create_user_access_token",
    "read_user_access_token",
    "revoke_user_access_token",
};

// system_post_all: 4
constexpr std::string_view kSystemPostAll[] = {
    "create_post",
    "upload_file",
    "use_channel_mentions",
    "use_group_mentions",
};

// system_post_all_public: 3
constexpr std::string_view kSystemPostAllPublic[] = {
    "create_post_public",
    "use_channel_mentions",
    "use_group_mentions",
};

// system_user_manager: 41
constexpr std::string_view kSystemUserManager[] = {
    "add_user_to_team",
    "convert_private_channel_to_public",
    "convert_public_channel_to_private",
    "delete_private_channel",
    "delete_public_channel",
    "join_private_teams",
    "join_public_teams",
    "list_private_teams",
    "list_public_teams",
    "manage_channel_roles",
    "manage_private_channel_auto_translation",
    "manage_private_channel_members",
    "manage_private_channel_properties",
    "manage_public_channel_auto_translation",
    "manage_public_channel_members",
    "manage_public_channel_properties",
    "manage_team",
    "manage_team_roles",
    "read_channel",
    "read_ldap_sync_job",
    "read_private_channel_groups",
    "read_public_channel",
    "read_public_channel_groups",
    "remove_user_from_team",
    "sysconsole_read_authentication_email",
    "sysconsole_read_authentication_guest_access",
    "sysconsole_read_authentication_ldap",
    "sysconsole_read_authentication_mfa",
    "sysconsole_read_authentication_openid",
    "sysconsole_read_authentication_password",
    "sysconsole_read_authentication_saml",
    "sysconsole_read_authentication_signup",
    "sysconsole_read_user_management_channels",
    "sysconsole_read_user_management_groups",
    "sysconsole_read_user_management_permissions",
    "sysconsole_read_user_management_teams",
    "sysconsole_write_user_management_channels",
    "sysconsole_write_user_management_groups",
    "sysconsole_write_user_management_teams",
    "test_ldap",
    "view_team",
};

// system_manager: 122
constexpr std::string_view kSystemManager[] = {
    "add_user_to_team",
    "convert_private_channel_to_public",
    "convert_public_channel_to_private",
    "create_elasticsearch_post_aggregation_job",
    "create_elasticsearch_post_indexing_job",
    "delete_private_channel",
    "delete_public_channel",
    "edit_brand",
    "get_analytics",
    "get_logs",
    "invalidate_caches",
    "join_private_teams",
    "join_public_teams",
    "list_private_teams",
    "list_public_teams",
    "manage_channel_roles",
    "manage_elasticsearch_post_aggregation_job",
    "manage_elasticsearch_post_indexing_job",
    "manage_outgoing_oauth_connections",
    "manage_private_channel_auto_translation",
    "manage_private_channel_members",
    "manage_private_channel_properties",
    "manage_public_channel_auto_translation",
    "manage_public_channel_members",
    "manage_public_channel_properties",
    "manage_team",
    "manage_team_roles",
    "purge_elasticsearch_indexes",
    "read_channel",
    "read_elasticsearch_post_aggregation_job",
    "read_elasticsearch_post_indexing_job",
    "read_ldap_sync_job",
    "read_license_information",
    "read_private_channel_groups",
    "read_public_channel",
    "read_public_channel_groups",
    "recycle_database_connections",
    "reload_config",
    "remove_user_from_team",
    "sysconsole_read_about_edition_and_license",
    "sysconsole_read_authentication_email",
    "sysconsole_read_authentication_guest_access",
    "sysconsole_read_authentication_ldap",
    "sysconsole_read_authentication_mfa",
    "sysconsole_read_authentication_openid",
    "sysconsole_read_authentication_password",
    "sysconsole_read_authentication_saml",
    "sysconsole_read_authentication_signup",
    "sysconsole_read_environment_database",
    "sysconsole_read_environment_developer",
    "sysconsole_read_environment_elasticsearch",
    "sysconsole_read_environment_file_storage",
    "sysconsole_read_environment_high_availability",
    "sysconsole_read_environment_image_proxy",
    "sysconsole_read_environment_logging",
    "sysconsole_read_environment_performance_monitoring",
    "sysconsole_read_environment_push_notification_server",
    "sysconsole_read_environment_rate_limiting",
    "sysconsole_read_environment_session_lengths",
    "sysconsole_read_environment_smtp",
    "sysconsole_read_environment_web_server",
    "sysconsole_read_integrations_bot_accounts",
    "sysconsole_read_integrations_cors",
    "sysconsole_read_integrations_gif",
    "sysconsole_read_integrations_integration_management",
    "sysconsole_read_plugins",
    "sysconsole_read_products_boards",
    "sysconsole_read_reporting_server_logs",
    "sysconsole_read_reporting_site_statistics",
    "sysconsole_read_reporting_team_statistics",
    "sysconsole_read_site_announcement_banner",
    "sysconsole_read_site_customization",
    "sysconsole_read_site_emoji",
    "sysconsole_read_site_file_sharing_and_downloads",
    "sysconsole_read_site_localization",
    "sysconsole_read_site_notices",
    "sysconsole_read_site_notifications",
    "sysconsole_read_site_posts",
    "sysconsole_read_site_public_links",
    "sysconsole_read_site_users_and_teams",
    "sysconsole_read_user_management_channels",
    "sysconsole_read_user_management_groups",
    "sysconsole_read_user_management_permissions",
    "sysconsole_read_user_management_teams",
    "sysconsole_write_environment_database",
    "sysconsole_write_environment_developer",
    "sysconsole_write_environment_elasticsearch",
    "sysconsole_write_environment_file_storage",
    "sysconsole_write_environment_high_availability",
    "sysconsole_write_environment_image_proxy",
    "sysconsole_write_environment_logging",
    "sysconsole_write_environment_performance_monitoring",
    "sysconsole_write_environment_push_notification_server",
    "sysconsole_write_environment_rate_limiting",
    "sysconsole_write_environment_session_lengths",
    "sysconsole_write_environment_smtp",
    "sysconsole_write_environment_web_server",
    "sysconsole_write_integrations_bot_accounts",
    "sysconsole_write_integrations_cors",
    "sysconsole_write_integrations_gif",
    "sysconsole_write_integrations_integration_management",
    "sysconsole_write_products_boards",
    "sysconsole_write_site_announcement_banner",
    "sysconsole_write_site_customization",
    "sysconsole_write_site_emoji",
    "sysconsole_write_site_file_sharing_and_downloads",
    "sysconsole_write_site_localization",
    "sysconsole_write_site_notices",
    "sysconsole_write_site_notifications",
    "sysconsole_write_site_posts",
    "sysconsole_write_site_public_links",
    "sysconsole_write_site_users_and_teams",
    "sysconsole_write_user_management_channels",
    "sysconsole_write_user_management_groups",
    "sysconsole_write_user_management_permissions",
    "sysconsole_write_user_management_teams",
    "test_elasticsearch",
    "test_email",
    "test_ldap",
    "test_s3",
    "test_site_url",
    "view_team",
};

// system_read_only_admin: 72
constexpr std::string_view kSystemReadOnlyAdmin[] = {
    "download_compliance_export_result",
    "get_analytics",
    "get_logs",
    "list_private_teams",
    "list_public_teams",
    "read_audits",
    "read_channel",
    "read_compliance_export_job",
    "read_data_retention_job",
    "read_elasticsearch_post_aggregation_job",
    "read_elasticsearch_post_indexing_job",
    "read_ldap_sync_job",
    "read_license_information",
    "read_other_users_teams",
    "read_private_channel_groups",
    "read_public_channel",
    "read_public_channel_groups",
    "sysconsole_read_about_edition_and_license",
    "sysconsole_read_authentication_email",
    "sysconsole_read_authentication_guest_access",
    "sysconsole_read_authentication_ldap",
    "sysconsole_read_authentication_mfa",
    "sysconsole_read_authentication_openid",
    "sysconsole_read_authentication_password",
    "sysconsole_read_authentication_saml",
    "sysconsole_read_authentication_signup",
    "sysconsole_read_compliance_compliance_export",
    "sysconsole_read_compliance_compliance_monitoring",
    "sysconsole_read_compliance_custom_terms_of_service",
    "sysconsole_read_compliance_data_retention_policy",
    "sysconsole_read_environment_database",
    "sysconsole_read_environment_developer",
    "sysconsole_read_environment_elasticsearch",
    "sysconsole_read_environment_file_storage",
    "sysconsole_read_environment_high_availability",
    "sysconsole_read_environment_image_proxy",
    "sysconsole_read_environment_logging",
    "sysconsole_read_environment_mobile_security",
    "sysconsole_read_environment_performance_monitoring",
    "sysconsole_read_environment_push_notification_server",
    "sysconsole_read_environment_rate_limiting",
    "sysconsole_read_environment_session_lengths",
    "sysconsole_read_environment_smtp",
    "sysconsole_read_environment_web_server",
    "sysconsole_read_experimental_feature_flags",
    "sysconsole_read_experimental_features",
    "sysconsole_read_integrations_bot_accounts",
    "sysconsole_read_integrations_cors",
    "sysconsole_read_integrations_gif",
    "sysconsole_read_integrations_integration_management",
    "sysconsole_read_plugins",
    "sysconsole_read_products_boards",
    "sysconsole_read_reporting_server_logs",
    "sysconsole_read_reporting_site_statistics",
    "sysconsole_read_reporting_team_statistics",
    "sysconsole_read_site_announcement_banner",
    "sysconsole_read_site_customization",
    "sysconsole_read_site_emoji",
    "sysconsole_read_site_file_sharing_and_downloads",
    "sysconsole_read_site_localization",
    "sysconsole_read_site_notices",
    "sysconsole_read_site_notifications",
    "sysconsole_read_site_posts",
    "sysconsole_read_site_public_links",
    "sysconsole_read_site_users_and_teams",
    "sysconsole_read_user_management_channels",
    "sysconsole_read_user_management_groups",
    "sysconsole_read_user_management_permissions",
    "sysconsole_read_user_management_teams",
    "sysconsole_read_user_management_users",
    "test_ldap",
    "view_team",
};

// system_custom_group_admin: 5
constexpr std::string_view kSystemCustomGroupAdmin[] = {
    "create_custom_group",         "delete_custom_group",  "edit_custom_group",
    "manage_custom_group_members", "restore_custom_group",
};

// system_shared_channel_manager: 1
constexpr std::string_view kSystemSharedChannelManager[] = {
    "manage_shared_channels",
};

// team_admin: 42
constexpr std::string_view kTeamAdmin[] = {
    "add_bookmark_private_channel",
    "add_bookmark_public_channel",
    "add_reaction",
    "bypass_incoming_webhook_channel_lock",
    "convert_private_channel_to_public",
    "convert_public_channel_to_private",
    "create_post",
    "delete_bookmark_private_channel",
    "delete_bookmark_public_channel",
    "delete_others_posts",
    "delete_post",
    "edit_bookmark_private_channel",
    "edit_bookmark_public_channel",
    "import_team",
    "manage_channel_access_rules",
    "manage_channel_roles",
    "manage_others_incoming_webhooks",
    "manage_others_outgoing_webhooks",
    "manage_others_slash_commands",
    "manage_own_incoming_webhooks",
    "manage_own_outgoing_webhooks",
    "manage_own_slash_commands",
    "manage_private_channel_auto_translation",
    "manage_private_channel_banner",
    "manage_private_channel_members",
    "manage_public_channel_auto_translation",
    "manage_public_channel_banner",
    "manage_public_channel_members",
    "manage_team",
    "manage_team_access_rules",
    "manage_team_roles",
    "order_bookmark_private_channel",
    "order_bookmark_public_channel",
    "playbook_private_manage_roles",
    "playbook_public_manage_roles",
    "read_private_channel_groups",
    "read_public_channel_groups",
    "remove_reaction",
    "remove_user_from_team",
    "upload_file",
    "use_channel_mentions",
    "use_group_mentions",
};

// team_user: 10
constexpr std::string_view kTeamUser[] = {
    "add_user_to_team",        "create_private_channel",
    "create_public_channel",   "invite_user",
    "join_public_channels",    "list_team_channels",
    "playbook_private_create", "playbook_public_create",
    "read_public_channel",     "view_team",
};

// team_guest: 1
constexpr std::string_view kTeamGuest[] = {
    "view_team",
};

// team_post_all: 4
constexpr std::string_view kTeamPostAll[] = {
    "create_post",
    "upload_file",
    "use_channel_mentions",
    "use_group_mentions",
};

// team_post_all_public: 3
constexpr std::string_view kTeamPostAllPublic[] = {
    "create_post_public",
    "use_channel_mentions",
    "use_group_mentions",
};

// channel_admin: 24
constexpr std::string_view kChannelAdmin[] = {
    "add_bookmark_private_channel",
    "add_bookmark_public_channel",
    "add_reaction",
    "create_post",
    "delete_bookmark_private_channel",
    "delete_bookmark_public_channel",
    "edit_bookmark_private_channel",
    "edit_bookmark_public_channel",
    "manage_channel_access_rules",
    "manage_channel_roles",
    "manage_private_channel_auto_translation",
    "manage_private_channel_banner",
    "manage_private_channel_members",
    "manage_public_channel_auto_translation",
    "manage_public_channel_banner",
    "manage_public_channel_members",
    "order_bookmark_private_channel",
    "order_bookmark_public_channel",
    "read_private_channel_groups",
    "read_public_channel_groups",
    "remove_reaction",
    "upload_file",
    "use_channel_mentions",
    "use_group_mentions",
};

// channel_user: 28
constexpr std::string_view kChannelUser[] = {
    "add_bookmark_private_channel",
    "add_bookmark_public_channel",
    "add_reaction",
    "create_post",
    "delete_bookmark_private_channel",
    "delete_bookmark_public_channel",
    "delete_post",
    "delete_private_channel",
    "delete_public_channel",
    "edit_bookmark_private_channel",
    "edit_bookmark_public_channel",
    "edit_file_attachment",
    "edit_post",
    "get_public_link",
    "manage_private_channel_members",
    "manage_private_channel_properties",
    "manage_public_channel_members",
    "manage_public_channel_properties",
    "order_bookmark_private_channel",
    "order_bookmark_public_channel",
    "read_channel",
    "read_channel_content",
    "read_private_channel_groups",
    "read_public_channel_groups",
    "remove_reaction",
    "upload_file",
    "use_channel_mentions",
    "use_group_mentions",
};

// channel_guest: 9
constexpr std::string_view kChannelGuest[] = {
    "add_reaction",    "create_post",  "edit_file_attachment",
    "edit_post",       "read_channel", "read_channel_content",
    "remove_reaction", "upload_file",  "use_channel_mentions",
};

struct RoleSpec {
  std::string_view name;
  std::string_view i18n;  // authentication.roles.<i18n>.name / .description
  bool scheme_managed;
  bool built_in;
  bool all_permissions;
  std::span<const std::string_view> permissions;
};

// Order of default_roles(). scheme_managed / built_in as MakeDefaultRoles sets them:
// custom_group_user is created with neither flag.
constexpr RoleSpec kRoleSpecs[] = {
    {"system_admin", "global_admin", true, true, true, {}},
    {"system_user", "global_user", true, true, false, kSystemUser},
    {"system_guest", "global_guest", true, true, false, kSystemGuest},
    {"system_user_access_token", "system_user_access_token", false, true, false,
     kSystemUserAccessToken},
    {"system_post_all", "system_post_all", false, true, false, kSystemPostAll},
    {"system_post_all_public", "system_post_all_public", false, true, false, kSystemPostAllPublic},
    {"system_user_manager", "system_user_manager", false, true, false, kSystemUserManager},
    {"system_manager", "system_manager", false, true, false, kSystemManager},
    {"system_read_only_admin", "system_read_only_admin", false, true, false, kSystemReadOnlyAdmin},
    {"system_custom_group_admin", "system_custom_group_admin", false, true, false,
     kSystemCustomGroupAdmin},
    {"system_shared_channel_manager", "system_shared_channel_manager", false, true, false,
     kSystemSharedChannelManager},
    {"team_admin", "team_admin", true, true, false, kTeamAdmin},
    {"team_user", "team_user", true, true, false, kTeamUser},
    {"team_guest", "team_guest", true, true, false, kTeamGuest},
    {"team_post_all", "team_post_all", false, true, false, kTeamPostAll},
    {"team_post_all_public", "team_post_all_public", false, true, false, kTeamPostAllPublic},
    {"channel_admin", "channel_admin", true, true, false, kChannelAdmin},
    {"channel_user", "channel_user", true, true, false, kChannelUser},
    {"channel_guest", "channel_guest", true, true, false, kChannelGuest},
    {"custom_group_user", "custom_group_user", false, false, false, {}},
};

// A stable 26-character id: the first 128 bits of SHA-256("parley-role:" + name) in the base32
// alphabet Mattermost uses for ids.
std::string role_id(std::string_view name) {
  static constexpr std::string_view kAlphabet = "ybndrfg8ejkmcpqxot1uwisza345h769";
  std::string input = "parley-role:";
  input.append(name);
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int len = 0;
  if (EVP_Digest(input.data(), input.size(), digest.data(), &len, EVP_sha256(), nullptr) != 1) {
    throw std::runtime_error("EVP_Digest failed");
  }
  std::string out;
  out.reserve(26);
  uint32_t buffer = 0;
  int bits = 0;
  for (std::size_t i = 0; i < 16; ++i) {
    buffer = (buffer << 8) | digest[i];
    bits += 8;
    while (bits >= 5) {
      out.push_back(kAlphabet[(buffer >> (bits - 5)) & 31]);
      bits -= 5;
    }
  }
  out.push_back(kAlphabet[(buffer << (5 - bits)) & 31]);  // 128 = 25 * 5 + 3
  return out;
}

std::vector<std::string> make_all_permissions() {
  std::vector<std::string> all;
  auto add = [&all](std::span<const std::string_view> ids) {
    for (auto id : ids) all.emplace_back(id);
  };
  add(kSystemPermissions);
  add(kTeamPermissions);
  add(kChannelPermissions);
  for (auto s : kSysconsoleSections) all.push_back("sysconsole_read_" + std::string(s));
  for (auto s : kSysconsoleSections) all.push_back("sysconsole_write_" + std::string(s));
  add(kGroupPermissions);
  add(kPlaybookPermissions);
  add(kRunPermissions);
  return all;
}

// Roles plus lookup indexes whose string_views point into the roles; built once, never copied.
class RoleTable {
 public:
  RoleTable() {
    roles_.reserve(std::size(kRoleSpecs));
    for (const auto& spec : kRoleSpecs) {
      model::Role r;
      r.id = role_id(spec.name);
      r.name = spec.name;
      r.display_name = "authentication.roles." + std::string(spec.i18n) + ".name";
      r.description = "authentication.roles." + std::string(spec.i18n) + ".description";
      if (spec.all_permissions) {
        r.permissions = all_permission_ids();
      } else {
        r.permissions.assign(spec.permissions.begin(), spec.permissions.end());
      }
      r.scheme_managed = spec.scheme_managed;
      r.built_in = spec.built_in;
      roles_.push_back(std::move(r));
    }
    grants_.resize(roles_.size());
    for (std::size_t i = 0; i < roles_.size(); ++i) {
      by_name_.emplace(roles_[i].name, i);
      by_id_.emplace(roles_[i].id, i);
      grants_[i].reserve(roles_[i].permissions.size());
      for (const auto& p : roles_[i].permissions) grants_[i].insert(p);
    }
  }
  RoleTable(const RoleTable&) = delete;
  RoleTable& operator=(const RoleTable&) = delete;

  const std::vector<model::Role>& roles() const { return roles_; }

  const model::Role* by_name(std::string_view name) const {
    auto it = by_name_.find(name);
    return it == by_name_.end() ? nullptr : &roles_[it->second];
  }
  const model::Role* by_id(std::string_view id) const {
    auto it = by_id_.find(id);
    return it == by_id_.end() ? nullptr : &roles_[it->second];
  }
  bool grants(std::string_view role, std::string_view permission) const {
    auto it = by_name_.find(role);
    return it != by_name_.end() && grants_[it->second].contains(permission);
  }

 private:
  std::vector<model::Role> roles_;
  std::unordered_map<std::string_view, std::size_t> by_name_;
  std::unordered_map<std::string_view, std::size_t> by_id_;
  std::vector<std::unordered_set<std::string_view>> grants_;
};

const RoleTable& table() {
  static const RoleTable t;
  return t;
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

}  // namespace

const std::vector<std::string>& all_permission_ids() {
  static const std::vector<std::string> all = make_all_permissions();
  return all;
}

const std::vector<std::string>& deprecated_permission_ids() {
  static const std::vector<std::string> ids(std::begin(kDeprecatedPermissions),
                                            std::end(kDeprecatedPermissions));
  return ids;
}

const std::vector<model::Role>& default_roles() {
  return table().roles();
}

const model::Role* find_role(std::string_view name) {
  return table().by_name(name);
}

const model::Role* find_role_by_id(std::string_view id) {
  return table().by_id(id);
}

bool roles_grant(std::string_view space_separated_roles, std::string_view permission) {
  const RoleTable& t = table();
  std::string_view rest = space_separated_roles;
  while (!rest.empty()) {
    std::size_t start = 0;
    while (start < rest.size() && is_space(rest[start])) ++start;
    std::size_t end = start;
    while (end < rest.size() && !is_space(rest[end])) ++end;
    if (end > start && t.grants(rest.substr(start, end - start), permission)) return true;
    rest.remove_prefix(end);
  }
  return false;
}

}  // namespace parley::app
