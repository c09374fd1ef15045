// A single pass over a message that skips code spans and fenced blocks and reports autolinks and
// image destinations (see link_text.h).
#include "app/link_text.h"

#include <boost/url/parse.hpp>

#include <cctype>
#include <functional>

namespace parley::app {
namespace {

bool space(char c) {
  return std::isspace(static_cast<unsigned char>(c)) != 0;
}

bool starts_with_ci(std::string_view s, std::size_t at, std::string_view prefix) {
  if (s.size() - at < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[at + i])) != prefix[i]) return false;
  return true;
}

// Trailing characters that end a sentence rather than a URL (GFM extended autolinks).
std::string_view trim_url(std::string_view url) {
  while (!url.empty()) {
    char c = url.back();
    if (c == '?' || c == '!' || c == '.' || c == ',' || c == ':' || c == '*' || c == '_' ||
        c == '~' || c == '\'' || c == '"') {
      url.remove_suffix(1);
    } else if (c == ')') {
      std::size_t open = 0, close = 0;
      for (char u : url) open += u == '(', close += u == ')';
      if (close <= open) break;
      url.remove_suffix(1);
    } else {
      break;
    }
  }
  return url;
}

// Calls `text` for each stretch of the message outside code blocks and code spans.
void for_each_prose(std::string_view m, const std::function<void(std::string_view)>& text) {
  std::size_t i = 0, start = 0;
  bool line_start = true;
  while (i < m.size()) {
    if (line_start) {
      std::size_t j = i;
      while (j < m.size() && j - i < 4 && m[j] == ' ') ++j;
      if (m.substr(j).starts_with("```") || m.substr(j).starts_with("~~~")) {
        text(m.substr(start, i - start));
        auto fence = m.substr(j, 3);
        auto close = m.find(fence, j + 3);
        // The closing fence ends its line.
        std::size_t end = close == std::string_view::npos ? m.size() : m.find('\n', close);
        i = start = end == std::string_view::npos ? m.size() : end;
        continue;
      }
    }
    if (m[i] == '`') {
      std::size_t run = 0;
      while (i + run < m.size() && m[i + run] == '`') ++run;
      auto close = m.find(std::string(run, '`'), i + run);
      if (close != std::string_view::npos) {
        text(m.substr(start, i - start));
        i = start = close + run;
        line_start = false;
        continue;
      }
      i += run;
      continue;
    }
    line_start = m[i] == '\n';
    ++i;
  }
  text(m.substr(start));
}

// Whether `m` holds "www." or "http" in any case: every autolink starts with one of them, so a
// message without either (most of them) needs no prose scan.
bool may_hold_link(std::string_view m) {
  for (std::size_t i = 0; i < m.size(); ++i) {
    char c = m[i];
    if ((c == 'w' || c == 'W') && starts_with_ci(m, i, "www.")) return true;
    if ((c == 'h' || c == 'H') && starts_with_ci(m, i, "http")) return true;
  }
  return false;
}

}  // namespace

std::vector<std::string> autolinks(std::string_view message) {
  std::vector<std::string> out;
  if (!may_hold_link(message)) return out;
  for_each_prose(message, [&](std::string_view t) {
    std::size_t i = 0;
    while (i < t.size()) {
      bool www = starts_with_ci(t, i, "www.");
      bool scheme = starts_with_ci(t, i, "http://") || starts_with_ci(t, i, "https://");
      bool boundary = i == 0 || space(t[i - 1]) || t[i - 1] == '(' || t[i - 1] == '<' ||
                      t[i - 1] == '*' || t[i - 1] == '_' || t[i - 1] == '~';
      bool destination = i >= 2 && t[i - 1] == '(' && t[i - 2] == ']';
      if (!(www || scheme) || !boundary || destination) {
        ++i;
        continue;
      }
      std::size_t end = i;
      while (end < t.size() && !space(t[end]) && t[end] != '<' && t[end] != '>') ++end;
      auto url = trim_url(t.substr(i, end - i));
      std::size_t host_start = www ? 0 : url.find("://") + 3;
      if (url.size() > host_start && url[host_start] != '/')
        out.push_back(www ? "http://" + std::string(url) : std::string(url));
      i = end;
    }
  });
  return out;
}

std::vector<std::string> markdown_images(std::string_view message) {
  std::vector<std::string> out;
  if (message.find("![") == std::string_view::npos) return out;
  for_each_prose(message, [&](std::string_view t) {
    std::size_t i = 0;
    while ((i = t.find("![", i)) != std::string_view::npos) {
      auto close = t.find("](", i + 2);
      if (close == std::string_view::npos) break;
      std::size_t start = close + 2;
      while (start < t.size() && t[start] == ' ') ++start;
      bool angle = start < t.size() && t[start] == '<';
      if (angle) ++start;
      std::size_t end = start;
      while (end < t.size() && !space(t[end]) && t[end] != ')' && !(angle && t[end] == '>')) ++end;
      if (end > start) out.emplace_back(t.substr(start, end - start));
      i = end;
    }
  });
  return out;
}

bool link_allowed_for_preview(std::string_view url, std::string_view restricted_domains) {
  std::vector<std::string> domains;
  std::string current;
  for (char c : restricted_domains) {
    if (space(c) || c == ',' || c == '@') {
      if (!current.empty()) domains.push_back(std::move(current));
      current.clear();
    } else {
      current += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  if (!current.empty()) domains.push_back(std::move(current));
  if (domains.empty()) return true;
  auto parsed = boost::urls::parse_uri_reference(url);
  if (!parsed) return false;
  std::string host = parsed->host_address();
  for (auto& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const auto& d : domains)
    if (host.find(d) != std::string::npos) return false;
  return true;
}

}  // namespace parley::app
