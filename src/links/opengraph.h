// OpenGraph metadata of a web page, read from the <head> of its HTML with a small tolerant
// tokenizer (og:* meta tags, twitter:* and <title>/description fallbacks, HTML entities
// decoded), and its JSON in the shape Mattermost's clients expect.
#pragma once

#include <boost/json/object.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace parley::links {

struct OpenGraphMedia {
  std::string url;
  std::string secure_url;
  std::string type;
  uint64_t width = 0;
  uint64_t height = 0;
};

struct OpenGraph {
  std::string type;
  std::string url;
  std::string title;
  std::string description;
  std::string determiner;
  std::string site_name;
  std::string locale;
  std::vector<std::string> locales_alternate;
  std::vector<OpenGraphMedia> images;
  std::vector<OpenGraphMedia> audios;
  std::vector<OpenGraphMedia> videos;

  // Mattermost only keeps page data that names a title, type or url.
  bool has_content() const { return !title.empty() || !type.empty() || !url.empty(); }
};

// Parses the head of `html` (UTF-8). Stops at </head> or <body>; script, style and comments are
// skipped; attributes may be quoted either way or unquoted.
OpenGraph parse_opengraph(std::string_view html);

// Decodes HTML character references (&amp; &#39; &#x2F; and the common named ones).
std::string decode_entities(std::string_view text);

// Converts ISO-8859-1 / windows-1252 bytes to UTF-8 (for pages whose Content-Type says so).
std::string latin1_to_utf8(std::string_view bytes);

// Mattermost's OpenGraph JSON (dyatlov/go-opengraph field names; empty lists are null).
boost::json::object to_json(const OpenGraph& og);

// TruncateOpenGraph: title, description and site_name cut to 300 characters (+"[...]"), at most
// five images, and determiner, locale, locales_alternate, audios and videos dropped.
OpenGraph truncated(OpenGraph og);

}  // namespace parley::links
