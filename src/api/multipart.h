// multipart/form-data request bodies (RFC 7578): the parts of a form, each with its field name,
// optional file name and content type, and its bytes.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parley::api {

struct FormPart {
  std::string name;
  std::string filename;  // "" for plain fields
  std::string content_type;
  std::string_view data;  // points into the request body
};

// The boundary parameter of a multipart/form-data Content-Type; nullopt for other types.
std::optional<std::string> multipart_boundary(std::string_view content_type);

// The parts of `body`; nullopt when the body is not well-formed multipart with that boundary.
std::optional<std::vector<FormPart>> parse_multipart(std::string_view body,
                                                     std::string_view boundary);

}  // namespace parley::api
