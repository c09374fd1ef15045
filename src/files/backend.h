// File storage backends (Mattermost's filestore): a key/value store of file contents addressed
// by relative slash-separated paths such as "20260101/teams/<id>/channels/<id>/users/<id>/...".
// Drivers: "local" (a folder, FileSettings.Directory) and "amazons3" (S3-compatible, SigV4).
// Every method is thread safe; failures come back as AppError (500 unless a missing file).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "config/settings.h"
#include "util/app_error.h"

namespace parley::files {

class Backend {
 public:
  virtual ~Backend() = default;

  // "local" or "amazons3".
  virtual std::string_view driver_name() const = 0;
  // Checks that the store can be written (folder exists/creatable, bucket reachable).
  virtual Status test_connection() = 0;

  // Creates or replaces the file at `path` with `data`; returns the number of bytes written.
  virtual Result<int64_t> write(std::string_view path, std::string_view data) = 0;
  // The whole file; 404 (api.file.read_file.not_found) when there is none.
  virtual Result<std::string> read(std::string_view path) = 0;
  // Up to `length` bytes starting at `offset` (fewer at the end of the file).
  virtual Result<std::string> read_range(std::string_view path, int64_t offset, int64_t length) = 0;
  virtual Result<bool> exists(std::string_view path) = 0;
  virtual Result<int64_t> size(std::string_view path) = 0;
  // Removing a missing file is not an error.
  virtual Status remove(std::string_view path) = 0;
  // Removes every file below `path` (a folder / key prefix).
  virtual Status remove_directory(std::string_view path) = 0;
  // Relative paths of the files directly or indirectly below `path`, sorted.
  virtual Result<std::vector<std::string>> list(std::string_view path) = 0;
};

// The backend FileSettings.DriverName names; 500 for an unknown driver.
Result<std::unique_ptr<Backend>> make_backend(const config::FileSettings& settings);

// Whether `path` is a safe relative path (no "..", no leading "/", no NUL): every backend
// refuses others with 400 api.file.invalid_path.app_error.
bool is_safe_path(std::string_view path);

}  // namespace parley::files
