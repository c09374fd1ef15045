// /api/v4/files: uploads (multipart with channel_id and client_ids, or the raw body with
// ?channel_id=&filename=), downloads of files, thumbnails and previews with Mattermost's safe
// serving headers and single byte ranges, file infos, public links, and
// /posts/{post_id}/files/info.
#include "app/files.h"
#include "api/context.h"
#include "api/multipart.h"
#include "api/respond.h"
#include "api/routes.h"
#include "util/ids.h"

#include <boost/json.hpp>

#include <algorithm>
#include <array>

namespace parley::api {
namespace {

namespace bj = boost::json;

constexpr std::array<std::string_view, 6> kUnsafeContentTypes = {
    "application/javascript", "application/ecmascript",   "text/javascript",
    "text/ecmascript",        "application/x-javascript", "text/html"};
// Only these are shown inline; everything else (SVG, XML, PDF, text, ...) is an attachment.
constexpr std::array<std::string_view, 11> kInlineContentTypes = {
    "image/jpeg", "image/png",  "image/bmp", "image/gif",  "image/tiff", "image/webp",
    "video/avi",  "video/mpeg", "video/mp4", "audio/mpeg", "audio/wav"};

// Go's url.PathEscape.
std::string path_escape(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || std::string_view("-_.~!$&'()*+,;=:@").find(static_cast<char>(c)) !=
                               std::string_view::npos) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

struct Range {
  int64_t offset = 0;
  int64_t length = 0;
};

// A single "bytes=" range of Range against a body of `size` bytes: nullopt to serve everything
// (no Range, another unit, several ranges), a Range, or `unsatisfiable`.
std::optional<Range> parse_range(std::string_view header, int64_t size, bool* unsatisfiable) {
  *unsatisfiable = false;
  if (!header.starts_with("bytes=")) return std::nullopt;
  std::string_view spec = header.substr(6);
  if (spec.find(',') != std::string_view::npos) return std::nullopt;
  auto dash = spec.find('-');
  auto number = [](std::string_view t, int64_t* out) {
    if (t.empty() || t.size() > 18) return false;
    *out = 0;
    for (char ch : t) {
      if (ch < '0' || ch > '9') return false;
      *out = *out * 10 + (ch - '0');
    }
    return true;
  };
  int64_t first = 0, last = 0;
  if (dash == std::string_view::npos) {
    *unsatisfiable = true;
    return std::nullopt;
  }
  if (dash == 0) {  // the last n bytes
    if (!number(spec.substr(1), &last) || last == 0) {
      *unsatisfiable = true;
      return std::nullopt;
    }
    last = std::min(last, size);
    return Range{size - last, last};
  }
  if (!number(spec.substr(0, dash), &first) || first >= size) {
    *unsatisfiable = true;
    return std::nullopt;
  }
  if (dash + 1 == spec.size()) return Range{first, size - first};
  if (!number(spec.substr(dash + 1), &last) || last < first) {
    *unsatisfiable = true;
    return std::nullopt;
  }
  return Range{first, std::min(last, size - 1) - first + 1};
}

Response file_response(const Context& c, app::FileContent content, bool force_download) {
  Response r;
  auto size = static_cast<int64_t>(content.data.size());
  bool unsatisfiable = false;
  auto range = parse_range(c.req.header("range"), size, &unsatisfiable);
  if (unsatisfiable) {
    r.status = 416;
    r.content_type = "text/plain; charset=utf-8";
    r.set_header("Content-Range", "bytes */" + std::to_string(size));
    r.body = "invalid range: failed to overlap\n";
    return r;
  }
  r.set_header("Accept-Ranges", "bytes");
  if (range) {
    r.status = 206;
    r.set_header("Content-Range", "bytes " + std::to_string(range->offset) + "-" +
                                      std::to_string(range->offset + range->length - 1) + "/" +
                                      std::to_string(size));
    content.data =
        content.data.substr(static_cast<size_t>(range->offset), static_cast<size_t>(range->length));
  }
  std::string type = content.mime_type.empty() ? "application/octet-stream" : content.mime_type;
  for (auto unsafe : kUnsafeContentTypes)
    if (type.starts_with(unsafe)) {
      type = "text/plain";
      break;
    }
  bool inline_ok =
      !force_download && std::any_of(kInlineContentTypes.begin(), kInlineContentTypes.end(),
                                     [&](std::string_view t) { return type.starts_with(t); });
  std::string name = path_escape(content.info.name);
  r.content_type = type;
  r.set_header("Cache-Control", "max-age=2592000, private");
  r.set_header("Content-Disposition", std::string(inline_ok ? "inline" : "attachment") +
                                          ";filename=\"" + name + "\"; filename*=UTF-8''" + name);
  r.set_header("X-Frame-Options", "DENY");
  r.set_header("Content-Security-Policy", "Frame-ancestors 'none'");
  r.body = std::move(content.data);
  return r;
}

bj::object upload_response(const std::vector<model::FileInfo>& infos,
                           const std::optional<std::vector<std::string>>& client_ids) {
  bj::array files;
  for (const auto& f : infos) files.emplace_back(model::to_json(f));
  bj::value ids = nullptr;
  if (client_ids) ids = bj::array(client_ids->begin(), client_ids->end());
  return {{"file_infos", std::move(files)}, {"client_ids", std::move(ids)}};
}

AppError read_request_error(std::string detail) {
  return AppError::make("api.file.upload_file.read_request.app_error",
                        "Unable to upload file(s). Error reading or parsing request data.", 400,
                        std::move(detail));
}

Result<std::string> require_channel_id(std::string id) {
  if (!is_valid_id(id)) return errors::invalid_url_param("channel_id");
  return id;
}

Response upload_simple(Context& c, int64_t now) {
  auto channel = require_channel_id(std::string(c.req.query_param("channel_id")));
  if (!channel) return c.fail(channel.error());
  std::string filename(c.req.query_param("filename"));
  if (filename.empty() || filename.size() > 256)
    return c.fail(errors::invalid_url_param("filename"));
  if (auto st = app::check_upload_permission(c.app, c.s(), *channel); !st)
    return c.fail(st.error());
  auto info = app::upload_file(c.app, c.s(), *channel, filename, c.req.body, now);
  if (!info) return c.fail(info.error());
  std::optional<std::vector<std::string>> ids;
  if (std::string client_id(c.req.query_param("client_id")); !client_id.empty())
    ids = std::vector<std::string>{client_id};
  return json_response(upload_response({*info}, ids), 201);
}

Response upload_multipart(Context& c, const std::string& boundary, int64_t now) {
  auto parts = parse_multipart(c.req.body, boundary);
  if (!parts) return c.fail(read_request_error("malformed multipart body"));
  std::string channel_id(c.req.query_param("channel_id"));
  std::vector<std::string> client_ids;
  std::vector<const MultipartPart*> files;
  for (const auto& part : *parts) {
    if (part.name.empty()) continue;
    if (part.filename && !part.filename->empty()) {
      files.push_back(&part);
      continue;
    }
    std::string value(part.data.substr(0, 10 * 1024));
    if (part.name == "channel_id") {
      if (!channel_id.empty() && !value.empty() && channel_id != value)
        return c.fail(AppError::make("api.file.upload_file.multiple_channel_ids.app_error",
                                     "Unable to upload file(s). Multiple conflicting channel_ids.",
                                     400));
      if (!value.empty()) channel_id = value;
    } else if (part.name == "client_ids") {
      client_ids.push_back(value);
    } else {
      return c.fail(errors::invalid_param(part.name));
    }
  }
  if (channel_id.empty()) return c.fail(errors::invalid_param("channel_id"));
  auto channel = require_channel_id(channel_id);
  if (!channel) return c.fail(channel.error());
  if (!client_ids.empty() && client_ids.size() != files.size())
    return c.fail(AppError::make("api.file.upload_file.incorrect_number_of_client_ids.app_error",
                                 "Unable to upload file(s). Have " +
                                     std::to_string(client_ids.size()) + " client_ids for " +
                                     std::to_string(files.size()) + " files.",
                                 400));
  if (auto st = app::check_upload_permission(c.app, c.s(), *channel); !st)
    return c.fail(st.error());
  std::vector<model::FileInfo> infos;
  for (const auto* part : files) {
    auto info = app::upload_file(c.app, c.s(), *channel, *part->filename, part->data, now);
    if (!info) return c.fail(info.error());
    infos.push_back(std::move(info).value());
  }
  return json_response(upload_response(infos, client_ids), 201);
}

Response upload(Context& c) {
  if (auto st = app::check_uploads_enabled(c.app); !st) return c.fail(st.error());
  if (c.req.body.empty()) return c.fail(read_request_error("Content-Length should not be 0"));
  int64_t now = now_ms();
  auto type = parse_multipart_content_type(c.req.header("content-type"));
  switch (type.type) {
    case MultipartType::ok:
      return upload_multipart(c, type.boundary, now);
    case MultipartType::missing_boundary:
      return c.fail(read_request_error("no multipart boundary param in Content-Type"));
    case MultipartType::not_multipart:
      break;
  }
  return upload_simple(c, now);
}

Response get_variant(Context& c, app::FileVariant variant) {
  auto id = c.id_param("file_id");
  if (!id) return c.fail(id.error());
  auto content = app::get_file_content(c.app, c.s(), *id, variant);
  if (!content) return c.fail(content.error());
  return file_response(c, std::move(content).value(), c.query_bool("download"));
}

Response get_info(Context& c) {
  auto id = c.id_param("file_id");
  if (!id) return c.fail(id.error());
  auto info = app::get_file_info(c.app, c.s(), *id);
  if (!info) return c.fail(info.error());
  Response r = json_response(model::to_json(*info));
  r.set_header("Cache-Control", "max-age=2592000, private");
  return r;
}

// Mattermost's GetSiteURLHeader: SiteURL, or the scheme and host the request came in with.
std::string site_url(const Context& c) {
  std::string url = c.app.config()->service.site_url;
  if (url.empty()) {
    std::string proto(c.req.header("x-forwarded-proto"));
    url = (proto.empty() ? "http" : proto) + "://" + std::string(c.req.header("host"));
  }
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

Response get_link(Context& c) {
  auto id = c.id_param("file_id");
  if (!id) return c.fail(id.error());
  auto link = app::get_public_link(c.app, c.s(), *id, site_url(c));
  if (!link) return c.fail(link.error());
  return json_response(bj::object{{"link", *link}});
}

Response get_public(Context& c) {
  auto id = c.id_param("file_id");
  if (!id) return c.fail(id.error());
  std::string hash(c.req.query_param("h"));
  if (hash.empty() && c.app.config()->file.enable_public_link)
    return c.fail(AppError::make("api.file.get_file.public_invalid.app_error",
                                 "The public link does not appear to be valid.", 400));
  auto content = app::get_public_file(c.app, *id, hash);
  if (!content) return c.fail(content.error());
  return file_response(c, std::move(content).value(), false);
}

Response get_post_file_infos(Context& c) {
  auto id = c.id_param("post_id");
  if (!id) return c.fail(id.error());
  auto infos = app::get_file_infos_for_post(c.app, c.s(), *id, c.query_bool("include_deleted"));
  if (!infos) return c.fail(infos.error());
  bj::array out;
  for (const auto& f : *infos) out.emplace_back(model::to_json(f));
  Response r = json_response(out);
  r.set_header("Cache-Control", "max-age=2592000, private");
  return r;
}

}  // namespace

void register_file_routes(Router& r) {
  RouteOptions trusted{.trust_requester = true};
  r.add("POST", "/api/v4/files", upload, {.file_api = true});
  r.add(
      "GET", "/api/v4/files/{file_id}",
      [](Context& c) { return get_variant(c, app::FileVariant::original); }, trusted);
  r.add(
      "GET", "/api/v4/files/{file_id}/thumbnail",
      [](Context& c) { return get_variant(c, app::FileVariant::thumbnail); }, trusted);
  r.add(
      "GET", "/api/v4/files/{file_id}/preview",
      [](Context& c) { return get_variant(c, app::FileVariant::preview); }, trusted);
  r.add("GET", "/api/v4/files/{file_id}/info", get_info);
  r.add("GET", "/api/v4/files/{file_id}/link", get_link);
  r.add("GET", "/files/{file_id}/public", get_public, {.require_session = false});
  r.add("GET", "/api/v4/posts/{post_id}/files/info", get_post_file_infos);
}

}  // namespace parley::api
