// Structured JSON log lines (Mattermost's shape: timestamp, level, msg, caller-free flat fields)
// written through spdlog to the console and a file.
#pragma once

#include <boost/json/object.hpp>

#include <string>
#include <string_view>

namespace parley::log {

struct Options {
  bool console = true;
  std::string console_level = "DEBUG";
  bool file = false;
  std::string file_level = "INFO";
  std::string file_path;  // e.g. ./logs/parley.log
};

void init(const Options& options);
void debug(std::string_view msg, boost::json::object fields = {});
void info(std::string_view msg, boost::json::object fields = {});
void warn(std::string_view msg, boost::json::object fields = {});
void error(std::string_view msg, boost::json::object fields = {});
void flush();

}  // namespace parley::log
