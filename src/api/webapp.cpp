// Static file and SPA fallback serving for the web client folder.
#include "api/webapp.h"

#include <filesystem>

namespace parley::api {
namespace {

Response not_found() {
  Response r;
  r.status = 404;
  r.content_type = "text/plain; charset=utf-8";
  r.body = "404 page not found\n";
  return r;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool safe_relative(std::string_view rel) {
  std::filesystem::path p(rel);
  for (const auto& part : p)
    if (part == ".." || part == ".") return false;
  return !p.is_absolute();
}

}  // namespace

std::string content_type_for(std::string_view name) {
  auto dot = name.rfind('.');
  std::string_view ext = dot == std::string_view::npos ? "" : name.substr(dot + 1);
  if (ext == "html") return "text/html; charset=utf-8";
  if (ext == "js" || ext == "mjs") return "application/javascript";
  if (ext == "css") return "text/css; charset=utf-8";
  if (ext == "json" || ext == "map") return "application/json";
  if (ext == "png") return "image/png";
  if (ext == "jpg" || ext == "jpeg") return "image/jpeg";
  if (ext == "gif") return "image/gif";
  if (ext == "svg") return "image/svg+xml";
  if (ext == "ico") return "image/x-icon";
  if (ext == "woff") return "font/woff";
  if (ext == "woff2") return "font/woff2";
  if (ext == "ttf") return "font/ttf";
  if (ext == "eot") return "application/vnd.ms-fontobject";
  if (ext == "webp") return "image/webp";
  if (ext == "mp3") return "audio/mpeg";
  if (ext == "wasm") return "application/wasm";
  if (ext == "txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

bool accepts_gzip(std::string_view accept_encoding) {
  while (!accept_encoding.empty()) {
    auto comma = accept_encoding.find(',');
    auto item = accept_encoding.substr(0, comma);
    accept_encoding = comma == std::string_view::npos ? "" : accept_encoding.substr(comma + 1);
    auto semi = item.find(';');
    auto coding = trim(item.substr(0, semi));
    if (coding != "gzip" && coding != "*") continue;
    if (semi == std::string_view::npos) return true;
    auto param = trim(item.substr(semi + 1));
    // q=0, q=0.0, q=0.00 ... refuse; any other weight accepts.
    if (!param.starts_with("q=")) return true;
    return param.substr(2).find_first_not_of("0.") != std::string_view::npos;
  }
  return false;
}

std::filesystem::path web_client_folder(const config::ParleySettings& settings) {
  std::filesystem::path official = settings.client_directory;
  std::error_code ec;
  if (std::filesystem::is_regular_file(official / "root.html", ec)) return official;
  return settings.web_client_directory;
}

Response serve_webapp(app::App& app, const Request& req) {
  if (req.method != "GET" && req.method != "HEAD") return not_found();
  auto dir = web_client_folder(app.config()->parley);
  if (req.path.starts_with("/static/")) {
    std::string_view rel = std::string_view(req.path).substr(8);
    if (!safe_relative(rel)) return not_found();
    auto file = dir / std::filesystem::path(rel);
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) return not_found();
    Response r;
    r.content_type = content_type_for(file.filename().string());
    r.set_header("Cache-Control", "max-age=31556926, public");
    r.file = file;
    // A build may ship precompressed siblings (name.gz): sent to clients that accept gzip.
    auto gz = file;
    gz += ".gz";
    if (std::filesystem::is_regular_file(gz, ec)) {
      r.set_header("Vary", "Accept-Encoding");
      if (accepts_gzip(req.header("accept-encoding"))) {
        r.set_header("Content-Encoding", "gzip");
        r.file = gz;
      }
    }
    return r;
  }
  auto root = dir / "root.html";
  std::error_code ec;
  if (!std::filesystem::is_regular_file(root, ec)) return not_found();
  Response r;
  r.content_type = "text/html; charset=utf-8";
  r.set_header("Cache-Control", "no-cache, max-age=31556926, public");
  r.file = root;
  return r;
}

}  // namespace parley::api
