// Internal: the tables binding config.json keys to the typed Config fields,
// walked by from_tree() and by the check_typed_fields() self-check.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <variant>

#include "config/config.h"

namespace parley::config::detail {

template <class S>
using Member = std::variant<std::string S::*, int64_t S::*, bool S::*, StringList S::*>;

template <class S>
struct Field {
  std::string_view key;
  Member<S> member;
};

template <class S>
using Fields = std::span<const Field<S>>;

// typed_fields_service.cpp
Fields<ServiceSettings> service_fields();
Fields<TeamSettings> team_fields();
// typed_fields.cpp
Fields<ClientRequirements> client_requirements_fields();
Fields<SqlSettings> sql_fields();
Fields<LogSettings> log_fields();
Fields<PasswordSettings> password_fields();
Fields<FileSettings> file_fields();
Fields<EmailSettings> email_fields();
Fields<RateLimitSettings> rate_limit_fields();
Fields<PrivacySettings> privacy_fields();
Fields<SupportSettings> support_fields();
Fields<AnnouncementSettings> announcement_fields();
Fields<ThemeSettings> theme_fields();
Fields<SsoSettings> sso_fields();
Fields<LocalizationSettings> localization_fields();
Fields<NativeAppSettings> native_app_fields();
Fields<ClusterSettings> cluster_fields();
Fields<MetricsSettings> metrics_fields();
Fields<ExperimentalSettings> experimental_fields();
Fields<MessageExportSettings> message_export_fields();
Fields<JobSettings> job_fields();
Fields<PluginSettings> plugin_fields();
Fields<DisplaySettings> display_fields();
Fields<GuestAccountsSettings> guest_accounts_fields();
Fields<ImageProxySettings> image_proxy_fields();
Fields<ImportSettings> import_fields();
Fields<ExportSettings> export_fields();
Fields<ParleySettings> parley_fields();

// Calls visit(section_name, &Config::member, fields) for every typed section.
template <class Visit>
void for_each_section(Visit&& visit) {
  visit("ServiceSettings", &Config::service, service_fields());
  visit("TeamSettings", &Config::team, team_fields());
  visit("ClientRequirements", &Config::client_requirements, client_requirements_fields());
  visit("SqlSettings", &Config::sql, sql_fields());
  visit("LogSettings", &Config::log, log_fields());
  visit("PasswordSettings", &Config::password, password_fields());
  visit("FileSettings", &Config::file, file_fields());
  visit("EmailSettings", &Config::email, email_fields());
  visit("RateLimitSettings", &Config::rate_limit, rate_limit_fields());
  visit("PrivacySettings", &Config::privacy, privacy_fields());
  visit("SupportSettings", &Config::support, support_fields());
  visit("AnnouncementSettings", &Config::announcement, announcement_fields());
  visit("ThemeSettings", &Config::theme, theme_fields());
  visit("GitLabSettings", &Config::gitlab, sso_fields());
  visit("GoogleSettings", &Config::google, sso_fields());
  visit("OpenIdSettings", &Config::openid, sso_fields());
  visit("LocalizationSettings", &Config::localization, localization_fields());
  visit("NativeAppSettings", &Config::native_app, native_app_fields());
  visit("ClusterSettings", &Config::cluster, cluster_fields());
  visit("MetricsSettings", &Config::metrics, metrics_fields());
  visit("ExperimentalSettings", &Config::experimental, experimental_fields());
  visit("MessageExportSettings", &Config::message_export, message_export_fields());
  visit("JobSettings", &Config::job, job_fields());
  visit("PluginSettings", &Config::plugin, plugin_fields());
  visit("DisplaySettings", &Config::display, display_fields());
  visit("GuestAccountsSettings", &Config::guest_accounts, guest_accounts_fields());
  visit("ImageProxySettings", &Config::image_proxy, image_proxy_fields());
  visit("ImportSettings", &Config::import_settings, import_fields());
  visit("ExportSettings", &Config::export_settings, export_fields());
  visit("ParleySettings", &Config::parley, parley_fields());
}

}  // namespace parley::config::detail
