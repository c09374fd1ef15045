// Uploaded files with Mattermost's rules: uploads into a channel (upload_file permission,
// FileSettings.EnableFileAttachments / MaxFileSize / MaxImageResolution), images' thumbnails,
// previews and mini previews, reads (creator or channel read access via the post), public
// links, and attaching files to posts.
#pragma once

#include "app/app.h"
#include "model/file_info.h"
#include "model/post.h"
#include "model/session.h"
#include "util/app_error.h"

#include <string>
#include <string_view>
#include <vector>

namespace parley::app {

// The file store for emoji images and profile pictures: null when FileSettings.DriverName is
// empty (Mattermost then refuses those uploads) or the configured store is unusable.
files::Backend* configured_file_store(App& app);

// Checks made before the request body is read: attachments enabled (403
// api.file.attachments.disabled.app_error) and the storage configured.
Status check_uploads_enabled(App& app);
// 403 (upload_file) unless the session may upload into the channel.
Status check_upload_permission(App& app, const model::Session& s, const std::string& channel_id);

// Stores one file uploaded into `channel_id` (permission already checked) and its FileInfo.
// `now` is the request's time: it names the date folder. 413 when larger than MaxFileSize.
Result<model::FileInfo> upload_file(App& app, const model::Session& s,
                                    const std::string& channel_id, std::string_view name,
                                    std::string_view data, int64_t now);

// GET /files/{id}/info: 404 unknown or deleted; 403 without access.
Result<model::FileInfo> get_file_info(App& app, const model::Session& s, const std::string& id);

enum class FileVariant { original, thumbnail, preview };
struct FileContent {
  model::FileInfo info;
  std::string data;
  std::string mime_type;  // of `data`
};
// The bytes of a file or of its thumbnail / preview (400 when the file has none).
Result<FileContent> get_file_content(App& app, const model::Session& s, const std::string& id,
                                     FileVariant variant);

// GET /files/{id}/link: {link} for files attached to a post, when public links are enabled.
Result<std::string> get_public_link(App& app, const model::Session& s, const std::string& id,
                                    const std::string& site_url);
// GET /files/{id}/public?h=: no session; `hash` must match the file's public link hash.
Result<FileContent> get_public_file(App& app, const std::string& id, const std::string& hash);
// Mattermost's GeneratePublicLinkHash: base64url(sha256(salt + file id)), unpadded.
std::string public_link_hash(std::string_view file_id, std::string_view salt);

// GET /posts/{post_id}/files/info (include_deleted needs manage_system).
Result<std::vector<model::FileInfo>> get_file_infos_for_post(App& app, const model::Session& s,
                                                             const std::string& post_id,
                                                             bool include_deleted);

// Attaches the files to a post being created (inside its transaction): only files uploaded by
// the post's author into the post's channel and not attached yet; returns the attached ids in
// the order given (Mattermost drops the others silently).
std::vector<std::string> attach_files(App& app, const model::Post& post,
                                      const std::vector<std::string>& file_ids);
// An edit changes the post's files from `old_ids` to `new_ids`: removed files are soft deleted,
// new ones attached; returns the post's resulting file ids.
std::vector<std::string> change_post_files(App& app, const model::Post& post,
                                           const std::vector<std::string>& old_ids,
                                           const std::vector<std::string>& new_ids, int64_t now);
// Removes the stored files of FileInfos whose rows were deleted permanently.
void remove_stored_files(App& app, const std::vector<model::FileInfo>& infos);

}  // namespace parley::app
