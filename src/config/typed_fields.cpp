// Internal: key-to-field tables for the typed sections other than
// ServiceSettings and TeamSettings (see typed_fields.h).
#include "config/typed_fields.h"

namespace parley::config::detail {

Fields<ClientRequirements> client_requirements_fields() {
  static const Field<ClientRequirements> fields[] = {
      {"AndroidLatestVersion", &ClientRequirements::android_latest_version},
      {"AndroidMinVersion", &ClientRequirements::android_min_version},
      {"IosLatestVersion", &ClientRequirements::ios_latest_version},
      {"IosMinVersion", &ClientRequirements::ios_min_version},
  };
  return fields;
}

Fields<SqlSettings> sql_fields() {
  static const Field<SqlSettings> fields[] = {
      {"DriverName", &SqlSettings::driver_name},
      {"DataSource", &SqlSettings::data_source},
      {"DataSourceReplicas", &SqlSettings::data_source_replicas},
      {"DataSourceSearchReplicas", &SqlSettings::data_source_search_replicas},
      {"MaxIdleConns", &SqlSettings::max_idle_conns},
      {"ConnMaxLifetimeMilliseconds", &SqlSettings::conn_max_lifetime_milliseconds},
      {"ConnMaxIdleTimeMilliseconds", &SqlSettings::conn_max_idle_time_milliseconds},
      {"MaxOpenConns", &SqlSettings::max_open_conns},
      {"Trace", &SqlSettings::trace},
      {"AtRestEncryptKey", &SqlSettings::at_rest_encrypt_key},
      {"QueryTimeout", &SqlSettings::query_timeout},
      {"DisableDatabaseSearch", &SqlSettings::disable_database_search},
      {"MigrationsStatementTimeoutSeconds", &SqlSettings::migrations_statement_timeout_seconds},
  };
  return fields;
}

Fields<LogSettings> log_fields() {
  static const Field<LogSettings> fields[] = {
      {"EnableConsole", &LogSettings::enable_console},
      {"ConsoleLevel", &LogSettings::console_level},
      {"ConsoleJson", &LogSettings::console_json},
      {"EnableColor", &LogSettings::enable_color},
      {"EnableFile", &LogSettings::enable_file},
      {"FileLevel", &LogSettings::file_level},
      {"FileJson", &LogSettings::file_json},
      {"FileLocation", &LogSettings::file_location},
      {"EnableWebhookDebugging", &LogSettings::enable_webhook_debugging},
      {"EnableDiagnostics", &LogSettings::enable_diagnostics},
      {"MaxFieldSize", &LogSettings::max_field_size},
  };
  return fields;
}

Fields<PasswordSettings> password_fields() {
  static const Field<PasswordSettings> fields[] = {
      {"MinimumLength", &PasswordSettings::minimum_length},
      {"Lowercase", &PasswordSettings::lowercase},
      {"Number", &PasswordSettings::number},
      {"Uppercase", &PasswordSettings::uppercase},
      {"Symbol", &PasswordSettings::symbol},
      {"EnableForgotLink", &PasswordSettings::enable_forgot_link},
  };
  return fields;
}

Fields<FileSettings> file_fields() {
  static const Field<FileSettings> fields[] = {
      {"EnableFileAttachments", &FileSettings::enable_file_attachments},
      {"EnableMobileUpload", &FileSettings::enable_mobile_upload},
      {"EnableMobileDownload", &FileSettings::enable_mobile_download},
      {"MaxFileSize", &FileSettings::max_file_size},
      {"MaxImageResolution", &FileSettings::max_image_resolution},
      {"MaxImageDecoderConcurrency", &FileSettings::max_image_decoder_concurrency},
      {"DriverName", &FileSettings::driver_name},
      {"Directory", &FileSettings::directory},
      {"EnablePublicLink", &FileSettings::enable_public_link},
      {"ExtractContent", &FileSettings::extract_content},
      {"ArchiveRecursion", &FileSettings::archive_recursion},
      {"PublicLinkSalt", &FileSettings::public_link_salt},
      {"InitialFont", &FileSettings::initial_font},
      {"AmazonS3AccessKeyId", &FileSettings::amazon_s3_access_key_id},
      {"AmazonS3SecretAccessKey", &FileSettings::amazon_s3_secret_access_key},
      {"AmazonS3Bucket", &FileSettings::amazon_s3_bucket},
      {"AmazonS3PathPrefix", &FileSettings::amazon_s3_path_prefix},
      {"AmazonS3Region", &FileSettings::amazon_s3_region},
      {"AmazonS3Endpoint", &FileSettings::amazon_s3_endpoint},
      {"AmazonS3SSL", &FileSettings::amazon_s3_ssl},
      {"AmazonS3SignV2", &FileSettings::amazon_s3_sign_v2},
      {"AmazonS3SSE", &FileSettings::amazon_s3_sse},
      {"AmazonS3Trace", &FileSettings::amazon_s3_trace},
      {"AmazonS3RequestTimeoutMilliseconds", &FileSettings::amazon_s3_request_timeout_milliseconds},
      {"AmazonS3UploadPartSizeBytes", &FileSettings::amazon_s3_upload_part_size_bytes},
  };
  return fields;
}

Fields<EmailSettings> email_fields() {
  static const Field<EmailSettings> fields[] = {
      {"EnableSignUpWithEmail", &EmailSettings::enable_sign_up_with_email},
      {"EnableSignInWithEmail", &EmailSettings::enable_sign_in_with_email},
      {"EnableSignInWithUsername", &EmailSettings::enable_sign_in_with_username},
      {"SendEmailNotifications", &EmailSettings::send_email_notifications},
      {"UseChannelInEmailNotifications", &EmailSettings::use_channel_in_email_notifications},
      {"RequireEmailVerification", &EmailSettings::require_email_verification},
      {"FeedbackName", &EmailSettings::feedback_name},
      {"FeedbackEmail", &EmailSettings::feedback_email},
      {"ReplyToAddress", &EmailSettings::reply_to_address},
      {"FeedbackOrganization", &EmailSettings::feedback_organization},
      {"EnableSMTPAuth", &EmailSettings::enable_smtp_auth},
      {"SMTPUsername", &EmailSettings::smtp_username},
      {"SMTPPassword", &EmailSettings::smtp_password},
      {"SMTPServer", &EmailSettings::smtp_server},
      {"SMTPPort", &EmailSettings::smtp_port},
      {"SMTPServerTimeout", &EmailSettings::smtp_server_timeout},
      {"ConnectionSecurity", &EmailSettings::connection_security},
      {"SendPushNotifications", &EmailSettings::send_push_notifications},
      {"PushNotificationServer", &EmailSettings::push_notification_server},
      {"PushNotificationContents", &EmailSettings::push_notification_contents},
      {"PushNotificationBuffer", &EmailSettings::push_notification_buffer},
      {"EnableEmailBatching", &EmailSettings::enable_email_batching},
      {"EmailBatchingBufferSize", &EmailSettings::email_batching_buffer_size},
      {"EmailBatchingInterval", &EmailSettings::email_batching_interval},
      {"EnablePreviewModeBanner", &EmailSettings::enable_preview_mode_banner},
      {"SkipServerCertificateVerification", &EmailSettings::skip_server_certificate_verification},
      {"EmailNotificationContentsType", &EmailSettings::email_notification_contents_type},
      {"LoginButtonColor", &EmailSettings::login_button_color},
      {"LoginButtonBorderColor", &EmailSettings::login_button_border_color},
      {"LoginButtonTextColor", &EmailSettings::login_button_text_color},
  };
  return fields;
}

Fields<RateLimitSettings> rate_limit_fields() {
  static const Field<RateLimitSettings> fields[] = {
      {"Enable", &RateLimitSettings::enable},
      {"PerSec", &RateLimitSettings::per_sec},
      {"MaxBurst", &RateLimitSettings::max_burst},
      {"MemoryStoreSize", &RateLimitSettings::memory_store_size},
      {"VaryByRemoteAddr", &RateLimitSettings::vary_by_remote_addr},
      {"VaryByUser", &RateLimitSettings::vary_by_user},
      {"VaryByHeader", &RateLimitSettings::vary_by_header},
  };
  return fields;
}

Fields<PrivacySettings> privacy_fields() {
  static const Field<PrivacySettings> fields[] = {
      {"ShowEmailAddress", &PrivacySettings::show_email_address},
      {"ShowFullName", &PrivacySettings::show_full_name},
  };
  return fields;
}

Fields<SupportSettings> support_fields() {
  static const Field<SupportSettings> fields[] = {
      {"TermsOfServiceLink", &SupportSettings::terms_of_service_link},
      {"PrivacyPolicyLink", &SupportSettings::privacy_policy_link},
      {"AboutLink", &SupportSettings::about_link},
      {"HelpLink", &SupportSettings::help_link},
      {"ReportAProblemLink", &SupportSettings::report_a_problem_link},
      {"ForgotPasswordLink", &SupportSettings::forgot_password_link},
      {"SupportEmail", &SupportSettings::support_email},
      {"CustomTermsOfServiceEnabled", &SupportSettings::custom_terms_of_service_enabled},
      {"CustomTermsOfServiceReAcceptancePeriod",
       &SupportSettings::custom_terms_of_service_re_acceptance_period},
      {"EnableAskCommunityLink", &SupportSettings::enable_ask_community_link},
  };
  return fields;
}

Fields<AnnouncementSettings> announcement_fields() {
  static const Field<AnnouncementSettings> fields[] = {
      {"EnableBanner", &AnnouncementSettings::enable_banner},
      {"BannerText", &AnnouncementSettings::banner_text},
      {"BannerColor", &AnnouncementSettings::banner_color},
      {"BannerTextColor", &AnnouncementSettings::banner_text_color},
      {"AllowBannerDismissal", &AnnouncementSettings::allow_banner_dismissal},
      {"AdminNoticesEnabled", &AnnouncementSettings::admin_notices_enabled},
      {"UserNoticesEnabled", &AnnouncementSettings::user_notices_enabled},
  };
  return fields;
}

Fields<ThemeSettings> theme_fields() {
  static const Field<ThemeSettings> fields[] = {
      {"EnableThemeSelection", &ThemeSettings::enable_theme_selection},
      {"DefaultTheme", &ThemeSettings::default_theme},
      {"AllowCustomThemes", &ThemeSettings::allow_custom_themes},
      {"AllowedThemes", &ThemeSettings::allowed_themes},
  };
  return fields;
}

Fields<SsoSettings> sso_fields() {
  static const Field<SsoSettings> fields[] = {
      {"Enable", &SsoSettings::enable},
      {"Secret", &SsoSettings::secret},
      {"Id", &SsoSettings::id},
      {"Scope", &SsoSettings::scope},
      {"AuthEndpoint", &SsoSettings::auth_endpoint},
      {"TokenEndpoint", &SsoSettings::token_endpoint},
      {"UserAPIEndpoint", &SsoSettings::user_api_endpoint},
      {"DiscoveryEndpoint", &SsoSettings::discovery_endpoint},
      {"ButtonText", &SsoSettings::button_text},
      {"ButtonColor", &SsoSettings::button_color},
  };
  return fields;
}

Fields<LocalizationSettings> localization_fields() {
  static const Field<LocalizationSettings> fields[] = {
      {"DefaultServerLocale", &LocalizationSettings::default_server_locale},
      {"DefaultClientLocale", &LocalizationSettings::default_client_locale},
      {"AvailableLocales", &LocalizationSettings::available_locales},
  };
  return fields;
}

Fields<NativeAppSettings> native_app_fields() {
  static const Field<NativeAppSettings> fields[] = {
      {"AppCustomURLSchemes", &NativeAppSettings::app_custom_url_schemes},
      {"AppDownloadLink", &NativeAppSettings::app_download_link},
      {"AndroidAppDownloadLink", &NativeAppSettings::android_app_download_link},
      {"IosAppDownloadLink", &NativeAppSettings::ios_app_download_link},
  };
  return fields;
}

Fields<ClusterSettings> cluster_fields() {
  static const Field<ClusterSettings> fields[] = {
      {"Enable", &ClusterSettings::enable},
      {"ClusterName", &ClusterSettings::cluster_name},
      {"ReadOnlyConfig", &ClusterSettings::read_only_config},
  };
  return fields;
}

Fields<MetricsSettings> metrics_fields() {
  static const Field<MetricsSettings> fields[] = {
      {"Enable", &MetricsSettings::enable},
      {"ListenAddress", &MetricsSettings::listen_address},
      {"EnableClientMetrics", &MetricsSettings::enable_client_metrics},
  };
  return fields;
}

Fields<ExperimentalSettings> experimental_fields() {
  static const Field<ExperimentalSettings> fields[] = {
      {"LinkMetadataTimeoutMilliseconds",
       &ExperimentalSettings::link_metadata_timeout_milliseconds},
      {"RestrictSystemAdmin", &ExperimentalSettings::restrict_system_admin},
      {"DisableAppBar", &ExperimentalSettings::disable_app_bar},
      {"DisableRefetchingOnBrowserFocus",
       &ExperimentalSettings::disable_refetching_on_browser_focus},
      {"DelayChannelAutocomplete", &ExperimentalSettings::delay_channel_autocomplete},
      {"DisableWakeUpReconnectHandler", &ExperimentalSettings::disable_wake_up_reconnect_handler},
      {"UsersStatusAndProfileFetchingPollIntervalMilliseconds",
       &ExperimentalSettings::users_status_and_profile_fetching_poll_interval_milliseconds},
      {"YoutubeReferrerPolicy", &ExperimentalSettings::youtube_referrer_policy},
  };
  return fields;
}

Fields<MessageExportSettings> message_export_fields() {
  static const Field<MessageExportSettings> fields[] = {
      {"EnableExport", &MessageExportSettings::enable_export},
  };
  return fields;
}

Fields<JobSettings> job_fields() {
  static const Field<JobSettings> fields[] = {
      {"RunJobs", &JobSettings::run_jobs},
      {"RunScheduler", &JobSettings::run_scheduler},
  };
  return fields;
}

Fields<PluginSettings> plugin_fields() {
  static const Field<PluginSettings> fields[] = {
      {"Enable", &PluginSettings::enable},
      {"EnableUploads", &PluginSettings::enable_uploads},
      {"Directory", &PluginSettings::directory},
      {"ClientDirectory", &PluginSettings::client_directory},
      {"EnableMarketplace", &PluginSettings::enable_marketplace},
      {"EnableRemoteMarketplace", &PluginSettings::enable_remote_marketplace},
      {"MarketplaceURL", &PluginSettings::marketplace_url},
      {"RequirePluginSignature", &PluginSettings::require_plugin_signature},
  };
  return fields;
}

Fields<DisplaySettings> display_fields() {
  static const Field<DisplaySettings> fields[] = {
      {"CustomURLSchemes", &DisplaySettings::custom_url_schemes},
      {"MaxMarkdownNodes", &DisplaySettings::max_markdown_nodes},
  };
  return fields;
}

Fields<GuestAccountsSettings> guest_accounts_fields() {
  static const Field<GuestAccountsSettings> fields[] = {
      {"Enable", &GuestAccountsSettings::enable},
      {"HideTags", &GuestAccountsSettings::hide_tags},
      {"AllowEmailAccounts", &GuestAccountsSettings::allow_email_accounts},
      {"EnforceMultifactorAuthentication",
       &GuestAccountsSettings::enforce_multifactor_authentication},
      {"RestrictCreationToDomains", &GuestAccountsSettings::restrict_creation_to_domains},
  };
  return fields;
}

Fields<ImageProxySettings> image_proxy_fields() {
  static const Field<ImageProxySettings> fields[] = {
      {"Enable", &ImageProxySettings::enable},
      {"ImageProxyType", &ImageProxySettings::image_proxy_type},
      {"RemoteImageProxyURL", &ImageProxySettings::remote_image_proxy_url},
      {"RemoteImageProxyOptions", &ImageProxySettings::remote_image_proxy_options},
  };
  return fields;
}

Fields<ImportSettings> import_fields() {
  static const Field<ImportSettings> fields[] = {
      {"Directory", &ImportSettings::directory},
      {"RetentionDays", &ImportSettings::retention_days},
  };
  return fields;
}

Fields<ExportSettings> export_fields() {
  static const Field<ExportSettings> fields[] = {
      {"Directory", &ExportSettings::directory},
      {"RetentionDays", &ExportSettings::retention_days},
  };
  return fields;
}

Fields<ParleySettings> parley_fields() {
  static const Field<ParleySettings> fields[] = {
      {"ClientDirectory", &ParleySettings::client_directory},
      {"WebClientDirectory", &ParleySettings::web_client_directory},
      {"WebSocketPingIntervalSeconds", &ParleySettings::websocket_ping_interval_seconds},
      {"WebSocketPongTimeoutSeconds", &ParleySettings::websocket_pong_timeout_seconds},
      {"WebSocketAuthTimeoutSeconds", &ParleySettings::websocket_auth_timeout_seconds},
      {"ReconnectBufferSize", &ParleySettings::reconnect_buffer_size},
      {"ReconnectBufferSeconds", &ParleySettings::reconnect_buffer_seconds},
      {"WorkerThreads", &ParleySettings::worker_threads},
      {"ReadAfterWriteSeconds", &ParleySettings::read_after_write_seconds},
  };
  return fields;
}

}  // namespace parley::config::detail
