// JSON log lines on spdlog sinks; every line is one self-contained JSON object.
#include "util/log.h"

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
#include <boost/json/serialize.hpp>

#include <fmt/chrono.h>
#include <chrono>
#include <filesystem>

namespace parley::log {
namespace {

spdlog::level::level_enum parse_level(std::string_view s) {
  std::string l(s);
  for (auto& c : l) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (l == "debug") return spdlog::level::debug;
  if (l == "warn") return spdlog::level::warn;
  if (l == "error") return spdlog::level::err;
  if (l == "info") return spdlog::level::info;
  return spdlog::level::info;
}

void write(spdlog::level::level_enum level, std::string_view level_name, std::string_view msg,
           boost::json::object fields) {
  auto logger = spdlog::default_logger_raw();
  if (!logger->should_log(level)) return;
  auto now = std::chrono::system_clock::now();
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()) % 1000;
  boost::json::object line;
  line["timestamp"] = fmt::format("{:%Y-%m-%dT%H:%M:%S}.{:03d}Z",
                                  std::chrono::floor<std::chrono::seconds>(now), ms.count());
  line["level"] = level_name;
  line["msg"] = msg;
  for (auto& kv : fields) line[kv.key()] = std::move(kv.value());
  logger->log(level, boost::json::serialize(line));
}

}  // namespace

void init(const Options& options) {
  std::vector<spdlog::sink_ptr> sinks;
  auto min_level = spdlog::level::off;
  if (options.console) {
    auto sink = std::make_shared<spdlog::sinks::stdout_sink_mt>();
    sink->set_level(parse_level(options.console_level));
    min_level = std::min(min_level, sink->level());
    sinks.push_back(sink);
  }
  if (options.file && !options.file_path.empty()) {
    std::filesystem::create_directories(std::filesystem::path(options.file_path).parent_path());
    auto sink = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(options.file_path,
                                                                       100 * 1024 * 1024, 3);
    sink->set_level(parse_level(options.file_level));
    min_level = std::min(min_level, sink->level());
    sinks.push_back(sink);
  }
  auto logger = std::make_shared<spdlog::logger>("parley", sinks.begin(), sinks.end());
  logger->set_pattern("%v");
  logger->set_level(min_level);
  logger->flush_on(spdlog::level::warn);
  spdlog::set_default_logger(logger);
  spdlog::flush_every(std::chrono::seconds(2));
}

void debug(std::string_view msg, boost::json::object f) {
  write(spdlog::level::debug, "debug", msg, std::move(f));
}
void info(std::string_view msg, boost::json::object f) {
  write(spdlog::level::info, "info", msg, std::move(f));
}
void warn(std::string_view msg, boost::json::object f) {
  write(spdlog::level::warn, "warn", msg, std::move(f));
}
void error(std::string_view msg, boost::json::object f) {
  write(spdlog::level::err, "error", msg, std::move(f));
}
void flush() {
  spdlog::default_logger_raw()->flush();
}

}  // namespace parley::log
