// Header, cookie and query accessors for api::Request.
#include "api/request.h"

namespace parley::api {

std::string_view Request::header(std::string_view name) const {
  for (const auto& [k, v] : headers)
    if (k == name) return v;
  return {};
}

std::string_view Request::cookie(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (k != "cookie") continue;
    std::string_view rest = v;
    while (!rest.empty()) {
      auto semi = rest.find(';');
      std::string_view part = rest.substr(0, semi);
      rest = semi == std::string_view::npos ? std::string_view{} : rest.substr(semi + 1);
      // Go's cookie reader trims spaces and tabs around each "name=value".
      while (!part.empty() && (part.front() == ' ' || part.front() == '\t')) part.remove_prefix(1);
      while (!part.empty() && (part.back() == ' ' || part.back() == '\t')) part.remove_suffix(1);
      auto eq = part.find('=');
      if (eq == std::string_view::npos) continue;
      if (part.substr(0, eq) == name) {
        auto value = part.substr(eq + 1);
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
          value = value.substr(1, value.size() - 2);
        return value;
      }
    }
  }
  return {};
}

std::string_view Request::query_param(std::string_view name) const {
  auto it = query.find(std::string(name));
  return it == query.end() ? std::string_view{} : std::string_view(it->second);
}

std::string percent_decode(std::string_view s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2])));
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::unordered_map<std::string, std::string> parse_query(std::string_view q) {
  std::unordered_map<std::string, std::string> out;
  while (!q.empty()) {
    auto amp = q.find('&');
    auto part = q.substr(0, amp);
    q = amp == std::string_view::npos ? std::string_view{} : q.substr(amp + 1);
    if (part.empty()) continue;
    auto eq = part.find('=');
    if (eq == std::string_view::npos)
      out[percent_decode(part, true)] = "";
    else
      out[percent_decode(part.substr(0, eq), true)] = percent_decode(part.substr(eq + 1), true);
  }
  return out;
}

}  // namespace parley::api
