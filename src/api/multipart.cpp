// A multipart/form-data parser over the whole request body (see multipart.h).
#include "api/multipart.h"

#include <cctype>

namespace parley::api {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Value of `key` in a header's "; key=value" parameters (quoted or not).
std::string parameter(std::string_view header, std::string_view key) {
  std::size_t pos = header.find(';');
  while (pos != std::string_view::npos) {
    auto next = pos + 1;
    auto eq = header.find('=', next);
    if (eq == std::string_view::npos) break;
    auto k = lower(trim(header.substr(next, eq - next)));
    std::size_t v = eq + 1;
    while (v < header.size() && header[v] == ' ') ++v;
    std::string value;
    std::size_t end;
    if (v < header.size() && header[v] == '"') {
      end = v + 1;
      while (end < header.size() && header[end] != '"') {
        if (header[end] == '\\' && end + 1 < header.size()) ++end;
        value += header[end++];
      }
      end = header.find(';', end);
    } else {
      end = header.find(';', v);
      value = std::string(trim(header.substr(v, end == std::string_view::npos ? end : end - v)));
    }
    if (k == key) return value;
    pos = end;
  }
  return "";
}

}  // namespace

std::optional<std::string> multipart_boundary(std::string_view content_type) {
  auto semi = content_type.find(';');
  if (lower(trim(content_type.substr(0, semi))) != "multipart/form-data") return std::nullopt;
  auto b = parameter(content_type, "boundary");
  if (b.empty() || b.size() > 200) return std::nullopt;
  return b;
}

std::optional<std::vector<FormPart>> parse_multipart(std::string_view body,
                                                     std::string_view boundary) {
  std::string delimiter = "--" + std::string(boundary);
  std::vector<FormPart> parts;
  auto pos = body.find(delimiter);
  if (pos == std::string_view::npos) return std::nullopt;
  pos += delimiter.size();
  std::string next_delimiter = "\r\n" + delimiter;
  while (true) {
    if (body.substr(pos).starts_with("--")) return parts;  // closing delimiter
    // Transport padding, then the CRLF that ends the delimiter line.
    while (pos < body.size() && (body[pos] == ' ' || body[pos] == '\t')) ++pos;
    if (!body.substr(pos).starts_with("\r\n")) return std::nullopt;
    pos += 2;
    auto headers_end = body.find("\r\n\r\n", pos);
    // A part without headers starts with the blank line directly.
    std::string_view headers;
    if (body.substr(pos).starts_with("\r\n")) {
      pos += 2;
    } else {
      if (headers_end == std::string_view::npos) return std::nullopt;
      headers = body.substr(pos, headers_end - pos);
      pos = headers_end + 4;
    }
    auto end = body.find(next_delimiter, pos);
    if (end == std::string_view::npos) return std::nullopt;
    FormPart part;
    part.data = body.substr(pos, end - pos);
    std::size_t line_start = 0;
    while (line_start <= headers.size()) {
      auto line_end = headers.find("\r\n", line_start);
      auto line =
          headers.substr(line_start, line_end == std::string_view::npos ? std::string_view::npos
                                                                        : line_end - line_start);
      auto colon = line.find(':');
      if (colon != std::string_view::npos) {
        auto name = lower(trim(line.substr(0, colon)));
        auto value = trim(line.substr(colon + 1));
        if (name == "content-disposition") {
          part.name = parameter(value, "name");
          part.filename = parameter(value, "filename");
        } else if (name == "content-type") {
          part.content_type = std::string(value);
        }
      }
      if (line_end == std::string_view::npos) break;
      line_start = line_end + 2;
    }
    parts.push_back(std::move(part));
    pos = end + next_delimiter.size();
  }
}

}  // namespace parley::api
