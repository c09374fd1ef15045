// multipart/form-data parser: delimiters "--boundary", CRLF-separated part headers,
// Content-Disposition name / filename (quoted strings and RFC 5987 filename*).
#include "api/multipart.h"

#include <algorithm>
#include <cctype>

#include "api/request.h"

namespace parley::api {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Parameters of a header value "type; a=b; c="d"" (names lower-cased, quotes removed).
std::vector<std::pair<std::string, std::string>> header_params(std::string_view v,
                                                               std::string* type) {
  std::vector<std::pair<std::string, std::string>> out;
  size_t i = v.find(';');
  *type = lower(trim(v.substr(0, i)));
  while (i != std::string_view::npos && i < v.size()) {
    ++i;
    while (i < v.size() && (v[i] == ' ' || v[i] == '\t')) ++i;
    size_t eq = v.find('=', i);
    if (eq == std::string_view::npos) break;
    std::string name = lower(trim(v.substr(i, eq - i)));
    i = eq + 1;
    std::string value;
    if (i < v.size() && v[i] == '"') {
      ++i;
      while (i < v.size() && v[i] != '"') {
        if (v[i] == '\\' && i + 1 < v.size()) ++i;
        value += v[i++];
      }
      if (i < v.size()) ++i;  // closing quote
      i = v.find(';', i);
    } else {
      size_t end = v.find(';', i);
      value = std::string(trim(v.substr(i, end == std::string_view::npos ? end : end - i)));
      i = end;
    }
    out.emplace_back(std::move(name), std::move(value));
  }
  return out;
}

}  // namespace

MultipartContentType parse_multipart_content_type(std::string_view content_type) {
  MultipartContentType out;
  std::string type;
  auto params = header_params(content_type, &type);
  if (type != "multipart/form-data") return out;
  out.type = MultipartType::missing_boundary;
  for (auto& [k, v] : params)
    if (k == "boundary" && !v.empty()) {
      out.type = MultipartType::ok;
      out.boundary = v;
    }
  return out;
}

std::optional<std::vector<MultipartPart>> parse_multipart(std::string_view body,
                                                          std::string_view boundary) {
  std::string delim = "--" + std::string(boundary);
  std::vector<MultipartPart> parts;
  size_t pos = body.find(delim);
  if (pos == std::string_view::npos || (pos != 0 && body.substr(pos - 2, 2) != "\r\n"))
    return std::nullopt;
  pos += delim.size();
  std::string next_delim = "\r\n" + delim;
  for (;;) {
    if (body.substr(pos, 2) == "--") return parts;  // closing delimiter
    // Transport padding, then the line break that ends the delimiter line.
    while (pos < body.size() && (body[pos] == ' ' || body[pos] == '\t')) ++pos;
    if (body.substr(pos, 2) != "\r\n") return std::nullopt;
    pos += 2;
    size_t headers_end = body.find("\r\n\r\n", pos);
    size_t data_start;
    std::string_view headers;
    if (body.substr(pos, 2) == "\r\n") {  // no headers at all
      headers = {};
      data_start = pos + 2;
    } else {
      if (headers_end == std::string_view::npos) return std::nullopt;
      headers = body.substr(pos, headers_end - pos);
      data_start = headers_end + 4;
    }
    size_t data_end = body.find(next_delim, data_start);
    if (data_end == std::string_view::npos) return std::nullopt;
    MultipartPart part;
    part.data = body.substr(data_start, data_end - data_start);
    size_t line_start = 0;
    while (line_start <= headers.size() && !headers.empty()) {
      size_t line_end = headers.find("\r\n", line_start);
      std::string_view line = headers.substr(
          line_start, line_end == std::string_view::npos ? line_end : line_end - line_start);
      size_t colon = line.find(':');
      if (colon != std::string_view::npos) {
        std::string name = lower(trim(line.substr(0, colon)));
        std::string_view value = trim(line.substr(colon + 1));
        if (name == "content-disposition") {
          std::string type;
          std::optional<std::string> extended;
          for (auto& [k, v] : header_params(value, &type)) {
            if (k == "name")
              part.name = v;
            else if (k == "filename")
              part.filename = v;
            else if (k == "filename*") {
              // RFC 5987: charset'language'percent-encoded
              auto q = v.find('\'');
              auto q2 = q == std::string::npos ? q : v.find('\'', q + 1);
              if (q2 != std::string::npos && lower(v.substr(0, q)) == "utf-8")
                extended = percent_decode(v.substr(q2 + 1), false);
            }
          }
          if (extended) part.filename = std::move(extended);
        } else if (name == "content-type") {
          part.content_type = std::string(value);
        }
      }
      if (line_end == std::string_view::npos) break;
      line_start = line_end + 2;
    }
    parts.push_back(std::move(part));
    pos = data_end + next_delim.size();
  }
}

}  // namespace parley::api
