// Typed views of the config.json sections that Parley's code reads. Each field
// mirrors the Mattermost key of the same name (SiteURL -> site_url); the values
// come from the effective config tree through config::from_tree().
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "config/service_settings.h"

namespace parley::config {

struct ClientRequirements {
  std::string android_latest_version;
  std::string android_min_version;
  std::string ios_latest_version;
  std::string ios_min_version;
};

struct SqlSettings {
  std::string driver_name;  // Parley: "sqlite3"
  std::string data_source;
  StringList data_source_replicas;
  StringList data_source_search_replicas;
  int64_t max_idle_conns = 0;
  int64_t conn_max_lifetime_milliseconds = 0;
  int64_t conn_max_idle_time_milliseconds = 0;
  int64_t max_open_conns = 0;
  bool trace = false;
  std::string at_rest_encrypt_key;
  int64_t query_timeout = 0;  // seconds
  bool disable_database_search = false;
  int64_t migrations_statement_timeout_seconds = 0;
};

struct LogSettings {
  bool enable_console = false;
  std::string console_level;
  bool console_json = false;
  bool enable_color = false;
  bool enable_file = false;
  std::string file_level;
  bool file_json = false;
  std::string file_location;  // "" = ./logs/
  bool enable_webhook_debugging = false;
  bool enable_diagnostics = false;
  int64_t max_field_size = 0;
};

struct PasswordSettings {
  int64_t minimum_length = 0;
  bool lowercase = false;
  bool number = false;
  bool uppercase = false;
  bool symbol = false;
  bool enable_forgot_link = false;
};

struct FileSettings {
  bool enable_file_attachments = false;
  bool enable_mobile_upload = false;
  bool enable_mobile_download = false;
  int64_t max_file_size = 0;
  int64_t max_image_resolution = 0;
  int64_t max_image_decoder_concurrency = 0;
  std::string driver_name;  // "local" or "amazons3"
  std::string directory;
  bool enable_public_link = false;
  bool extract_content = false;
  bool archive_recursion = false;
  std::string public_link_salt;
  std::string initial_font;
  std::string amazon_s3_access_key_id;
  std::string amazon_s3_secret_access_key;
  std::string amazon_s3_bucket;
  std::string amazon_s3_path_prefix;
  std::string amazon_s3_region;
  std::string amazon_s3_endpoint;
  bool amazon_s3_ssl = false;
  bool amazon_s3_sign_v2 = false;
  bool amazon_s3_sse = false;
  bool amazon_s3_trace = false;
  int64_t amazon_s3_request_timeout_milliseconds = 0;
  int64_t amazon_s3_upload_part_size_bytes = 0;
};

struct EmailSettings {
  bool enable_sign_up_with_email = false;
  bool enable_sign_in_with_email = false;
  bool enable_sign_in_with_username = false;
  bool send_email_notifications = false;
  bool use_channel_in_email_notifications = false;
  bool require_email_verification = false;
  std::string feedback_name;
  std::string feedback_email;
  std::string reply_to_address;
  std::string feedback_organization;
  bool enable_smtp_auth = false;
  std::string smtp_username;
  std::string smtp_password;
  std::string smtp_server;
  std::string smtp_port;  // a string in Mattermost's config
  int64_t smtp_server_timeout = 0;
  std::string connection_security;  // "", TLS, STARTTLS
  bool send_push_notifications = false;
  std::string push_notification_server;
  std::string push_notification_contents;
  int64_t push_notification_buffer = 0;
  bool enable_email_batching = false;
  int64_t email_batching_buffer_size = 0;
  int64_t email_batching_interval = 0;
  bool enable_preview_mode_banner = false;
  bool skip_server_certificate_verification = false;
  std::string email_notification_contents_type;
  std::string login_button_color;
  std::string login_button_border_color;
  std::string login_button_text_color;
};

struct RateLimitSettings {
  bool enable = false;
  int64_t per_sec = 0;
  int64_t max_burst = 0;
  int64_t memory_store_size = 0;
  bool vary_by_remote_addr = false;
  bool vary_by_user = false;
  std::string vary_by_header;
};

struct PrivacySettings {
  bool show_email_address = false;
  bool show_full_name = false;
};

struct SupportSettings {
  std::string terms_of_service_link;
  std::string privacy_policy_link;
  std::string about_link;
  std::string help_link;
  std::string report_a_problem_link;
  std::string forgot_password_link;
  std::string support_email;
  bool custom_terms_of_service_enabled = false;
  int64_t custom_terms_of_service_re_acceptance_period = 0;
  bool enable_ask_community_link = false;
};

struct AnnouncementSettings {
  bool enable_banner = false;
  std::string banner_text;
  std::string banner_color;
  std::string banner_text_color;
  bool allow_banner_dismissal = false;
  bool admin_notices_enabled = false;
  bool user_notices_enabled = false;
};

struct ThemeSettings {
  bool enable_theme_selection = false;
  std::string default_theme;
  bool allow_custom_themes = false;
  StringList allowed_themes;
};

// GitLabSettings, GoogleSettings, OpenIdSettings share this shape.
struct SsoSettings {
  bool enable = false;
  std::string secret;
  std::string id;
  std::string scope;
  std::string auth_endpoint;
  std::string token_endpoint;
  std::string user_api_endpoint;
  std::string discovery_endpoint;
  std::string button_text;
  std::string button_color;
};

struct LocalizationSettings {
  std::string default_server_locale;
  std::string default_client_locale;
  std::string available_locales;  // comma separated, "" = all
};

struct NativeAppSettings {
  StringList app_custom_url_schemes;
  std::string app_download_link;
  std::string android_app_download_link;
  std::string ios_app_download_link;
};

struct ClusterSettings {
  bool enable = false;
  std::string cluster_name;
  bool read_only_config = false;
};

struct MetricsSettings {
  bool enable = false;
  std::string listen_address;
  bool enable_client_metrics = false;
};

struct ExperimentalSettings {
  int64_t link_metadata_timeout_milliseconds = 0;
  bool restrict_system_admin = false;
  bool disable_app_bar = false;
  bool disable_refetching_on_browser_focus = false;
  bool delay_channel_autocomplete = false;
  bool disable_wake_up_reconnect_handler = false;
  int64_t users_status_and_profile_fetching_poll_interval_milliseconds = 0;
  bool youtube_referrer_policy = false;
};

struct MessageExportSettings {
  bool enable_export = false;
};

struct JobSettings {
  bool run_jobs = false;
  bool run_scheduler = false;
};

struct PluginSettings {
  bool enable = false;
  bool enable_uploads = false;
  std::string directory;
  std::string client_directory;
  bool enable_marketplace = false;
  bool enable_remote_marketplace = false;
  std::string marketplace_url;
  bool require_plugin_signature = false;
};

struct DisplaySettings {
  StringList custom_url_schemes;
  int64_t max_markdown_nodes = 0;
};

struct GuestAccountsSettings {
  bool enable = false;
  bool hide_tags = false;
  bool allow_email_accounts = false;
  bool enforce_multifactor_authentication = false;
  std::string restrict_creation_to_domains;
};

struct ImageProxySettings {
  bool enable = false;
  std::string image_proxy_type;
  std::string remote_image_proxy_url;
  std::string remote_image_proxy_options;
};

struct ImportSettings {
  std::string directory;
  int64_t retention_days = 0;
};

struct ExportSettings {
  std::string directory;
  int64_t retention_days = 0;
};

// Parley-only settings (section "ParleySettings").
struct ParleySettings {
  std::string client_directory;      // folder holding a Mattermost web app build
  std::string web_client_directory;  // Parley's own client, served when client_directory has none
  int64_t websocket_ping_interval_seconds = 0;
  int64_t websocket_pong_timeout_seconds = 0;
  int64_t websocket_auth_timeout_seconds = 0;
  int64_t reconnect_buffer_size = 0;     // events kept per connection for resumption
  int64_t reconnect_buffer_seconds = 0;  // how long a dropped connection can resume
  int64_t worker_threads = 0;            // HTTP worker loops; 0 = four per CPU
  int64_t read_after_write_seconds = 0;  // a user's reads stay on the primary after a write
};

}  // namespace parley::config
