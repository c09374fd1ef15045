// FileInfo: the metadata of an uploaded file (Mattermost's model.FileInfo) and its JSON.
// Path, ThumbnailPath, PreviewPath and Content are never sent to clients.
#pragma once

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace parley::model {

struct FileInfo {
  std::string id;
  std::string creator_id;  // "user_id" in JSON
  std::string post_id;     // "" until attached to a post
  std::string channel_id;
  int64_t create_at = 0;
  int64_t update_at = 0;
  int64_t delete_at = 0;
  std::string path;            // in the file backend
  std::string thumbnail_path;  // "" when the file is not an image Parley could decode
  std::string preview_path;
  std::string name;
  std::string extension;  // lower case, without the dot
  int64_t size = 0;
  std::string mime_type;
  int64_t width = 0;  // after EXIF orientation
  int64_t height = 0;
  bool has_preview_image = false;
  std::optional<std::string> mini_preview;  // raw JPEG bytes (16x16), base64 in JSON
  std::string content;                      // extracted text (for file search)
  std::string remote_id;
  bool archived = false;

  bool is_image() const { return mime_type.starts_with("image"); }
  bool is_svg() const { return mime_type == "image/svg+xml"; }
};

boost::json::object to_json(const FileInfo& f);

// Mattermost's NewInfo: name, lower-case extension without the dot, and the MIME type for it
// ("" when unknown).
FileInfo new_file_info(std::string_view name);
// The MIME type for a lower-case extension without the dot; "" when unknown.
std::string mime_type_for_extension(std::string_view ext);

}  // namespace parley::model
