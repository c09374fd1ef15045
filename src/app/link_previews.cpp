// Link preview metadata for /opengraph and post embeds (see link_previews.h).
#include "app/link_previews.h"

#include "app/link_text.h"
#include "links/fetcher.h"
#include "util/log.h"

#include <boost/url/parse.hpp>
#include <boost/url/url.hpp>

#include <algorithm>
#include <cctype>

namespace parley::app {
namespace {

namespace bj = boost::json;

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// `ref` resolved against `base` (OpenGraph URLs may be relative to the page).
std::string absolute(const std::string& base, const std::string& ref) {
  if (ref.empty()) return ref;
  auto b = boost::urls::parse_uri(base);
  auto r = boost::urls::parse_uri_reference(ref);
  if (!b || !r) return ref;
  if (r->has_scheme()) return ref;
  boost::urls::url out;
  if (!boost::urls::resolve(*b, *r, out)) return ref;
  return std::string(out.buffer());
}

void make_absolute(links::OpenGraph& og, const std::string& page) {
  og.url = absolute(page, og.url);
  for (auto* list : {&og.images, &og.audios, &og.videos})
    for (auto& m : *list) {
      m.url = absolute(page, m.url);
      m.secure_url = absolute(page, m.secure_url);
    }
}

bool looks_like_html(std::string_view body) {
  auto head = lower(std::string(body.substr(0, 1024)));
  return head.find("<html") != std::string::npos || head.find("<head") != std::string::npos ||
         head.find("<!doctype html") != std::string::npos ||
         head.find("<meta") != std::string::npos;
}

LinkMetadata parse_response(const std::string& url, const links::FetchResult& r) {
  LinkMetadata m;
  m.fetched = true;
  std::string type = lower(r.content_type);
  if (type.starts_with("image/svg")) return m;  // SVGs are never previewed (MM-67372)
  if (type.starts_with("image/") || (type.empty() && links::sniff_image(r.body))) {
    m.image = links::sniff_image(r.body);
    return m;
  }
  if (type.starts_with("text/html") || (type.empty() && looks_like_html(r.body))) {
    bool latin1 = type.find("charset=iso-8859-1") != std::string::npos ||
                  type.find("charset=latin1") != std::string::npos ||
                  type.find("charset=windows-1252") != std::string::npos;
    auto og = links::parse_opengraph(latin1 ? links::latin1_to_utf8(r.body) : r.body);
    make_absolute(og, url);
    // The URL is the link the user gave, not where redirects or og:url lead.
    if (!og.url.empty()) og.url = url;
    m.opengraph = std::move(og);
  }
  return m;
}

LinkMetadata load(App& app, const std::string& url) {
  if (auto hit = app.link_metadata().get(url)) return *hit;
  auto cfg = app.config();
  links::FetchOptions o;
  o.allow = links::InternalAllowList(cfg->service.allowed_untrusted_internal_connections);
  auto timeout = cfg->experimental.link_metadata_timeout_milliseconds;
  o.timeout = std::chrono::milliseconds(timeout > 0 ? timeout : 5000);
  o.accept_language = cfg->localization.default_server_locale;
  o.insecure_tls = cfg->service.enable_insecure_outgoing_connections;
  o.url_allowed = [restricted = cfg->service.restrict_link_previews](const std::string& u) {
    return link_allowed_for_preview(u, restricted);
  };
  auto r = links::fetch(url, o);
  LinkMetadata m;
  if (r.ok) {
    m = parse_response(url, r);
  } else {
    log::debug("link metadata fetch failed", {{"url", url}, {"error", r.error}});
  }
  app.link_metadata().put(url, m);
  return m;
}

bj::object image_json(const links::ImageInfo& i) {
  bj::object o{{"width", i.width}, {"height", i.height}, {"format", i.format}};
  if (i.frame_count > 0) o["frame_count"] = i.frame_count;
  return o;
}

}  // namespace

Result<bj::object> get_opengraph(App& app, const std::string& url) {
  if (!app.config()->service.enable_link_previews)
    return AppError::make("api.post.link_preview_disabled.app_error",
                          "Link previews have been disabled by the system administrator.", 501);
  if (url.empty()) return errors::invalid_param("url");
  auto m = load(app, url);
  if (!m.fetched) return bj::object{{"url", ""}};
  return links::to_json(m.opengraph.value_or(links::OpenGraph{}));
}

void add_embeds_and_images(App& app, const config::Config& cfg, model::Post& p) {
  p.embeds.clear();
  p.images.clear();
  if (p.delete_at > 0) return;
  if (auto it = p.props.find("unsafe_links");
      it != p.props.end() && it->value().is_string() && it->value().as_string() == "true")
    return;
  const auto& restricted = cfg.service.restrict_link_previews;
  std::vector<std::string> image_urls;
  if (p.props.contains("attachments")) {
    p.embeds.push_back(model::PostEmbed{"message_attachment", "", nullptr});
  } else if (cfg.service.enable_link_previews) {
    std::string first;
    for (auto& link : autolinks(p.message))
      if (link_allowed_for_preview(link, restricted)) {
        first = std::move(link);
        break;
      }
    if (!first.empty()) {
      auto m = load(app, first);
      if (m.opengraph && m.opengraph->has_content()) {
        auto og = links::truncated(*m.opengraph);
        for (const auto& i : og.images)
          image_urls.push_back(!i.secure_url.empty() ? i.secure_url : i.url);
        p.embeds.push_back(model::PostEmbed{"opengraph", first, links::to_json(og)});
      } else if (m.image && m.image->format != "svg") {
        image_urls.push_back(first);
        p.embeds.push_back(model::PostEmbed{"image", first, nullptr});
      } else {
        p.embeds.push_back(model::PostEmbed{"link", first, nullptr});
      }
    }
  }
  for (auto& u : markdown_images(p.message))
    if (link_allowed_for_preview(u, restricted)) image_urls.push_back(std::move(u));
  for (const auto& u : image_urls) {
    if (u.empty() || p.images.contains(u) || lower(u).starts_with("data:image/")) continue;
    if (auto m = load(app, u); m.image && m.image->format != "svg")
      p.images[u] = image_json(*m.image);
  }
}

}  // namespace parley::app
