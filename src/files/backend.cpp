// Driver selection and path validation shared by every backend.
#include "files/backend.h"

#include "files/local_backend.h"
#include "files/s3_backend.h"

namespace parley::files {

bool is_safe_path(std::string_view path) {
  if (path.empty() || path.front() == '/' || path.find('\0') != std::string_view::npos ||
      path.find('\\') != std::string_view::npos)
    return false;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    std::string_view part = path.substr(start, end - start);
    if (part == "..") return false;
    start = end + 1;
  }
  return true;
}

Result<std::unique_ptr<Backend>> make_backend(const config::FileSettings& s) {
  if (s.driver_name == "local" || s.driver_name.empty())
    return std::unique_ptr<Backend>(
        std::make_unique<LocalBackend>(s.directory.empty() ? "./data/" : s.directory));
  if (s.driver_name == "amazons3") {
    auto b = S3Backend::create(S3Options::from_settings(s));
    if (!b) return std::move(b).error();
    return std::unique_ptr<Backend>(std::move(b).value());
  }
  return AppError::make("api.file.no_driver.app_error", "No file driver selected.", 500,
                        "driver=" + s.driver_name);
}

}  // namespace parley::files
