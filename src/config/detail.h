// Internal helpers shared by the config module's .cpp files (not for other layers).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include <boost/json.hpp>

#include "util/app_error.h"

namespace parley::config::detail {

// Sections of default_tree(), split over files to keep them readable. Each
// appends its sections to `tree`; called in this order they give Mattermost's
// config.json section order.
void add_core_sections(boost::json::object& tree);     // defaults.cpp
void add_site_sections(boost::json::object& tree);     // defaults_site.cpp
void add_auth_sections(boost::json::object& tree);     // defaults_auth.cpp
void add_service_sections(boost::json::object& tree);  // defaults_services.cpp

std::string to_upper(std::string_view s);  // environment.cpp

// Reads and parses a config file; the error names the line and column of
// invalid JSON. config_file.cpp.
Result<boost::json::object> read_file(const std::filesystem::path& file);

// An empty object default marks a free-form value (a map such as
// PluginSettings.Plugins, or raw JSON such as LogSettings.AdvancedLoggingJSON)
// rather than a section with known keys.
inline bool is_free_form(const boost::json::value& default_value) {
  return default_value.is_object() && default_value.get_object().empty();
}

}  // namespace parley::config::detail
