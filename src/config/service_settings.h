// Typed views of config.json's ServiceSettings and TeamSettings (see
// settings.h for the other sections). Field names mirror the Mattermost keys
// (SiteURL -> site_url); from_tree() fills them from the effective tree.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace parley::config {

using StringList = std::vector<std::string>;

struct ServiceSettings {
  std::string site_url;
  std::string websocket_url;
  std::string license_file_location;
  std::string listen_address;
  std::string connection_security;
  std::string tls_cert_file;
  std::string tls_key_file;
  std::string tls_min_ver;
  bool tls_strict_transport = false;
  int64_t tls_strict_transport_max_age = 0;
  StringList tls_overwrite_ciphers;
  bool use_lets_encrypt = false;
  std::string lets_encrypt_certificate_cache_file;
  bool forward80_to443 = false;
  StringList trusted_proxy_ip_header;
  int64_t read_timeout = 0;   // seconds
  int64_t write_timeout = 0;  // seconds
  int64_t idle_timeout = 0;   // seconds
  int64_t maximum_login_attempts = 0;
  int64_t goroutine_health_threshold = 0;
  bool enable_oauth_service_provider = false;
  bool enable_incoming_webhooks = false;
  bool enable_outgoing_webhooks = false;
  bool enable_outgoing_oauth_connections = false;
  bool enable_commands = false;
  int64_t outgoing_integration_requests_timeout = 0;  // seconds
  bool enable_post_username_override = false;
  bool enable_post_icon_override = false;
  std::string google_developer_key;
  bool enable_link_previews = false;
  bool enable_permalink_previews = false;
  std::string restrict_link_previews;
  bool enable_testing = false;
  bool enable_developer = false;
  std::string developer_flags;
  bool enable_client_performance_debugging = false;
  bool enable_open_tracing = false;
  bool enable_security_fix_alert = false;
  bool enable_insecure_outgoing_connections = false;
  std::string allowed_untrusted_internal_connections;
  bool enable_multifactor_authentication = false;
  bool enforce_multifactor_authentication = false;
  bool enable_user_access_tokens = false;
  std::string allow_cors_from;
  std::string cors_exposed_headers;
  bool cors_allow_credentials = false;
  bool cors_debug = false;
  bool allow_cookies_for_subdomains = false;
  bool extend_session_length_with_activity = false;
  bool terminate_sessions_on_password_change = false;
  int64_t session_length_web_in_hours = 0;
  int64_t session_length_mobile_in_hours = 0;
  int64_t session_length_sso_in_hours = 0;
  int64_t session_cache_in_minutes = 0;
  int64_t session_idle_timeout_in_minutes = 0;
  int64_t websocket_secure_port = 0;
  int64_t websocket_port = 0;
  std::string webserver_mode;
  bool enable_gif_picker = false;
  std::string giphy_sdk_key;
  bool enable_custom_emoji = false;
  bool enable_emoji_picker = false;
  int64_t post_edit_time_limit = 0;  // seconds, -1 = no limit
  int64_t time_between_user_typing_updates_milliseconds = 0;
  bool enable_post_search = false;
  bool enable_file_search = false;
  int64_t minimum_hashtag_length = 0;
  bool enable_user_typing_messages = false;
  bool enable_channel_viewed_messages = false;
  bool enable_user_statuses = false;
  bool experimental_enable_authentication_transfer = false;
  int64_t cluster_log_timeout_milliseconds = 0;
  bool enable_tutorial = false;
  bool enable_onboarding_flow = false;
  bool experimental_enable_default_channel_leave_join_messages = false;
  std::string experimental_group_unread_channels;
  bool enable_api_team_deletion = false;
  bool enable_api_trigger_admin_notifications = false;
  bool enable_api_user_deletion = false;
  bool enable_api_post_deletion = false;
  bool experimental_enable_hardened_mode = false;
  bool experimental_strict_csrf_enforcement = false;
  bool enable_email_invitations = false;
  bool disable_bots_when_owner_is_deactivated = false;
  bool enable_bot_account_creation = false;
  bool enable_svgs = false;
  bool enable_latex = false;
  bool enable_inline_latex = false;
  bool post_priority = false;
  bool allow_persistent_notifications = false;
  bool allow_persistent_notifications_for_guests = false;
  int64_t persistent_notification_interval_minutes = 0;
  int64_t persistent_notification_max_count = 0;
  int64_t persistent_notification_max_recipients = 0;
  bool enable_api_channel_deletion = false;
  bool enable_local_mode = false;
  std::string local_mode_socket_location;
  bool thread_auto_follow = false;
  std::string collapsed_threads;
  std::string managed_resource_paths;
  bool enable_custom_groups = false;
  bool allow_synced_drafts = false;
  int64_t unique_emoji_reaction_limit_per_post = 0;
  std::string refresh_post_stats_run_time;
  int64_t maximum_payload_size_bytes = 0;
  int64_t maximum_url_length = 0;
};

struct TeamSettings {
  std::string site_name;
  int64_t max_users_per_team = 0;
  bool enable_join_leave_message_by_default = false;
  bool enable_user_creation = false;
  bool enable_open_server = false;
  bool enable_user_deactivation = false;
  std::string restrict_creation_to_domains;
  bool enable_custom_user_statuses = false;
  bool enable_custom_brand = false;
  std::string custom_brand_text;
  std::string custom_description_text;
  std::string restrict_direct_message;  // "any" or "team"
  bool enable_last_active_time = false;
  int64_t user_status_away_timeout = 0;  // seconds
  int64_t max_channels_per_team = 0;
  int64_t max_notifications_per_channel = 0;
  bool enable_confirm_notifications_to_channel = false;
  std::string teammate_name_display;  // username, nickname_full_name, full_name
  bool experimental_view_archived_channels = false;
  bool experimental_enable_automatic_replies = false;
  bool lock_teammate_name_display = false;
  std::string experimental_primary_team;
  StringList experimental_default_channels;
};

}  // namespace parley::config
