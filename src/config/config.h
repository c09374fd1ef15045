// Parley's configuration, laid out and loaded like Mattermost's config.json:
// the file is completed with defaults on load, MM_<SECTION>_<KEY> environment
// variables override it in memory, and code reads typed sections from Config.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/json.hpp>

#include "config/settings.h"
#include "util/app_error.h"

namespace parley::config {

using Environment = std::vector<std::pair<std::string, std::string>>;

struct Config {
  ServiceSettings service;
  TeamSettings team;
  ClientRequirements client_requirements;
  SqlSettings sql;
  LogSettings log;
  PasswordSettings password;
  FileSettings file;
  EmailSettings email;
  RateLimitSettings rate_limit;
  PrivacySettings privacy;
  SupportSettings support;
  AnnouncementSettings announcement;
  ThemeSettings theme;
  SsoSettings gitlab;
  SsoSettings google;
  SsoSettings openid;
  LocalizationSettings localization;
  NativeAppSettings native_app;
  ClusterSettings cluster;
  MetricsSettings metrics;
  ExperimentalSettings experimental;
  MessageExportSettings message_export;
  JobSettings job;
  PluginSettings plugin;
  DisplaySettings display;
  GuestAccountsSettings guest_accounts;
  ImageProxySettings image_proxy;
  ImportSettings import_settings;
  ExportSettings export_settings;
  ParleySettings parley;

  // The full effective tree (defaults + file + environment overrides), in
  // config.json layout. Sections without a typed struct are read from here.
  boost::json::object tree;
};

struct LoadedConfig {
  std::shared_ptr<const Config> config;
  // Mirrors the tree with `true` at each leaf set from the environment, as
  // Mattermost's GET /api/v4/config/environment returns.
  boost::json::object environment_overrides;
};

// Mattermost's defaults for a fresh install, plus ParleySettings; SqlSettings
// point at SQLite ("sqlite3", "./data/parley.db").
boost::json::object default_tree();

// Completes `tree` with defaults and reads the typed sections. A value of the
// wrong type in `tree` reads as the default in the typed struct.
Config from_tree(boost::json::object tree);
inline Config default_config() {
  return from_tree(default_tree());
}

// Reads `file` (creating it with the defaults when missing), completes it with
// defaults and writes it back if a key was added, then applies environment
// overrides in memory only. Errors: unreadable/unwritable file, invalid JSON,
// a known key holding a value of the wrong type.
Result<LoadedConfig> load(const std::filesystem::path& file, const Environment& env);

// The process environment (environ) as name/value pairs.
Environment environment();

// ---- Building blocks, also used by the config API (PUT /config etc.) ----

// Adds every key of `defaults` missing (or null) in `target`, recursing into
// sections; keeps keys only the user wrote, and renames a known key written in
// another case (Go's JSON decoding accepts it). Keys come out in defaults
// order, unknown keys after them. Returns true if `target` needs saving.
bool merge_defaults(boost::json::object& target, const boost::json::object& defaults);

// Checks that each known key of `tree` holds the type its default has.
Status check_types(const boost::json::object& tree);

// Applies MM_<SECTION>_<KEY>=value pairs to `tree` following Mattermost's
// rules and returns the overrides mirror (true at each applied leaf).
boost::json::object apply_environment(boost::json::object& tree, const Environment& env);

// Pretty JSON with 4-space indent, as Mattermost writes config.json.
std::string to_pretty_json(const boost::json::value& value);

// Writes `tree` to `file` atomically (temp file in the same folder + rename),
// creating parent folders; mode 0600 like Mattermost.
Status save(const std::filesystem::path& file, const boost::json::object& tree);

// Self-check of the typed-field tables: paths ("Section.Key") that are missing
// from default_tree() or whose default has another type. Empty when consistent.
std::vector<std::string> check_typed_fields();

}  // namespace parley::config
