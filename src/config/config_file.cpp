// Reading and writing config.json: parsing with a line/column on errors,
// 4-space pretty printing like Mattermost, and atomic saves (temp + rename).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <system_error>

#include <fmt/format.h>

#include "config/config.h"
#include "config/detail.h"

namespace parley::config {

namespace json = boost::json;
namespace fs = std::filesystem;

namespace {

AppError file_error(std::string id, std::string message, std::string detailed = {}) {
  return AppError::make(std::move(id), std::move(message), 500, std::move(detailed), "config.load");
}

void indent_to(std::string& out, int depth) {
  out.append(static_cast<size_t>(depth) * 4, ' ');
}

void write_pretty(std::string& out, const json::value& v, int depth) {
  if (v.is_object()) {
    const auto& obj = v.get_object();
    if (obj.empty()) {
      out += "{}";
      return;
    }
    out += "{\n";
    bool first = true;
    for (const auto& kv : obj) {
      if (!first) out += ",\n";
      first = false;
      indent_to(out, depth + 1);
      out += json::serialize(json::string_view(kv.key()));
      out += ": ";
      write_pretty(out, kv.value(), depth + 1);
    }
    out += "\n";
    indent_to(out, depth);
    out += "}";
  } else if (v.is_array()) {
    const auto& arr = v.get_array();
    if (arr.empty()) {
      out += "[]";
      return;
    }
    out += "[\n";
    for (size_t i = 0; i < arr.size(); ++i) {
      if (i > 0) out += ",\n";
      indent_to(out, depth + 1);
      write_pretty(out, arr[i], depth + 1);
    }
    out += "\n";
    indent_to(out, depth);
    out += "]";
  } else {
    out += json::serialize(v);
  }
}

// 1-based line and column of byte `offset` in `text`.
std::pair<size_t, size_t> line_column(std::string_view text, size_t offset) {
  size_t line = 1, column = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return {line, column};
}

bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

}  // namespace

std::string to_pretty_json(const json::value& value) {
  std::string out;
  write_pretty(out, value, 0);
  return out;
}

Status save(const fs::path& file, const json::object& tree) {
  std::error_code ec;
  if (file.has_parent_path()) {
    fs::create_directories(file.parent_path(), ec);
    if (ec) {
      return file_error("config.file.write.app_error",
                        fmt::format("Unable to create the folder for {}.", file.string()),
                        ec.message());
    }
  }
  std::string text = to_pretty_json(tree) + "\n";
  std::string tmp = file.string() + ".tmp-XXXXXX";
  int fd = ::mkstemp(tmp.data());  // mode 0600
  if (fd < 0) {
    return file_error("config.file.write.app_error",
                      fmt::format("Unable to write the config file {}.", file.string()),
                      std::strerror(errno));
  }
  bool ok = write_all(fd, text) && ::fsync(fd) == 0;
  int saved_errno = errno;
  ok = (::close(fd) == 0) && ok;
  if (ok) {
    fs::rename(tmp, file, ec);
    if (!ec) return {};
    saved_errno = ec.value();
  }
  ::unlink(tmp.c_str());
  return file_error("config.file.write.app_error",
                    fmt::format("Unable to write the config file {}.", file.string()),
                    std::strerror(saved_errno));
}

namespace detail {

Result<json::object> read_file(const fs::path& file) {
  std::error_code dir_ec;
  if (fs::is_directory(file, dir_ec)) {
    return file_error("config.file.read.app_error",
                      fmt::format("Unable to read the config file {}.", file.string()),
                      "it is a directory");
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    return file_error("config.file.read.app_error",
                      fmt::format("Unable to read the config file {}.", file.string()),
                      std::strerror(errno));
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();

  json::stream_parser parser;
  json::error_code ec;
  size_t consumed = parser.write(text.data(), text.size(), ec);
  if (!ec) parser.finish(ec);
  if (ec) {
    auto [line, column] = line_column(text, consumed);
    return file_error("config.file.invalid_json.app_error",
                      fmt::format("The config file {} is not valid JSON: {} at line {}, column {}.",
                                  file.string(), ec.message(), line, column),
                      ec.message());
  }
  json::value root = parser.release();
  if (!root.is_object()) {
    return file_error("config.file.invalid_json.app_error",
                      fmt::format("The config file {} must hold a JSON object.", file.string()));
  }
  return std::move(root.get_object());
}

}  // namespace detail

}  // namespace parley::config
