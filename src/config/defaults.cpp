// Default config tree, part 1: the core sections, with Mattermost's default
// values for a fresh install (server/public/model/config.go SetDefaults) in
// config.json key order. Parley differs only in SqlSettings (SQLite).
#include "config/config.h"
#include "config/detail.h"

namespace parley::config {

namespace json = boost::json;

namespace {

json::object service_settings() {
  return {
      {"SiteURL", ""},
      {"WebsocketURL", ""},
      {"LicenseFileLocation", ""},
      {"ListenAddress", ":8065"},
      {"ConnectionSecurity", ""},
      {"TLSCertFile", ""},
      {"TLSKeyFile", ""},
      {"TLSMinVer", "1.2"},
      {"TLSStrictTransport", false},
      {"TLSStrictTransportMaxAge", 63072000},
      {"TLSOverwriteCiphers", json::array{}},
      {"UseLetsEncrypt", false},
      {"LetsEncryptCertificateCacheFile", "./config/letsencrypt.cache"},
      {"Forward80To443", false},
      {"TrustedProxyIPHeader", json::array{}},
      {"ReadTimeout", 300},
      {"WriteTimeout", 300},
      {"IdleTimeout", 60},
      {"MaximumLoginAttempts", 10},
      {"GoroutineHealthThreshold", -1},
      {"EnableOAuthServiceProvider", true},
      {"EnableIncomingWebhooks", true},
      {"EnableOutgoingWebhooks", true},
      {"EnableOutgoingOAuthConnections", false},
      {"EnableCommands", true},
      {"OutgoingIntegrationRequestsTimeout", 30},
      {"EnablePostUsernameOverride", false},
      {"EnablePostIconOverride", false},
      {"GoogleDeveloperKey", ""},
      {"EnableLinkPreviews", true},
      {"EnablePermalinkPreviews", true},
      {"RestrictLinkPreviews", ""},
      {"EnableTesting", false},
      {"EnableDeveloper", false},
      {"DeveloperFlags", ""},
      {"EnableClientPerformanceDebugging", false},
      {"EnableOpenTracing", false},
      {"EnableSecurityFixAlert", true},
      {"EnableInsecureOutgoingConnections", false},
      {"AllowedUntrustedInternalConnections", ""},
      {"EnableMultifactorAuthentication", false},
      {"EnforceMultifactorAuthentication", false},
      {"EnableUserAccessTokens", false},
      {"AllowCorsFrom", ""},
      {"CorsExposedHeaders", ""},
      {"CorsAllowCredentials", false},
      {"CorsDebug", false},
      {"AllowCookiesForSubdomains", false},
      {"ExtendSessionLengthWithActivity", true},
      {"TerminateSessionsOnPasswordChange", true},
      {"SessionLengthWebInDays", 30},
      {"SessionLengthWebInHours", 720},
      {"SessionLengthMobileInDays", 30},
      {"SessionLengthMobileInHours", 720},
      {"SessionLengthSSOInDays", 30},
      {"SessionLengthSSOInHours", 720},
      {"SessionCacheInMinutes", 10},
      {"SessionIdleTimeoutInMinutes", 43200},
      {"WebsocketSecurePort", 443},
      {"WebsocketPort", 80},
      {"WebserverMode", "gzip"},
      {"EnableGifPicker", true},
      {"GiphySdkKey", ""},
      {"EnableCustomEmoji", true},
      {"EnableEmojiPicker", true},
      {"PostEditTimeLimit", -1},
      {"TimeBetweenUserTypingUpdatesMilliseconds", 5000},
      {"EnablePostSearch", true},
      {"EnableFileSearch", true},
      {"MinimumHashtagLength", 3},
      {"EnableUserTypingMessages", true},
      {"EnableChannelViewedMessages", true},
      {"EnableUserStatuses", true},
      {"ExperimentalEnableAuthenticationTransfer", true},
      {"ClusterLogTimeoutMilliseconds", 2000},
      {"EnableTutorial", true},
      {"EnableOnboardingFlow", true},
      {"ExperimentalEnableDefaultChannelLeaveJoinMessages", true},
      {"ExperimentalGroupUnreadChannels", "disabled"},
      {"EnableAPITeamDeletion", false},
      {"EnableAPITriggerAdminNotifications", false},
      {"EnableAPIUserDeletion", false},
      {"EnableAPIPostDeletion", false},
      {"ExperimentalEnableHardenedMode", false},
      {"ExperimentalStrictCSRFEnforcement", false},
      {"EnableEmailInvitations", false},
      {"DisableBotsWhenOwnerIsDeactivated", true},
      {"EnableBotAccountCreation", false},
      {"EnableSVGs", false},
      {"EnableLatex", false},
      {"EnableInlineLatex", true},
      {"PostPriority", true},
      {"AllowPersistentNotifications", true},
      {"AllowPersistentNotificationsForGuests", false},
      {"PersistentNotificationIntervalMinutes", 5},
      {"PersistentNotificationMaxCount", 6},
      {"PersistentNotificationMaxRecipients", 5},
      {"EnableAPIChannelDeletion", false},
      {"EnableLocalMode", false},
      {"LocalModeSocketLocation", "/var/tmp/mattermost_local.socket"},
      {"EnableAWSMetering", false},
      {"SplitKey", ""},
      {"FeatureFlagSyncIntervalSeconds", 30},
      {"DebugSplit", false},
      {"ThreadAutoFollow", true},
      {"CollapsedThreads", "always_on"},
      {"ManagedResourcePaths", ""},
      {"EnableCustomGroups", true},
      {"AllowSyncedDrafts", true},
      {"UniqueEmojiReactionLimitPerPost", 50},
      {"RefreshPostStatsRunTime", "00:00"},
      {"MaximumPayloadSizeBytes", 300000},
      {"MaximumURLLength", 2048},
  };
}

json::object team_settings() {
  return {
      {"SiteName", "Mattermost"},
      {"MaxUsersPerTeam", 50},
      {"EnableJoinLeaveMessageByDefault", true},
      {"EnableUserCreation", true},
      {"EnableOpenServer", false},
      {"EnableUserDeactivation", false},
      {"RestrictCreationToDomains", ""},
      {"EnableCustomUserStatuses", true},
      {"EnableCustomBrand", false},
      {"CustomBrandText", ""},
      {"CustomDescriptionText", ""},
      {"RestrictDirectMessage", "any"},
      {"EnableLastActiveTime", true},
      {"UserStatusAwayTimeout", 300},
      {"MaxChannelsPerTeam", 2000},
      {"MaxNotificationsPerChannel", 1000},
      {"EnableConfirmNotificationsToChannel", true},
      {"TeammateNameDisplay", "username"},
      {"ExperimentalViewArchivedChannels", true},
      {"ExperimentalEnableAutomaticReplies", false},
      {"LockTeammateNameDisplay", false},
      {"ExperimentalPrimaryTeam", ""},
      {"ExperimentalDefaultChannels", json::array{}},
  };
}

json::object client_requirements() {
  return {
      {"AndroidLatestVersion", ""},
      {"AndroidMinVersion", ""},
      {"IosLatestVersion", ""},
      {"IosMinVersion", ""},
  };
}

json::object sql_settings() {
  return {
      {"DriverName", "sqlite3"},  // Mattermost: "postgres"
      {"DataSource", "./data/parley.db"},
      {"DataSourceReplicas", json::array{}},
      {"DataSourceSearchReplicas", json::array{}},
      {"MaxIdleConns", 20},
      {"ConnMaxLifetimeMilliseconds", 3600000},
      {"ConnMaxIdleTimeMilliseconds", 300000},
      {"MaxOpenConns", 300},
      {"Trace", false},
      {"AtRestEncryptKey", ""},
      {"QueryTimeout", 30},
      {"DisableDatabaseSearch", false},
      {"MigrationsStatementTimeoutSeconds", 100000},
      {"ReplicaLagSettings", json::array{}},
      {"ReplicaMonitorIntervalSeconds", 5},
  };
}

json::object log_settings() {
  return {
      {"EnableConsole", true},
      {"ConsoleLevel", "DEBUG"},
      {"ConsoleJson", true},
      {"EnableColor", false},
      {"EnableFile", true},
      {"FileLevel", "INFO"},
      {"FileJson", true},
      {"FileLocation", ""},
      {"EnableWebhookDebugging", true},
      {"EnableDiagnostics", true},
      {"VerboseDiagnostics", false},
      {"EnableSentry", true},
      {"AdvancedLoggingJSON", json::object{}},
      {"MaxFieldSize", 2048},
  };
}

json::object experimental_audit_settings() {
  return {
      {"FileEnabled", false},     {"FileName", ""},
      {"FileMaxSizeMB", 100},     {"FileMaxAgeDays", 0},
      {"FileMaxBackups", 0},      {"FileCompress", false},
      {"FileMaxQueueSize", 1000}, {"AdvancedLoggingJSON", json::object{}},
  };
}

json::object notification_log_settings() {
  return {
      {"EnableConsole", true}, {"ConsoleLevel", "DEBUG"}, {"ConsoleJson", true},
      {"EnableColor", false},  {"EnableFile", true},      {"FileLevel", "INFO"},
      {"FileJson", true},      {"FileLocation", ""},      {"AdvancedLoggingJSON", json::object{}},
  };
}

}  // namespace

namespace detail {

void add_core_sections(json::object& tree) {
  tree["ServiceSettings"] = service_settings();
  tree["TeamSettings"] = team_settings();
  tree["ClientRequirements"] = client_requirements();
  tree["SqlSettings"] = sql_settings();
  tree["LogSettings"] = log_settings();
  tree["ExperimentalAuditSettings"] = experimental_audit_settings();
  tree["NotificationLogSettings"] = notification_log_settings();
}

}  // namespace detail

json::object default_tree() {
  json::object tree;
  detail::add_core_sections(tree);
  detail::add_site_sections(tree);
  detail::add_auth_sections(tree);
  detail::add_service_sections(tree);
  return tree;
}

}  // namespace parley::config
