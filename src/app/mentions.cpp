// Mention keyword building and message scanning (Mattermost's StandardMentionParser).
#include "app/mentions.h"

#include <algorithm>

namespace parley::app {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string prop(const boost::json::object& o, std::string_view key) {
  auto it = o.find(key);
  if (it == o.end() || !it->value().is_string()) return {};
  return std::string(it->value().get_string());
}

bool is_alnum_or_multibyte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

// Characters that can be part of an at-mention or an emoji word; every other one splits.
bool is_word_char(unsigned char c) {
  return c == ':' || c == '.' || c == '-' || c == '_' || c == '@' || is_alnum_or_multibyte(c);
}

bool is_multibyte(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](unsigned char c) { return c >= 0x80; });
}

class Parser {
 public:
  explicit Parser(const MentionKeywords& keywords) : keywords_(keywords) {}

  void process(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
      while (i < text.size() && !is_word_char(static_cast<unsigned char>(text[i]))) ++i;
      std::size_t start = i;
      while (i < text.size() && is_word_char(static_cast<unsigned char>(text[i]))) ++i;
      if (start < i) word(text.substr(start, i - start));
    }
  }

  MentionResults results;

 private:
  void word(std::string_view w) {
    if (w.size() >= 2 && w.front() == ':' && w.back() == ':') return;  // :emoji:
    if (w.size() == 1 && w.front() == ':') return;
    while (!w.empty() &&
           (w.front() == ':' || w.front() == '.' || w.front() == '-' || w.front() == '_'))
      w.remove_prefix(1);
    if (w.empty() || check(w)) return;
    std::string_view trimmed = w;
    while (!trimmed.empty() && std::string_view(".-:_").find(trimmed.back()) != std::string::npos) {
      trimmed.remove_suffix(1);
      if (!trimmed.empty() && check(trimmed)) return;
    }
    bool system = is_system(w);
    if (!system && w.front() == '@') {
      std::string_view name = w;
      if (name.back() == '.' || name.back() == '-' || name.back() == ':') name.remove_suffix(1);
      if (name.size() > 1) results.other_potential.emplace_back(name.substr(1));
    } else if (w.find_first_of(".-:") != std::string_view::npos) {
      std::size_t i = 0;
      while (i < w.size()) {
        while (i < w.size() && std::string_view(".-:").find(w[i]) != std::string::npos) ++i;
        std::size_t start = i;
        while (i < w.size() && std::string_view(".-:").find(w[i]) == std::string::npos) ++i;
        if (start == i) continue;
        auto piece = w.substr(start, i - start);
        if (check(piece)) continue;
        if (!is_system(piece) && piece.front() == '@' && piece.size() > 1)
          results.other_potential.emplace_back(piece.substr(1));
      }
    }
    if (is_multibyte(w)) {
      for (const auto& [key, ids] : keywords_)
        if (is_multibyte(key) && w.find(key) != std::string_view::npos)
          add(ids, MentionType::keyword);
    }
  }

  static bool is_system(std::string_view w) {
    return w == "@here" || w == "@channel" || w == "@all";
  }

  bool check(std::string_view w) {
    std::string low = lower(w);
    MentionType type = MentionType::keyword;
    if (low == "@here") {
      results.here = true;
      type = MentionType::channel;
    } else if (low == "@channel") {
      results.channel = true;
      type = MentionType::channel;
    } else if (low == "@all") {
      results.all = true;
      type = MentionType::channel;
    }
    if (auto it = keywords_.find(low); it != keywords_.end()) {
      add(it->second, type);
      return true;
    }
    if (auto it = keywords_.find(std::string(w)); it != keywords_.end()) {
      add(it->second, type);
      return true;
    }
    return false;
  }

  void add(const std::vector<std::string>& ids, MentionType type) {
    for (const auto& id : ids) results.add(id, type);
  }

  const MentionKeywords& keywords_;
};

}  // namespace

void MentionResults::add(const std::string& user_id, MentionType type) {
  auto [it, inserted] = mentions.emplace(user_id, type);
  if (!inserted && it->second < type) it->second = type;
}

void add_mention_keywords(MentionKeywords& keywords, const MentionCandidate& user,
                          bool allow_channel_mentions) {
  std::string id(user.id);
  keywords["@" + lower(user.username)].push_back(id);
  std::string keys = prop(user.notify_props, "mention_keys");
  std::size_t pos = 0;
  while (pos <= keys.size()) {
    auto comma = keys.find(',', pos);
    std::string key =
        keys.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
    auto b = key.find_first_not_of(' ');
    auto e = key.find_last_not_of(' ');
    key = b == std::string::npos ? std::string() : key.substr(b, e - b + 1);
    if (!key.empty()) keywords[lower(key)].push_back(id);
    if (comma == std::string::npos) break;
    pos = comma + 1;
  }
  if (prop(user.notify_props, "first_name") == "true" && !user.first_name.empty())
    keywords[std::string(user.first_name)].push_back(id);
  if (!allow_channel_mentions) return;
  std::string ignore = prop(user.channel_notify_props, "ignore_channel_mentions");
  bool ignored = ignore == "on" || (prop(user.channel_notify_props, "mark_unread") == "mention" &&
                                    (ignore == "default" || ignore.empty()));
  if (prop(user.notify_props, "channel") != "true" || ignored) return;
  keywords["@channel"].push_back(id);
  keywords["@all"].push_back(id);
  if (user.online) keywords["@here"].push_back(std::move(id));
}

std::string strip_code(std::string_view message) {
  std::string out;
  out.reserve(message.size());
  std::string fence;  // open fence marker, "" outside a fenced block
  std::size_t pos = 0;
  while (pos < message.size()) {
    auto nl = message.find('\n', pos);
    std::string_view line =
        message.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? message.size() : nl + 1;
    auto indent = line.find_first_not_of(' ');
    std::string_view body =
        indent == std::string_view::npos || indent > 3 ? std::string_view{} : line.substr(indent);
    if (fence.empty() && (body.starts_with("```") || body.starts_with("~~~"))) {
      std::size_t n = 0;
      while (n < body.size() && body[n] == body[0]) ++n;
      fence = std::string(n, body[0]);
      out += '\n';
      continue;
    }
    if (!fence.empty()) {
      if (body.starts_with(fence) && body.find_first_not_of(fence[0]) == std::string_view::npos)
        fence.clear();
      out += '\n';
      continue;
    }
    // Inline code spans: a run of N backticks up to the next run of exactly N.
    std::size_t i = 0;
    while (i < line.size()) {
      if (line[i] != '`') {
        out += line[i++];
        continue;
      }
      std::size_t n = 0;
      while (i + n < line.size() && line[i + n] == '`') ++n;
      std::size_t j = i + n;
      std::size_t close = std::string_view::npos;
      while (j < line.size()) {
        if (line[j] != '`') {
          ++j;
          continue;
        }
        std::size_t m = 0;
        while (j + m < line.size() && line[j + m] == '`') ++m;
        if (m == n) {
          close = j;
          break;
        }
        j += m;
      }
      if (close == std::string_view::npos) {
        out.append(line.substr(i, n));
        i += n;
      } else {
        out += ' ';
        i = close + n;
      }
    }
    out += '\n';
  }
  return out;
}

MentionResults parse_mentions(std::string_view message, const MentionKeywords& keywords) {
  Parser p(keywords);
  p.process(strip_code(message));
  return std::move(p.results);
}

std::string find_channel_mention(std::string_view message) {
  // (?i)\B@(channel|all|here)\b: the @ must not follow a word character, the name must end a word.
  auto word = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  };
  for (std::size_t i = 0; i < message.size(); ++i) {
    if (message[i] != '@' || (i > 0 && word(message[i - 1]))) continue;
    for (std::string_view name : {"channel", "all", "here"}) {
      if (i + 1 + name.size() > message.size()) continue;
      if (lower(message.substr(i + 1, name.size())) != name) continue;
      std::size_t end = i + 1 + name.size();
      if (end < message.size() && word(message[end])) continue;
      return "@" + std::string(name);
    }
  }
  return {};
}

}  // namespace parley::app
