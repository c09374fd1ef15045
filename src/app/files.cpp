// Uploads, reads, public links and post attachment of files (Mattermost's app/file.go rules).
// A stored upload's text is extracted for file search afterwards (app/content_extraction.h).
// Paths follow Mattermost's layout:
// <yyyymmdd>/teams/noteam/channels/<channel>/users/<user>/<file id>/<name>, with
// <name without extension>_thumb.jpg and _preview.jpg beside it for images.
#include "app/files.h"

#include "app/authorization.h"
#include "app/content_extraction.h"
#include "app/post_util.h"
#include "files/images.h"
#include "store/channel_store.h"
#include "store/file_info_store.h"
#include "store/post_store.h"
#include "util/base64.h"
#include "util/ids.h"
#include "util/log.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <algorithm>
#include <ctime>

namespace parley::app {
namespace {

AppError storage_not_configured() {
  return AppError::make("api.file.upload_file.storage.app_error",
                        "Unable to upload file. Image storage is not configured.", 501);
}

std::string date_folder(int64_t now_ms) {
  std::time_t t = static_cast<std::time_t>(now_ms / 1000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y%m%d", &tm);
  return buf;
}

// Go's filepath.Base: the last element of a slash-separated path.
std::string base_name(std::string_view name) {
  while (name.size() > 1 && name.back() == '/') name.remove_suffix(1);
  auto slash = name.rfind('/');
  if (slash != std::string_view::npos && name.size() > 1) name.remove_prefix(slash + 1);
  return name.empty() ? "." : std::string(name);
}

Status check_read(App& app, const model::Session& s, const model::FileInfo& info) {
  if (info.creator_id == s.user_id ||
      post_util::has_permission_by_post(app, s, info.post_id, "read_channel"))
    return {};
  return errors::permission("read_channel", s.user_id);
}

Result<model::FileInfo> load_info(App& app, const std::string& id) {
  if (!is_valid_id(id)) return errors::invalid_url_param("file_id");
  auto info = app.store().file_infos().get(id);
  if (!info)
    return AppError::make("app.file_info.get.app_error", "Unable to get the file info.", 404,
                          "file_id=" + id);
  return std::move(*info);
}

Result<FileContent> read_variant(App& app, model::FileInfo info, FileVariant variant) {
  auto* backend = app.file_backend();
  if (!backend) return storage_not_configured();
  std::string path = info.path, mime = info.mime_type;
  if (variant == FileVariant::thumbnail) {
    if (info.thumbnail_path.empty())
      return AppError::make("api.file.get_file_thumbnail.no_thumbnail.app_error",
                            "File doesn't have a thumbnail image.", 400, "file_id=" + info.id);
    path = info.thumbnail_path;
    mime = "image/jpeg";
  } else if (variant == FileVariant::preview) {
    if (info.preview_path.empty())
      return AppError::make("api.file.get_file_preview.no_preview.app_error",
                            "File doesn't have a preview image.", 400, "file_id=" + info.id);
    path = info.preview_path;
    mime = "image/jpeg";
  }
  auto data = backend->read(path);
  if (!data) {
    AppError e = std::move(data).error();
    e.id = "api.file.file_reader.app_error";
    e.message = "Unable to get a file reader.";
    e.status_code = 404;
    return e;
  }
  return FileContent{std::move(info), std::move(data).value(), std::move(mime)};
}

}  // namespace

files::Backend* configured_file_store(App& app) {
  if (app.config()->file.driver_name.empty()) return nullptr;
  return app.file_backend();
}

Status check_uploads_enabled(App& app) {
  if (!app.config()->file.enable_file_attachments)
    return AppError::make("api.file.attachments.disabled.app_error",
                          "File attachments have been disabled on this server.", 403);
  if (!app.file_backend()) return storage_not_configured();
  return {};
}

Status check_upload_permission(App& app, const model::Session& s, const std::string& channel_id) {
  if (!has_channel_permission(app, s, channel_id, "upload_file"))
    return errors::permission("upload_file", s.user_id);
  return {};
}

Result<model::FileInfo> upload_file(App& app, const model::Session& s,
                                    const std::string& channel_id, std::string_view raw_name,
                                    std::string_view data, int64_t now) {
  auto cfg = app.config();
  auto* backend = app.file_backend();
  if (!backend) return storage_not_configured();
  std::string name = base_name(raw_name);
  if (static_cast<int64_t>(data.size()) > cfg->file.max_file_size)
    return AppError::make("api.file.upload_file.too_large_detailed.app_error",
                          "Unable to upload file " + name + ". " + std::to_string(data.size()) +
                              " bytes exceeds the maximum allowed " +
                              std::to_string(cfg->file.max_file_size) + " bytes.",
                          413);
  model::FileInfo info = model::new_file_info(name);
  info.id = new_time_ordered_id();
  info.creator_id = s.user_id;
  info.channel_id = channel_id;
  info.create_at = info.update_at = now;
  std::string prefix = date_folder(now) + "/teams/noteam/channels/" + channel_id + "/users/" +
                       s.user_id + "/" + info.id + "/";
  info.path = prefix + name;

  std::optional<files::DerivedImages> derived;
  if (info.is_image() && !info.is_svg()) {
    if (auto size = files::image_size(data)) {
      if (size->width * size->height > cfg->file.max_image_resolution)
        return AppError::make("api.file.upload_file.large_image_detailed.app_error",
                              name + " dimensions (" + std::to_string(size->width) + " by " +
                                  std::to_string(size->height) + " pixels) exceed the limits.",
                              400);
      derived = files::derive_images(data);
    }
  }
  if (info.is_svg()) {
    if (auto size = files::svg_size(data)) {
      info.width = size->width;
      info.height = size->height;
    }
  }
  if (auto w = backend->write(info.path, data); !w) return std::move(w).error();
  info.size = static_cast<int64_t>(data.size());
  if (derived) {
    std::string stem = name.substr(0, name.rfind('.'));
    info.width = derived->size.width;
    info.height = derived->size.height;
    info.thumbnail_path = prefix + stem + "_thumb.jpg";
    info.preview_path = prefix + stem + "_preview.jpg";
    // Mattermost shows GIFs themselves (they may be animated), not their preview.
    info.has_preview_image = info.mime_type != "image/gif";
    if (!derived->mini_preview.empty()) info.mini_preview = derived->mini_preview;
    for (auto [path, bytes] : {std::pair{&info.thumbnail_path, &derived->thumbnail},
                               std::pair{&info.preview_path, &derived->preview}}) {
      if (auto w = backend->write(*path, *bytes); !w) {
        log::warn("could not store an image derivative",
                  {{"path", *path}, {"error", w.error().detailed_error}});
        path->clear();
      }
    }
  }
  try {
    app.store().file_infos().save(info);
  } catch (const std::exception& e) {
    (void)backend->remove_directory(prefix.substr(0, prefix.size() - 1));
    return errors::internal("app.file_info.save.app_error", e.what());
  }
  if (cfg->file.extract_content) schedule_content_extraction(app, info);
  return info;
}

Result<model::FileInfo> get_file_info(App& app, const model::Session& s, const std::string& id) {
  auto info = load_info(app, id);
  if (!info) return info;
  if (auto st = check_read(app, s, *info); !st) return std::move(st).error();
  return info;
}

Result<FileContent> get_file_content(App& app, const model::Session& s, const std::string& id,
                                     FileVariant variant) {
  auto info = get_file_info(app, s, id);
  if (!info) return std::move(info).error();
  return read_variant(app, std::move(info).value(), variant);
}

std::string public_link_hash(std::string_view file_id, std::string_view salt) {
  std::string input = std::string(salt) + std::string(file_id);
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(input.data(), input.size(), md, &len, EVP_sha256(), nullptr);
  return base64_raw_url_encode(std::string_view(reinterpret_cast<const char*>(md), len));
}

Result<std::string> get_public_link(App& app, const model::Session& s, const std::string& id,
                                    const std::string& site_url) {
  if (!app.config()->file.enable_public_link)
    return AppError::make("api.file.get_public_link.disabled.app_error",
                          "Public links have been disabled.", 403);
  auto info = get_file_info(app, s, id);
  if (!info) return std::move(info).error();
  if (info->post_id.empty())
    return AppError::make("api.file.get_public_link.no_post.app_error",
                          "Unable to get public link for file. File must be attached to a post "
                          "that can be read by the current user.",
                          400, "file_id=" + id);
  return site_url + "/files/" + id + "/public?h=" + public_link_hash(id, app.public_link_salt());
}

Result<FileContent> get_public_file(App& app, const std::string& id, const std::string& hash) {
  if (!app.config()->file.enable_public_link)
    return AppError::make("api.file.get_public_link.disabled.app_error",
                          "Public links have been disabled.", 403);
  auto info = load_info(app, id);
  if (!info) return std::move(info).error();
  std::string expected = public_link_hash(id, app.public_link_salt());
  if (hash.size() != expected.size() ||
      CRYPTO_memcmp(hash.data(), expected.data(), hash.size()) != 0)
    return AppError::make("api.file.get_file.public_invalid.app_error",
                          "The public link does not appear to be valid.", 400);
  return read_variant(app, std::move(info).value(), FileVariant::original);
}

Result<std::vector<model::FileInfo>> get_file_infos_for_post(App& app, const model::Session& s,
                                                             const std::string& post_id,
                                                             bool include_deleted) {
  if (!post_util::has_permission_by_post(app, s, post_id, "read_channel_content"))
    return errors::permission("read_channel_content", s.user_id);
  if (include_deleted && !has_permission(s, "manage_system"))
    return errors::permission("manage_system", s.user_id);
  return app.store().file_infos().for_post(post_id, include_deleted);
}

std::vector<std::string> attach_files(App& app, const model::Post& post,
                                      const std::vector<std::string>& file_ids) {
  std::vector<std::string> attached;
  auto& store = app.store().file_infos();
  for (const auto& id : file_ids) {
    auto info = store.get(id);
    if (!info || info->channel_id != post.channel_id) continue;
    if (store.attach_to_post(id, post.id, post.channel_id, post.user_id)) attached.push_back(id);
  }
  return attached;
}

std::vector<std::string> change_post_files(App& app, const model::Post& post,
                                           const std::vector<std::string>& old_ids,
                                           const std::vector<std::string>& new_ids, int64_t now) {
  auto contains = [](const std::vector<std::string>& v, const std::string& x) {
    return std::find(v.begin(), v.end(), x) != v.end();
  };
  std::vector<std::string> removed, added;
  for (const auto& id : old_ids)
    if (!contains(new_ids, id)) removed.push_back(id);
  for (const auto& id : new_ids)
    if (!contains(old_ids, id) && !contains(added, id)) added.push_back(id);
  app.store().file_infos().delete_for_post_by_ids(post.id, removed, now);
  auto attached = attach_files(app, post, added);
  std::vector<std::string> out;
  for (const auto& id : new_ids)
    if ((contains(old_ids, id) || contains(attached, id)) && !contains(out, id)) out.push_back(id);
  return out;
}

void remove_stored_files(App& app, const std::vector<model::FileInfo>& infos) {
  auto* backend = app.file_backend();
  if (!backend) return;
  for (const auto& f : infos) {
    auto slash = f.path.rfind('/');
    if (slash == std::string::npos) continue;
    if (auto st = backend->remove_directory(f.path.substr(0, slash)); !st)
      log::warn("could not remove a deleted post's file",
                {{"path", f.path}, {"error", st.error().detailed_error}});
  }
}

}  // namespace parley::app
