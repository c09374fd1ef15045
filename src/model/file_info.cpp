// FileInfo JSON (field names and omissions as Mattermost's model.FileInfo) and the MIME type
// table used for uploads (Go's built-in table plus the common types of Debian's mime.types).
#include "model/file_info.h"

#include <algorithm>
#include <array>
#include <utility>

#include "util/base64.h"

namespace parley::model {

namespace bj = boost::json;

bj::object to_json(const FileInfo& f) {
  bj::object o{{"id", f.id},
               {"user_id", f.creator_id},
               {"channel_id", f.channel_id},
               {"create_at", f.create_at},
               {"update_at", f.update_at},
               {"delete_at", f.delete_at},
               {"name", f.name},
               {"extension", f.extension},
               {"size", f.size},
               {"mime_type", f.mime_type}};
  if (!f.post_id.empty()) o["post_id"] = f.post_id;
  if (f.width != 0) o["width"] = f.width;
  if (f.height != 0) o["height"] = f.height;
  if (f.has_preview_image) o["has_preview_image"] = true;
  o["mini_preview"] = f.mini_preview ? bj::value(base64_encode(*f.mini_preview)) : nullptr;
  o["remote_id"] = f.remote_id;
  o["archived"] = f.archived;
  return o;
}

std::string mime_type_for_extension(std::string_view ext) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 52> kTypes{{
      {"7z", "application/x-7z-compressed"},
      {"aac", "audio/aac"},
      {"avi", "video/x-msvideo"},
      {"avif", "image/avif"},
      {"bmp", "image/bmp"},
      {"css", "text/css; charset=utf-8"},
      {"csv", "text/csv; charset=utf-8"},
      {"doc", "application/msword"},
      {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
      {"flac", "audio/flac"},
      {"gif", "image/gif"},
      {"gz", "application/gzip"},
      {"heic", "image/heic"},
      {"htm", "text/html; charset=utf-8"},
      {"html", "text/html; charset=utf-8"},
      {"ico", "image/vnd.microsoft.icon"},
      {"jpe", "image/jpeg"},
      {"jpeg", "image/jpeg"},
      {"jpg", "image/jpeg"},
      {"js", "text/javascript; charset=utf-8"},
      {"json", "application/json"},
      {"m4a", "audio/mp4"},
      {"md", "text/markdown; charset=utf-8"},
      {"mjs", "text/javascript; charset=utf-8"},
      {"mkv", "video/x-matroska"},
      {"mov", "video/quicktime"},
      {"mp3", "audio/mpeg"},
      {"mp4", "video/mp4"},
      {"mpeg", "video/mpeg"},
      {"odp", "application/vnd.oasis.opendocument.presentation"},
      {"ods", "application/vnd.oasis.opendocument.spreadsheet"},
      {"odt", "application/vnd.oasis.opendocument.text"},
      {"oga", "audio/ogg"},
      {"ogg", "audio/ogg"},
      {"pdf", "application/pdf"},
      {"png", "image/png"},
      {"ppt", "application/vnd.ms-powerpoint"},
      {"pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"},
      {"rtf", "application/rtf"},
      {"svg", "image/svg+xml"},
      {"tar", "application/x-tar"},
      {"tif", "image/tiff"},
      {"tiff", "image/tiff"},
      {"txt", "text/plain; charset=utf-8"},
      {"wasm", "application/wasm"},
      {"wav", "audio/x-wav"},
      {"webm", "video/webm"},
      {"webp", "image/webp"},
      {"xls", "application/vnd.ms-excel"},
      {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
      {"xml", "text/xml; charset=utf-8"},
      {"zip", "application/zip"},
  }};
  auto it = std::lower_bound(kTypes.begin(), kTypes.end(), ext,
                             [](const auto& e, std::string_view k) { return e.first < k; });
  return it != kTypes.end() && it->first == ext ? std::string(it->second) : std::string();
}

FileInfo new_file_info(std::string_view name) {
  FileInfo f;
  f.name = std::string(name);
  auto dot = name.rfind('.');
  if (dot != std::string_view::npos) {
    std::string ext(name.substr(dot + 1));
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    f.extension = ext;
    f.mime_type = mime_type_for_extension(ext);
  }
  return f;
}

}  // namespace parley::model
