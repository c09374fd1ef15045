// A small HTML head tokenizer that collects OpenGraph data (see opengraph.h). It walks the
// document once, tag by tag, without regular expressions, and never reads past </head>.
#include "links/opengraph.h"

#include <boost/json/array.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>
#include <utility>

namespace parley::links {
namespace {

namespace bj = boost::json;

char lower_char(char c) {
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = lower_char(c);
  return out;
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// Case-insensitive search for `needle` (lowercase) from `from`.
std::size_t find_ci(std::string_view hay, std::string_view needle, std::size_t from) {
  if (needle.empty() || hay.size() < needle.size()) return std::string_view::npos;
  for (std::size_t i = from; i + needle.size() <= hay.size(); ++i) {
    std::size_t k = 0;
    while (k < needle.size() && lower_char(hay[i + k]) == needle[k]) ++k;
    if (k == needle.size()) return i;
  }
  return std::string_view::npos;
}

void append_utf8(std::string& out, uint32_t cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

struct NamedEntity {
  std::string_view name;
  uint32_t code_point;
};

constexpr NamedEntity kEntities[] = {
    {"amp", '&'},      {"lt", '<'},       {"gt", '>'},       {"quot", '"'},     {"apos", '\''},
    {"nbsp", 0xA0},    {"copy", 0xA9},    {"reg", 0xAE},     {"trade", 0x2122}, {"hellip", 0x2026},
    {"mdash", 0x2014}, {"ndash", 0x2013}, {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"ldquo", 0x201C},
    {"rdquo", 0x201D}, {"laquo", 0xAB},   {"raquo", 0xBB},   {"middot", 0xB7},  {"bull", 0x2022},
    {"euro", 0x20AC},  {"pound", 0xA3},   {"yen", 0xA5},     {"cent", 0xA2},    {"deg", 0xB0},
    {"times", 0xD7},   {"eacute", 0xE9},  {"egrave", 0xE8},  {"aacute", 0xE1},  {"agrave", 0xE0},
    {"ouml", 0xF6},    {"uuml", 0xFC},    {"auml", 0xE4},    {"szlig", 0xDF},   {"ccedil", 0xE7},
    {"ntilde", 0xF1}};

// Tag attributes as lowercase name -> raw value.
using Attributes = std::vector<std::pair<std::string, std::string>>;

std::optional<std::string> attribute(const Attributes& attrs, std::string_view name) {
  for (const auto& [k, v] : attrs)
    if (k == name) return v;
  return std::nullopt;
}

uint64_t to_uint(std::string_view s) {
  uint64_t v = 0;
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

std::string collapse_space(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (is_space(c)) {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      space = false;
      out += c;
    }
  }
  return out;
}

class HeadCollector {
 public:
  void meta(const Attributes& attrs) {
    auto key = attribute(attrs, "property");
    if (!key || key->empty()) key = attribute(attrs, "name");
    auto content = attribute(attrs, "content");
    if (!key || !content) return;
    std::string k = lower(*key);
    std::string v = decode_entities(*content);
    if (k.starts_with("og:")) return og(k.substr(3), std::move(v));
    if (k == "twitter:title")
      twitter_title_ = std::move(v);
    else if (k == "twitter:description")
      twitter_description_ = std::move(v);
    else if (k == "twitter:image" || k == "twitter:image:src")
      twitter_image_ = std::move(v);
    else if (k == "description")
      description_ = std::move(v);
  }

  void title(std::string_view raw) {
    if (title_.empty()) title_ = collapse_space(decode_entities(raw));
  }

  OpenGraph finish() && {
    if (result_.title.empty()) result_.title = !twitter_title_.empty() ? twitter_title_ : title_;
    if (result_.description.empty())
      result_.description = !twitter_description_.empty() ? twitter_description_ : description_;
    if (result_.images.empty() && !twitter_image_.empty()) {
      result_.images.emplace_back();
      result_.images.back().url = twitter_image_;
    }
    return std::move(result_);
  }

 private:
  static void media(std::vector<OpenGraphMedia>& list, std::string_view field, std::string v) {
    if (field.empty() || field == "url") {
      // og:image starts a new item unless a previous og:image:* property opened one without url.
      if (list.empty() || !list.back().url.empty()) list.emplace_back();
      list.back().url = std::move(v);
      return;
    }
    if (list.empty()) list.emplace_back();
    auto& m = list.back();
    if (field == "secure_url")
      m.secure_url = std::move(v);
    else if (field == "type")
      m.type = std::move(v);
    else if (field == "width")
      m.width = to_uint(v);
    else if (field == "height")
      m.height = to_uint(v);
  }

  void og(std::string_view k, std::string v) {
    auto split = [&](std::string_view prefix) -> std::optional<std::string_view> {
      if (k == prefix) return std::string_view{};
      if (k.size() > prefix.size() && k.starts_with(prefix) && k[prefix.size()] == ':')
        return k.substr(prefix.size() + 1);
      return std::nullopt;
    };
    if (auto f = split("image")) return media(result_.images, *f, std::move(v));
    if (auto f = split("video")) return media(result_.videos, *f, std::move(v));
    if (auto f = split("audio")) return media(result_.audios, *f, std::move(v));
    if (k == "type")
      result_.type = std::move(v);
    else if (k == "url")
      result_.url = std::move(v);
    else if (k == "title")
      result_.title = std::move(v);
    else if (k == "description")
      result_.description = std::move(v);
    else if (k == "determiner")
      result_.determiner = std::move(v);
    else if (k == "site_name")
      result_.site_name = std::move(v);
    else if (k == "locale")
      result_.locale = std::move(v);
    else if (k == "locale:alternate")
      result_.locales_alternate.push_back(std::move(v));
  }

  OpenGraph result_;
  std::string title_, description_, twitter_title_, twitter_description_, twitter_image_;
};

// Reads the attributes of a start tag from `pos` (just after the tag name) up to '>'.
// Returns the position after '>' (or the end of input).
std::size_t read_attributes(std::string_view html, std::size_t pos, Attributes& attrs) {
  std::size_t n = html.size();
  while (pos < n) {
    while (pos < n && (is_space(html[pos]) || html[pos] == '/')) ++pos;
    if (pos >= n) break;
    if (html[pos] == '>') return pos + 1;
    std::size_t name_start = pos;
    while (pos < n && !is_space(html[pos]) && html[pos] != '=' && html[pos] != '>' &&
           html[pos] != '/')
      ++pos;
    std::string name = lower(html.substr(name_start, pos - name_start));
    while (pos < n && is_space(html[pos])) ++pos;
    std::string value;
    if (pos < n && html[pos] == '=') {
      ++pos;
      while (pos < n && is_space(html[pos])) ++pos;
      if (pos < n && (html[pos] == '"' || html[pos] == '\'')) {
        char q = html[pos++];
        auto end = html.find(q, pos);
        if (end == std::string_view::npos) end = n;
        value = std::string(html.substr(pos, end - pos));
        pos = end < n ? end + 1 : n;
      } else {
        std::size_t v_start = pos;
        while (pos < n && !is_space(html[pos]) && html[pos] != '>') ++pos;
        value = std::string(html.substr(v_start, pos - v_start));
      }
    }
    if (!name.empty()) attrs.emplace_back(std::move(name), std::move(value));
  }
  return n;
}

}  // namespace

std::string decode_entities(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c != '&') {
      out += c;
      ++i;
      continue;
    }
    auto semi = text.find(';', i + 1);
    if (semi == std::string_view::npos || semi - i > 12) {
      out += c;
      ++i;
      continue;
    }
    auto ref = text.substr(i + 1, semi - i - 1);
    bool decoded = false;
    if (ref.size() >= 2 && ref[0] == '#') {
      bool hex = ref[1] == 'x' || ref[1] == 'X';
      auto digits = ref.substr(hex ? 2 : 1);
      uint32_t cp = 0;
      auto [p, ec] =
          std::from_chars(digits.data(), digits.data() + digits.size(), cp, hex ? 16 : 10);
      if (!digits.empty() && ec == std::errc{} && p == digits.data() + digits.size()) {
        append_utf8(out, cp);
        decoded = true;
      }
    } else {
      for (const auto& e : kEntities)
        if (e.name == ref) {
          append_utf8(out, e.code_point);
          decoded = true;
          break;
        }
    }
    if (decoded) {
      i = semi + 1;
    } else {
      out += c;
      ++i;
    }
  }
  return out;
}

std::string latin1_to_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  for (unsigned char c : bytes) append_utf8(out, c);
  return out;
}

OpenGraph parse_opengraph(std::string_view html) {
  HeadCollector head;
  std::size_t pos = 0, n = html.size();
  while (pos < n) {
    auto lt = html.find('<', pos);
    if (lt == std::string_view::npos || lt + 1 >= n) break;
    pos = lt + 1;
    if (html.substr(pos).starts_with("!--")) {
      auto end = html.find("-->", pos + 3);
      pos = end == std::string_view::npos ? n : end + 3;
      continue;
    }
    if (html[pos] == '!' || html[pos] == '?') {
      auto end = html.find('>', pos);
      pos = end == std::string_view::npos ? n : end + 1;
      continue;
    }
    bool closing = html[pos] == '/';
    if (closing) ++pos;
    std::size_t name_start = pos;
    while (pos < n && std::isalnum(static_cast<unsigned char>(html[pos]))) ++pos;
    std::string name = lower(html.substr(name_start, pos - name_start));
    if (name.empty()) continue;  // a stray '<' in text
    if (closing) {
      if (name == "head") break;
      auto end = html.find('>', pos);
      pos = end == std::string_view::npos ? n : end + 1;
      continue;
    }
    if (name == "body") break;
    Attributes attrs;
    pos = read_attributes(html, pos, attrs);
    if (name == "meta") {
      head.meta(attrs);
    } else if (name == "title" || name == "script" || name == "style" || name == "textarea") {
      // Raw text: everything up to the matching end tag.
      auto end = find_ci(html, "</" + name, pos);
      if (end == std::string_view::npos) end = n;
      if (name == "title") head.title(html.substr(pos, end - pos));
      auto close = end < n ? html.find('>', end) : std::string_view::npos;
      pos = close == std::string_view::npos ? n : close + 1;
    }
  }
  return std::move(head).finish();
}

namespace {

bj::value media_json(const std::vector<OpenGraphMedia>& list, bool dimensions) {
  if (list.empty()) return nullptr;
  bj::array a;
  for (const auto& m : list) {
    bj::object o{{"url", m.url}, {"secure_url", m.secure_url}, {"type", m.type}};
    if (dimensions) {
      o["width"] = m.width;
      o["height"] = m.height;
    }
    a.push_back(std::move(o));
  }
  return a;
}

std::string truncate_text(const std::string& s) {
  std::size_t count = 0, i = 0;
  while (i < s.size()) {
    if (count == 300) return s.substr(0, i) + "[...]";
    auto c = static_cast<unsigned char>(s[i]);
    i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    ++count;
  }
  return s;
}

}  // namespace

bj::object to_json(const OpenGraph& og) {
  bj::value locales = nullptr;
  if (!og.locales_alternate.empty()) {
    bj::array a;
    for (const auto& l : og.locales_alternate) a.emplace_back(l);
    locales = std::move(a);
  }
  return {{"type", og.type},
          {"url", og.url},
          {"title", og.title},
          {"description", og.description},
          {"determiner", og.determiner},
          {"site_name", og.site_name},
          {"locale", og.locale},
          {"locales_alternate", std::move(locales)},
          {"images", media_json(og.images, true)},
          {"audios", media_json(og.audios, false)},
          {"videos", media_json(og.videos, true)}};
}

OpenGraph truncated(OpenGraph og) {
  og.title = truncate_text(og.title);
  og.description = truncate_text(og.description);
  og.site_name = truncate_text(og.site_name);
  og.determiner.clear();
  og.locale.clear();
  og.locales_alternate.clear();
  if (og.images.size() > 5) og.images.resize(5);
  og.audios.clear();
  og.videos.clear();
  return og;
}

}  // namespace parley::links
