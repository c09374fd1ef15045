// Post, PostList and Reaction JSON encoding, hashtag extraction and rune counting.
#include "model/post.h"

#include <boost/json/array.hpp>

#include <algorithm>
#include <tuple>

namespace parley::model {
namespace {

namespace bj = boost::json;

// Decodes UTF-8 leniently: invalid bytes become one code point each.
std::vector<char32_t> code_points(std::string_view s) {
  std::vector<char32_t> out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    int len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
    if (i + len > s.size()) len = 1;
    char32_t cp = len == 1 ? c : c & (0x7F >> len);
    for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += len;
  }
  return out;
}

// Letters: ASCII letters and, as an approximation of \pL, every non-ASCII code point.
bool is_letter(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}
bool is_digit(char32_t c) {
  return c >= '0' && c <= '9';
}
bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

bool valid_hashtag(const std::u32string& w) {
  if (w.size() < 3 || w[0] != '#' || !is_letter(w[1])) return false;
  char32_t last = w.back();
  if (!is_letter(last) && !is_digit(last)) return false;
  for (std::size_t i = 2; i + 1 < w.size(); ++i) {
    char32_t c = w[i];
    if (!is_letter(c) && !is_digit(c) && c != '-' && c != '_' && c != '.') return false;
  }
  return true;
}

std::string encode(const std::u32string& w) {
  std::string out;
  for (char32_t c : w) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

}  // namespace

std::string parse_hashtags(std::string_view message) {
  auto cps = code_points(message);
  std::string tags;
  std::size_t i = 0;
  while (i < cps.size()) {
    while (i < cps.size() && is_space(cps[i])) ++i;
    std::size_t start = i;
    while (i < cps.size() && !is_space(cps[i])) ++i;
    if (start == i) break;
    std::u32string w(cps.begin() + static_cast<std::ptrdiff_t>(start),
                     cps.begin() + static_cast<std::ptrdiff_t>(i));
    std::size_t b = 0;
    while (b < w.size() && !is_letter(w[b]) && !is_digit(w[b]) && w[b] != '#') ++b;
    w.erase(0, b);
    while (!w.empty() && !is_letter(w.back()) && !is_digit(w.back())) w.pop_back();
    std::size_t hashes = 0;
    while (hashes < w.size() && w[hashes] == '#') ++hashes;
    if (hashes >= 2) w.erase(0, hashes - 1);
    if (valid_hashtag(w)) tags += " " + encode(w);
  }
  if (tags.size() > 1000) {
    tags.resize(999);
    auto space = tags.rfind(' ');
    tags = space == std::string::npos ? std::string() : tags.substr(0, space);
  }
  auto first = tags.find_first_not_of(' ');
  return first == std::string::npos ? std::string() : tags.substr(first);
}

void sort_reactions(std::vector<Reaction>& reactions) {
  std::stable_sort(reactions.begin(), reactions.end(), [](const Reaction& a, const Reaction& b) {
    return std::tie(a.create_at, a.user_id, a.emoji_name) <
           std::tie(b.create_at, b.user_id, b.emoji_name);
  });
}

void PostList::sort_by_create_at() {
  std::stable_sort(order.begin(), order.end(), [&](const std::string& a, const std::string& b) {
    return posts.at(a).create_at > posts.at(b).create_at;
  });
}

bj::object to_json(const Reaction& r) {
  return {{"user_id", r.user_id},     {"post_id", r.post_id},      {"emoji_name", r.emoji_name},
          {"create_at", r.create_at}, {"update_at", r.update_at},  {"delete_at", r.delete_at},
          {"remote_id", ""},          {"channel_id", r.channel_id}};
}

bj::object to_json(const PostPriority& p) {
  bj::object o{{"priority", p.priority}};
  o["requested_ack"] = p.requested_ack ? bj::value(*p.requested_ack) : bj::value(nullptr);
  o["persistent_notifications"] =
      p.persistent_notifications ? bj::value(*p.persistent_notifications) : bj::value(nullptr);
  return o;
}

bj::object to_json(const Post& p) {
  bj::array files;
  for (const auto& f : p.file_ids) files.emplace_back(f);
  bj::object o{{"id", p.id},
               {"create_at", p.create_at},
               {"update_at", p.update_at},
               {"edit_at", p.edit_at},
               {"delete_at", p.delete_at},
               {"is_pinned", p.is_pinned},
               {"user_id", p.user_id},
               {"channel_id", p.channel_id},
               {"root_id", p.root_id},
               {"original_id", p.original_id},
               {"message", p.message},
               {"type", p.type},
               {"props", p.props},
               {"hashtags", p.hashtags},
               {"file_ids", std::move(files)},
               {"pending_post_id", p.pending_post_id}};
  if (p.has_reactions) o["has_reactions"] = true;
  o["reply_count"] = p.reply_count;
  o["last_reply_at"] = p.last_reply_at;
  if (p.participants) {
    bj::array a;
    for (const auto& u : *p.participants) a.emplace_back(u);
    o["participants"] = std::move(a);
  } else {
    o["participants"] = nullptr;
  }
  if (p.is_following) o["is_following"] = *p.is_following;
  bj::object metadata;
  if (!p.reactions.empty()) {
    bj::array a;
    for (const auto& r : p.reactions) a.emplace_back(to_json(r));
    metadata["reactions"] = std::move(a);
  }
  if (!p.files.empty()) {
    bj::array a;
    for (const auto& f : p.files) a.emplace_back(to_json(f));
    metadata["files"] = std::move(a);
  }
  if (p.priority) metadata["priority"] = to_json(*p.priority);
  if (!p.embeds.empty()) {
    bj::array a;
    for (const auto& e : p.embeds) {
      bj::object embed{{"type", e.type}};
      if (!e.url.empty()) embed["url"] = e.url;
      if (!e.data.is_null()) embed["data"] = e.data;
      a.emplace_back(std::move(embed));
    }
    metadata["embeds"] = std::move(a);
  }
  if (!p.images.empty()) metadata["images"] = p.images;
  if (!p.emojis.empty()) {
    bj::array a;
    for (const auto& e : p.emojis) a.emplace_back(to_json(e));
    metadata["emojis"] = std::move(a);
  }
  o["metadata"] = std::move(metadata);
  return o;
}

bj::object to_json(const PostList& l) {
  bj::array order;
  for (const auto& id : l.order) order.emplace_back(id);
  bj::object posts;
  for (const auto& [id, p] : l.posts) posts[id] = to_json(p);
  bj::object o{{"order", std::move(order)},
               {"posts", std::move(posts)},
               {"next_post_id", l.next_post_id},
               {"prev_post_id", l.prev_post_id}};
  if (l.has_next) o["has_next"] = *l.has_next;
  o["first_inaccessible_post_time"] = l.first_inaccessible_post_time;
  return o;
}

bool Post::is_join_leave() const {
  static constexpr std::string_view kTypes[] = {
      "system_join_leave",      "system_add_remove",          "system_join_channel",
      "system_leave_channel",   "system_join_team",           "system_leave_team",
      "system_add_to_channel",  "system_remove_from_channel", "system_add_to_team",
      "system_remove_from_team"};
  return std::find(std::begin(kTypes), std::end(kTypes), type) != std::end(kTypes);
}

}  // namespace parley::model
