// Client config map (GET /api/v4/config/client): the keys and sources of
// Mattermost's server/config/client.go, for an unlicensed server.
#include "config/client_config.h"

#include <string_view>

namespace parley::config {

namespace {

using Props = std::map<std::string, std::string>;

std::string str(bool b) {
  return b ? "true" : "false";
}
std::string str(int64_t n) {
  return std::to_string(n);
}

std::string trim_trailing_slashes(std::string s) {
  while (!s.empty() && s.back() == '/') s.pop_back();
  return s;
}

std::string join(const StringList& items, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += sep;
    out += items[i];
  }
  return out;
}

void add_limited(const Config& c, Props& p) {
  p["EnableBotAccountCreation"] = str(c.service.enable_bot_account_creation);
  p["EnableFile"] = str(c.log.enable_file);
  p["FileLevel"] = c.log.file_level;

  p["SiteURL"] = trim_trailing_slashes(c.service.site_url);
  p["SiteName"] = c.team.site_name;
  p["WebsocketURL"] = trim_trailing_slashes(c.service.websocket_url);
  p["WebsocketPort"] = str(c.service.websocket_port);
  p["WebsocketSecurePort"] = str(c.service.websocket_secure_port);
  p["EnableUserCreation"] = str(c.team.enable_user_creation);
  p["EnableOpenServer"] = str(c.team.enable_open_server);

  p["AndroidLatestVersion"] = c.client_requirements.android_latest_version;
  p["AndroidMinVersion"] = c.client_requirements.android_min_version;
  p["IosLatestVersion"] = c.client_requirements.ios_latest_version;
  p["IosMinVersion"] = c.client_requirements.ios_min_version;

  p["EnableDiagnostics"] = str(c.log.enable_diagnostics);
  p["EnableComplianceExport"] = str(c.message_export.enable_export);

  p["EnableSignUpWithEmail"] = str(c.email.enable_sign_up_with_email);
  p["EnableSignInWithEmail"] = str(c.email.enable_sign_in_with_email);
  p["EnableSignInWithUsername"] = str(c.email.enable_sign_in_with_username);
  p["EmailLoginButtonColor"] = c.email.login_button_color;
  p["EmailLoginButtonBorderColor"] = c.email.login_button_border_color;
  p["EmailLoginButtonTextColor"] = c.email.login_button_text_color;

  p["EnableSignUpWithGitLab"] = str(c.gitlab.enable);
  p["GitLabButtonColor"] = c.gitlab.button_color;
  p["GitLabButtonText"] = c.gitlab.button_text;

  p["TermsOfServiceLink"] = c.support.terms_of_service_link;
  p["PrivacyPolicyLink"] = c.support.privacy_policy_link;
  p["AboutLink"] = c.support.about_link;
  p["HelpLink"] = c.support.help_link;
  p["ReportAProblemLink"] = c.support.report_a_problem_link;
  p["ForgotPasswordLink"] = c.support.forgot_password_link;
  p["SupportEmail"] = c.support.support_email;
  p["EnableAskCommunityLink"] = str(c.support.enable_ask_community_link);

  p["DefaultClientLocale"] = c.localization.default_client_locale;

  p["EnableCustomEmoji"] = str(c.service.enable_custom_emoji);
  p["AppDownloadLink"] = c.native_app.app_download_link;
  p["AndroidAppDownloadLink"] = c.native_app.android_app_download_link;
  p["IosAppDownloadLink"] = c.native_app.ios_app_download_link;

  p["DiagnosticsEnabled"] = str(c.log.enable_diagnostics);
  p["HasImageProxy"] = str(c.image_proxy.enable);
  p["PluginsEnabled"] = str(c.plugin.enable);

  p["PasswordMinimumLength"] = str(c.password.minimum_length);
  p["PasswordRequireLowercase"] = str(c.password.lowercase);
  p["PasswordRequireUppercase"] = str(c.password.uppercase);
  p["PasswordRequireNumber"] = str(c.password.number);
  p["PasswordRequireSymbol"] = str(c.password.symbol);

  // Settings that need a license: the values an unlicensed server sends.
  for (const char* key :
       {"EnableLdap", "EnableSaml", "EnableSignUpWithGoogle", "EnableSignUpWithOffice365",
        "EnableSignUpWithOpenId", "EnforceMultifactorAuthentication"}) {
    p[key] = "false";
  }
  for (const char* key :
       {"LdapLoginFieldName", "LdapLoginButtonColor", "LdapLoginButtonBorderColor",
        "LdapLoginButtonTextColor", "SamlLoginButtonText", "SamlLoginButtonColor",
        "SamlLoginButtonBorderColor", "SamlLoginButtonTextColor", "OpenIdButtonText",
        "OpenIdButtonColor", "CWSURL"}) {
    p[key] = "";
  }

  p["EnableCustomBrand"] = str(c.team.enable_custom_brand);
  p["CustomBrandText"] = c.team.custom_brand_text;
  p["CustomDescriptionText"] = c.team.custom_description_text;
  p["EnableMultifactorAuthentication"] = str(c.service.enable_multifactor_authentication);
  p["EnableGuestAccounts"] = str(c.guest_accounts.enable);
  p["GuestAccountsEnforceMultifactorAuthentication"] =
      str(c.guest_accounts.enforce_multifactor_authentication);
}

void add_team_and_service(const Config& c, Props& p) {
  const TeamSettings& t = c.team;
  p["EnableCustomUserStatuses"] = str(t.enable_custom_user_statuses);
  p["EnableLastActiveTime"] = str(t.enable_last_active_time);
  p["EnableUserDeactivation"] = str(t.enable_user_deactivation);
  p["RestrictDirectMessage"] = t.restrict_direct_message;
  p["TeammateNameDisplay"] = t.teammate_name_display;
  p["LockTeammateNameDisplay"] = str(t.lock_teammate_name_display);
  p["ExperimentalPrimaryTeam"] = t.experimental_primary_team;
  p["ExperimentalViewArchivedChannels"] = str(t.experimental_view_archived_channels);
  p["ExperimentalEnableAutomaticReplies"] = str(t.experimental_enable_automatic_replies);
  p["MaxNotificationsPerChannel"] = str(t.max_notifications_per_channel);
  p["EnableConfirmNotificationsToChannel"] = str(t.enable_confirm_notifications_to_channel);

  const ServiceSettings& s = c.service;
  p["EnableOAuthServiceProvider"] = str(s.enable_oauth_service_provider);
  p["GoogleDeveloperKey"] = s.google_developer_key;
  p["EnableIncomingWebhooks"] = str(s.enable_incoming_webhooks);
  p["EnableOutgoingWebhooks"] = str(s.enable_outgoing_webhooks);
  p["EnableCommands"] = str(s.enable_commands);
  p["EnablePostUsernameOverride"] = str(s.enable_post_username_override);
  p["EnablePostIconOverride"] = str(s.enable_post_icon_override);
  p["EnableUserAccessTokens"] = str(s.enable_user_access_tokens);
  p["EnableLinkPreviews"] = str(s.enable_link_previews);
  p["EnablePermalinkPreviews"] = str(s.enable_permalink_previews);
  p["EnableTesting"] = str(s.enable_testing);
  p["EnableDeveloper"] = str(s.enable_developer);
  p["EnableClientPerformanceDebugging"] = str(s.enable_client_performance_debugging);
  p["PostEditTimeLimit"] = str(s.post_edit_time_limit);
  p["MinimumHashtagLength"] = str(s.minimum_hashtag_length);
  p["EnableTutorial"] = str(s.enable_tutorial);
  p["EnableOnboardingFlow"] = str(s.enable_onboarding_flow);
  p["ExperimentalEnableDefaultChannelLeaveJoinMessages"] =
      str(s.experimental_enable_default_channel_leave_join_messages);
  p["ExperimentalGroupUnreadChannels"] = s.experimental_group_unread_channels;
  p["EnableSVGs"] = str(s.enable_svgs);
  p["EnableLatex"] = str(s.enable_latex);
  p["EnableInlineLatex"] = str(s.enable_inline_latex);
  p["ExtendSessionLengthWithActivity"] = str(s.extend_session_length_with_activity);
  p["ManagedResourcePaths"] = s.managed_resource_paths;
  p["EnableEmojiPicker"] = str(s.enable_emoji_picker);
  p["EnableGifPicker"] = str(s.enable_gif_picker);
  p["TimeBetweenUserTypingUpdatesMilliseconds"] =
      str(s.time_between_user_typing_updates_milliseconds);
  p["EnableUserTypingMessages"] = str(s.enable_user_typing_messages);
  p["EnableChannelViewedMessages"] = str(s.enable_channel_viewed_messages);
  p["EnableEmailInvitations"] = str(s.enable_email_invitations);
  p["CollapsedThreads"] = s.collapsed_threads;
  p["PostPriority"] = str(s.post_priority);
  p["AllowPersistentNotifications"] = str(s.allow_persistent_notifications);
  p["AllowPersistentNotificationsForGuests"] = str(s.allow_persistent_notifications_for_guests);
  p["PersistentNotificationMaxCount"] = str(s.persistent_notification_max_count);
  p["PersistentNotificationIntervalMinutes"] = str(s.persistent_notification_interval_minutes);
  p["PersistentNotificationMaxRecipients"] = str(s.persistent_notification_max_recipients);
  p["AllowSyncedDrafts"] = str(s.allow_synced_drafts);
}

void add_full(const Config& c, Props& p) {
  add_team_and_service(c, p);

  p["EnableMarketplace"] = str(c.plugin.enable_marketplace);
  p["IsDefaultMarketplace"] =
      str(c.plugin.marketplace_url == "https://api.integrations.mattermost.com");
  p["ExperimentalEnablePostMetadata"] = "true";
  p["DisableAppBar"] = str(c.experimental.disable_app_bar);
  p["DisableRefetchingOnBrowserFocus"] = str(c.experimental.disable_refetching_on_browser_focus);
  p["DelayChannelAutocomplete"] = str(c.experimental.delay_channel_autocomplete);

  p["SendEmailNotifications"] = str(c.email.send_email_notifications);
  p["SendPushNotifications"] = str(c.email.send_push_notifications);
  p["RequireEmailVerification"] = str(c.email.require_email_verification);
  p["EnableEmailBatching"] = str(c.email.enable_email_batching);
  p["EnablePreviewModeBanner"] = str(c.email.enable_preview_mode_banner);
  p["EmailNotificationContentsType"] = c.email.email_notification_contents_type;

  p["ShowEmailAddress"] = str(c.privacy.show_email_address);
  p["ShowFullName"] = str(c.privacy.show_full_name);
  p["EnableFileAttachments"] = str(c.file.enable_file_attachments);
  p["EnablePublicLink"] = str(c.file.enable_public_link);
  p["MaxFileSize"] = str(c.file.max_file_size);
  p["AvailableLocales"] = c.localization.available_locales;
  p["SQLDriverName"] = c.sql.driver_name;
  p["RunJobs"] = str(c.job.run_jobs);
  p["CustomUrlSchemes"] = join(c.display.custom_url_schemes, ",");

  // Settings that need a license: the values an unlicensed server sends.
  for (const char* key : {"ExperimentalEnableAuthenticationTransfer", "EnableMobileFileDownload",
                          "EnableMobileFileUpload", "EnableThemeSelection", "AllowCustomThemes"}) {
    p[key] = "true";
  }
  for (const char* key :
       {"LdapNicknameAttributeSet", "LdapFirstNameAttributeSet", "LdapLastNameAttributeSet",
        "LdapPictureAttributeSet", "LdapPositionAttributeSet", "EnableCompliance",
        "SamlFirstNameAttributeSet", "SamlLastNameAttributeSet", "SamlNicknameAttributeSet",
        "SamlPositionAttributeSet", "EnableCluster", "EnableMetrics", "EnableBanner",
        "AllowBannerDismissal", "DataRetentionEnableMessageDeletion",
        "DataRetentionEnableFileDeletion", "DataRetentionEnableBoardsDeletion",
        "ExperimentalSharedChannels", "EnableCustomGroups"}) {
    p[key] = "false";
  }
  for (const char* key :
       {"BannerText", "BannerColor", "BannerTextColor", "DefaultTheme", "AllowedThemes"}) {
    p[key] = "";
  }
  for (const char* key : {"DataRetentionMessageRetentionDays", "DataRetentionFileRetentionDays",
                          "DataRetentionBoardsRetentionDays"}) {
    p[key] = "0";
  }
}

}  // namespace

std::map<std::string, std::string> client_config(const Config& cfg, bool limited) {
  Props props;
  add_limited(cfg, props);
  if (!limited) add_full(cfg, props);
  return props;
}

}  // namespace parley::config
