// Default config tree, part 3: sign-in providers (GitLab, Google, Office 365,
// OpenID, LDAP, SAML), compliance, localization and the mobile app links,
// with Mattermost's defaults. Parley serves none of the enterprise providers;
// the sections exist so config.json and the System Console look as expected.
#include "config/detail.h"

namespace parley::config {

namespace json = boost::json;

namespace {

json::object sso_settings(const char* scope, const char* auth_endpoint, const char* token_endpoint,
                          const char* user_api_endpoint, const char* button_color) {
  return {
      {"Enable", false},
      {"Secret", ""},
      {"Id", ""},
      {"Scope", scope},
      {"AuthEndpoint", auth_endpoint},
      {"TokenEndpoint", token_endpoint},
      {"UserAPIEndpoint", user_api_endpoint},
      {"DiscoveryEndpoint", ""},
      {"ButtonText", ""},
      {"ButtonColor", button_color},
  };
}

json::object google_settings() {
  return sso_settings("profile email", "https://accounts.google.com/o/oauth2/v2/auth",
                      "https://www.googleapis.com/oauth2/v4/token",
                      "https://people.googleapis.com/v1/people/"
                      "me?personFields=names,emailAddresses,nicknames,metadata",
                      "");
}

json::object office365_settings() {
  return {
      {"Enable", false},
      {"Secret", ""},
      {"Id", ""},
      {"Scope", "User.Read"},
      {"AuthEndpoint", "https://login.microsoftonline.com/common/oauth2/v2.0/authorize"},
      {"TokenEndpoint", "https://login.microsoftonline.com/common/oauth2/v2.0/token"},
      {"UserAPIEndpoint", "https://graph.microsoft.com/v1.0/me"},
      {"DiscoveryEndpoint", ""},
      {"DirectoryId", ""},
  };
}

json::object ldap_settings() {
  return {
      {"Enable", false},
      {"EnableSync", false},
      {"LdapServer", ""},
      {"LdapPort", 389},
      {"ConnectionSecurity", ""},
      {"BaseDN", ""},
      {"BindUsername", ""},
      {"BindPassword", ""},
      {"UserFilter", ""},
      {"GroupFilter", ""},
      {"GuestFilter", ""},
      {"EnableAdminFilter", false},
      {"AdminFilter", ""},
      {"GroupDisplayNameAttribute", ""},
      {"GroupIdAttribute", ""},
      {"FirstNameAttribute", ""},
      {"LastNameAttribute", ""},
      {"EmailAttribute", ""},
      {"UsernameAttribute", ""},
      {"NicknameAttribute", ""},
      {"IdAttribute", ""},
      {"PositionAttribute", ""},
      {"LoginIdAttribute", ""},
      {"PictureAttribute", ""},
      {"SyncIntervalMinutes", 60},
      {"SkipCertificateVerification", false},
      {"PublicCertificateFile", ""},
      {"PrivateKeyFile", ""},
      {"QueryTimeout", 60},
      {"MaxPageSize", 0},
      {"LoginFieldName", ""},
      {"LoginButtonColor", "#0000"},
      {"LoginButtonBorderColor", "#2389D7"},
      {"LoginButtonTextColor", "#2389D7"},
  };
}

json::object compliance_settings() {
  return {
      {"Enable", false},
      {"Directory", "./data/"},
      {"EnableDaily", false},
      {"BatchSize", 30000},
  };
}

json::object localization_settings() {
  return {
      {"DefaultServerLocale", "en"},
      {"DefaultClientLocale", "en"},
      {"AvailableLocales", ""},
  };
}

json::object saml_settings() {
  return {
      {"Enable", false},
      {"EnableSyncWithLdap", false},
      {"EnableSyncWithLdapIncludeAuth", false},
      {"IgnoreGuestsLdapSync", false},
      {"Verify", true},
      {"Encrypt", true},
      {"SignRequest", false},
      {"IdpURL", ""},
      {"IdpDescriptorURL", ""},
      {"IdpMetadataURL", ""},
      {"ServiceProviderIdentifier", ""},
      {"AssertionConsumerServiceURL", ""},
      {"SignatureAlgorithm", "RSAwithSHA1"},
      {"CanonicalAlgorithm", "Canonical1.0"},
      {"ScopingIDPProviderId", ""},
      {"ScopingIDPName", ""},
      {"IdpCertificateFile", ""},
      {"PublicCertificateFile", ""},
      {"PrivateKeyFile", ""},
      {"IdAttribute", ""},
      {"GuestAttribute", ""},
      {"EnableAdminAttribute", false},
      {"AdminAttribute", ""},
      {"FirstNameAttribute", ""},
      {"LastNameAttribute", ""},
      {"EmailAttribute", ""},
      {"UsernameAttribute", ""},
      {"NicknameAttribute", ""},
      {"LocaleAttribute", ""},
      {"PositionAttribute", ""},
      {"LoginButtonText", "SAML"},
      {"LoginButtonColor", "#34a28b"},
      {"LoginButtonBorderColor", "#2389D7"},
      {"LoginButtonTextColor", "#ffffff"},
  };
}

json::object native_app_settings() {
  return {
      {"AppCustomURLSchemes", json::array{"mmauth://", "mmauthbeta://"}},
      {"AppDownloadLink", "https://mattermost.com/pl/download-apps"},
      {"AndroidAppDownloadLink", "https://mattermost.com/pl/android-app/"},
      {"IosAppDownloadLink", "https://mattermost.com/pl/ios-app/"},
  };
}

}  // namespace

namespace detail {

void add_auth_sections(json::object& tree) {
  tree["GitLabSettings"] = sso_settings("", "", "", "", "");
  tree["GoogleSettings"] = google_settings();
  tree["Office365Settings"] = office365_settings();
  tree["OpenIdSettings"] = sso_settings("profile openid email", "", "", "", "#145DBF");
  tree["LdapSettings"] = ldap_settings();
  tree["ComplianceSettings"] = compliance_settings();
  tree["LocalizationSettings"] = localization_settings();
  tree["SamlSettings"] = saml_settings();
  tree["NativeAppSettings"] = native_app_settings();
}

}  // namespace detail

}  // namespace parley::config
