// AppErrors shared by the file backends.
#pragma once

#include <string>
#include <string_view>

#include "util/app_error.h"

namespace parley::files {

inline AppError invalid_path(std::string_view path) {
  return AppError::make("api.file.invalid_path.app_error", "Invalid file path.", 400,
                        "path=" + std::string(path));
}
inline AppError file_not_found(std::string_view path) {
  return AppError::make("api.file.read_file.not_found", "Unable to find the file.", 404,
                        "path=" + std::string(path));
}
inline AppError storage_error(std::string id, std::string detail) {
  return AppError::make(std::move(id), "Encountered an error with the file storage.", 500,
                        std::move(detail));
}

}  // namespace parley::files
