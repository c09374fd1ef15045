// Default config tree, part 2: password, files, email, rate limiting, privacy,
// support links, announcement banner and themes (Mattermost's defaults).
#include "config/detail.h"

namespace parley::config {

namespace json = boost::json;

namespace {

json::object password_settings() {
  return {
      {"MinimumLength", 8}, {"Lowercase", false}, {"Number", false},
      {"Uppercase", false}, {"Symbol", false},    {"EnableForgotLink", true},
  };
}

json::object file_settings() {
  return {
      {"EnableFileAttachments", true},
      {"EnableMobileUpload", true},
      {"EnableMobileDownload", true},
      {"MaxFileSize", 104857600},          // 100 MiB
      {"MaxImageResolution", 33177600},    // 7680 x 4320
      {"MaxImageDecoderConcurrency", -1},  // number of CPUs
      {"DriverName", "local"},
      {"Directory", "./data/"},
      {"EnablePublicLink", false},
      {"ExtractContent", true},
      {"ArchiveRecursion", false},
      {"PublicLinkSalt", ""},
      {"InitialFont", "nunito-bold.ttf"},
      {"AmazonS3AccessKeyId", ""},
      {"AmazonS3SecretAccessKey", ""},
      {"AmazonS3Bucket", ""},
      {"AmazonS3PathPrefix", ""},
      {"AmazonS3Region", ""},
      {"AmazonS3Endpoint", "s3.amazonaws.com"},
      {"AmazonS3SSL", true},
      {"AmazonS3SignV2", false},
      {"AmazonS3SSE", false},
      {"AmazonS3Trace", false},
      {"AmazonS3RequestTimeoutMilliseconds", 30000},
      {"AmazonS3UploadPartSizeBytes", 5242880},
      {"DedicatedExportStore", false},
      {"ExportDriverName", "local"},
      {"ExportDirectory", "./data/"},
      {"ExportAmazonS3AccessKeyId", ""},
      {"ExportAmazonS3SecretAccessKey", ""},
      {"ExportAmazonS3Bucket", ""},
      {"ExportAmazonS3PathPrefix", ""},
      {"ExportAmazonS3Region", ""},
      {"ExportAmazonS3Endpoint", "s3.amazonaws.com"},
      {"ExportAmazonS3SSL", true},
      {"ExportAmazonS3SignV2", false},
      {"ExportAmazonS3SSE", false},
      {"ExportAmazonS3Trace", false},
      {"ExportAmazonS3RequestTimeoutMilliseconds", 30000},
      {"ExportAmazonS3PresignExpiresSeconds", 21600},
      {"ExportAmazonS3UploadPartSizeBytes", 104857600},
  };
}

json::object email_settings() {
  return {
      {"EnableSignUpWithEmail", true},
      {"EnableSignInWithEmail", true},
      {"EnableSignInWithUsername", true},
      {"SendEmailNotifications", true},
      {"UseChannelInEmailNotifications", false},
      {"RequireEmailVerification", false},
      {"FeedbackName", ""},
      {"FeedbackEmail", "test@example.com"},
      {"ReplyToAddress", "test@example.com"},
      {"FeedbackOrganization", ""},
      {"EnableSMTPAuth", false},
      {"SMTPUsername", ""},
      {"SMTPPassword", ""},
      {"SMTPServer", "localhost"},
      {"SMTPPort", "10025"},
      {"SMTPServerTimeout", 10},
      {"ConnectionSecurity", ""},
      {"SendPushNotifications", true},
      {"PushNotificationServer", "https://push-test.mattermost.com"},
      {"PushNotificationContents", "full"},
      {"PushNotificationBuffer", 1000},
      {"EnableEmailBatching", false},
      {"EmailBatchingBufferSize", 256},
      {"EmailBatchingInterval", 30},
      {"EnablePreviewModeBanner", true},
      {"SkipServerCertificateVerification", false},
      {"EmailNotificationContentsType", "full"},
      {"LoginButtonColor", "#0000"},
      {"LoginButtonBorderColor", "#2389D7"},
      {"LoginButtonTextColor", "#2389D7"},
  };
}

json::object rate_limit_settings() {
  return {
      {"Enable", false},          {"PerSec", 10},
      {"MaxBurst", 100},          {"MemoryStoreSize", 10000},
      {"VaryByRemoteAddr", true}, {"VaryByUser", false},
      {"VaryByHeader", ""},
  };
}

json::object support_settings() {
  return {
      {"TermsOfServiceLink", "https://mattermost.com/pl/terms-of-use/"},
      {"PrivacyPolicyLink", "https://mattermost.com/pl/privacy-policy/"},
      {"AboutLink", "https://mattermost.com/pl/about-mattermost"},
      {"HelpLink", "https://mattermost.com/pl/help/"},
      {"ReportAProblemLink", "https://mattermost.com/pl/report-a-bug"},
      {"ForgotPasswordLink", ""},
      {"SupportEmail", ""},
      {"CustomTermsOfServiceEnabled", false},
      {"CustomTermsOfServiceReAcceptancePeriod", 365},
      {"EnableAskCommunityLink", true},
  };
}

json::object announcement_settings() {
  return {
      {"EnableBanner", false},         {"BannerText", ""},
      {"BannerColor", "#f2a93b"},      {"BannerTextColor", "#333333"},
      {"AllowBannerDismissal", true},  {"AdminNoticesEnabled", true},
      {"UserNoticesEnabled", true},    {"NoticesURL", "https://notices.mattermost.com/"},
      {"NoticesFetchFrequency", 3600}, {"NoticesSkipCache", false},
  };
}

json::object theme_settings() {
  return {
      {"EnableThemeSelection", true},
      {"DefaultTheme", "default"},
      {"AllowCustomThemes", true},
      {"AllowedThemes", json::array{}},
  };
}

}  // namespace

namespace detail {

void add_site_sections(json::object& tree) {
  tree["PasswordSettings"] = password_settings();
  tree["FileSettings"] = file_settings();
  tree["EmailSettings"] = email_settings();
  tree["RateLimitSettings"] = rate_limit_settings();
  tree["PrivacySettings"] = json::object{{"ShowEmailAddress", true}, {"ShowFullName", true}};
  tree["SupportSettings"] = support_settings();
  tree["AnnouncementSettings"] = announcement_settings();
  tree["ThemeSettings"] = theme_settings();
}

}  // namespace detail

}  // namespace parley::config
