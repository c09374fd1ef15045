// Persistence of uploaded files' metadata (Mattermost's FileInfo table).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/file_info.h"

namespace parley::store {

class FileInfoStore {
 public:
  virtual ~FileInfoStore() = default;
  virtual void save(const model::FileInfo& f) = 0;  // insert
  // Not deleted.
  virtual std::optional<model::FileInfo> get(std::string_view id) = 0;
  // Those of `ids` that exist and are not deleted, in no particular order.
  virtual std::vector<model::FileInfo> get_many(const std::vector<std::string>& ids) = 0;
  // Oldest first.
  virtual std::vector<model::FileInfo> for_post(std::string_view post_id,
                                                bool include_deleted = false) = 0;
  // Not deleted, oldest first.
  virtual std::vector<model::FileInfo> for_posts(const std::vector<std::string>& post_ids) = 0;
  // Sets PostId and ChannelId when the file is not attached yet and was uploaded by `creator_id`;
  // false when nothing changed.
  virtual bool attach_to_post(std::string_view file_id, std::string_view post_id,
                              std::string_view channel_id, std::string_view creator_id) = 0;
  // Soft deletes every file of the post.
  virtual void delete_for_post(std::string_view post_id, int64_t at) = 0;
  // Soft deletes the given files of the post.
  virtual void delete_for_post_by_ids(std::string_view post_id, const std::vector<std::string>& ids,
                                      int64_t at) = 0;
  // Removes the rows of the post's files (deleted or not) and returns them.
  virtual std::vector<model::FileInfo> permanent_delete_for_post(std::string_view post_id) = 0;
  // The same for every file of a channel / of every channel of a team (before they are removed).
  virtual std::vector<model::FileInfo> permanent_delete_for_channel(
      std::string_view channel_id) = 0;
  virtual std::vector<model::FileInfo> permanent_delete_for_team(std::string_view team_id) = 0;
  virtual void set_content(std::string_view id, std::string_view content) = 0;
  // The extracted text (up to 1 MiB); the reads above leave `content` empty so that listing
  // files never drags it along. nullopt when there is no such file.
  virtual std::optional<std::string> content(std::string_view id) = 0;
};

}  // namespace parley::store
