// The "local" files driver: files below FileSettings.Directory (default ./data/).
#pragma once

#include <filesystem>

#include "files/backend.h"

namespace parley::files {

class LocalBackend final : public Backend {
 public:
  explicit LocalBackend(std::filesystem::path root) : root_(std::move(root)) {}

  std::string_view driver_name() const override { return "local"; }
  Status test_connection() override;
  Result<int64_t> write(std::string_view path, std::string_view data) override;
  Result<std::string> read(std::string_view path) override;
  Result<std::string> read_range(std::string_view path, int64_t offset, int64_t length) override;
  Result<bool> exists(std::string_view path) override;
  Result<int64_t> size(std::string_view path) override;
  Status remove(std::string_view path) override;
  Status remove_directory(std::string_view path) override;
  Result<std::vector<std::string>> list(std::string_view path) override;

 private:
  std::filesystem::path root_;
};

}  // namespace parley::files
