// multipart/form-data (RFC 7578) parsing of an in-memory request body, for file uploads.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parley::api {

struct MultipartPart {
  std::string name;                     // form field name ("" when the part has none)
  std::optional<std::string> filename;  // present for file parts
  std::string content_type;
  std::string_view data;  // points into the parsed body
};

enum class MultipartType { not_multipart, missing_boundary, ok };
struct MultipartContentType {
  MultipartType type = MultipartType::not_multipart;
  std::string boundary;
};
// Reads a Content-Type header: multipart/form-data with its boundary parameter.
MultipartContentType parse_multipart_content_type(std::string_view content_type);

// The parts of `body`; nullopt when the body is not well-formed (no opening or closing
// delimiter, a part without a blank line after its headers).
std::optional<std::vector<MultipartPart>> parse_multipart(std::string_view body,
                                                          std::string_view boundary);

}  // namespace parley::api
