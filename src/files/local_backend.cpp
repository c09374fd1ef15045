// The "local" files driver: plain files below a root folder. Writes go to a temporary file in
// the same folder and are renamed into place, so readers never see half a file.
#include "files/local_backend.h"

#include <algorithm>
#include <fstream>
#include <system_error>

#include "files/errors.h"
#include "util/ids.h"

namespace parley::files {

namespace fs = std::filesystem;

namespace {

AppError io_error(std::string_view what, const fs::path& p, const std::error_code& ec) {
  return storage_error("api.file." + std::string(what) + ".app_error",
                       p.string() + ": " + ec.message());
}

}  // namespace

Status LocalBackend::test_connection() {
  std::error_code ec;
  fs::create_directories(root_, ec);
  if (ec) return io_error("test_connection_local", root_, ec);
  auto probe = write("testfile", "testingwrite");
  if (!probe) return std::move(probe).error();
  return remove("testfile");
}

Result<int64_t> LocalBackend::write(std::string_view path, std::string_view data) {
  if (!is_safe_path(path)) return invalid_path(path);
  fs::path target = root_ / fs::path(std::string(path));
  std::error_code ec;
  fs::create_directories(target.parent_path(), ec);
  if (ec) return io_error("write_file_local", target.parent_path(), ec);
  fs::path tmp = target;
  tmp += ".tmp-" + new_id();
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    out.flush();
    if (!out) {
      fs::remove(tmp, ec);
      return storage_error("api.file.write_file_local.app_error", "cannot write " + tmp.string());
    }
  }
  fs::rename(tmp, target, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(tmp, ignored);
    return io_error("write_file_local", target, ec);
  }
  return static_cast<int64_t>(data.size());
}

Result<std::string> LocalBackend::read(std::string_view path) {
  return read_range(path, 0, -1);
}

Result<std::string> LocalBackend::read_range(std::string_view path, int64_t offset,
                                             int64_t length) {
  if (!is_safe_path(path) || offset < 0) return invalid_path(path);
  fs::path p = root_ / fs::path(std::string(path));
  std::error_code ec;
  if (!fs::is_regular_file(p, ec)) return file_not_found(path);
  auto total = static_cast<int64_t>(fs::file_size(p, ec));
  if (ec) return io_error("read_file", p, ec);
  std::ifstream in(p, std::ios::binary);
  if (!in) return storage_error("api.file.read_file.app_error", "cannot open " + p.string());
  int64_t start = std::min(offset, total);
  int64_t n = total - start;
  if (length >= 0) n = std::min(n, length);
  std::string out(static_cast<size_t>(n), '\0');
  in.seekg(start);
  in.read(out.data(), n);
  if (in.gcount() != n)
    return storage_error("api.file.read_file.app_error", "short read of " + p.string());
  return out;
}

Result<bool> LocalBackend::exists(std::string_view path) {
  if (!is_safe_path(path)) return invalid_path(path);
  std::error_code ec;
  return fs::is_regular_file(root_ / fs::path(std::string(path)), ec);
}

Result<int64_t> LocalBackend::size(std::string_view path) {
  if (!is_safe_path(path)) return invalid_path(path);
  fs::path p = root_ / fs::path(std::string(path));
  std::error_code ec;
  if (!fs::is_regular_file(p, ec)) return file_not_found(path);
  auto n = fs::file_size(p, ec);
  if (ec) return io_error("file_size", p, ec);
  return static_cast<int64_t>(n);
}

Status LocalBackend::remove(std::string_view path) {
  if (!is_safe_path(path)) return invalid_path(path);
  fs::path p = root_ / fs::path(std::string(path));
  std::error_code ec;
  fs::remove(p, ec);
  if (ec) return io_error("remove_file", p, ec);
  return {};
}

Status LocalBackend::remove_directory(std::string_view path) {
  if (!is_safe_path(path)) return invalid_path(path);
  fs::path p = root_ / fs::path(std::string(path));
  std::error_code ec;
  fs::remove_all(p, ec);
  if (ec) return io_error("remove_directory", p, ec);
  return {};
}

Result<std::vector<std::string>> LocalBackend::list(std::string_view path) {
  if (!is_safe_path(path)) return invalid_path(path);
  fs::path dir = root_ / fs::path(std::string(path));
  std::vector<std::string> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  for (auto it = fs::recursive_directory_iterator(dir, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file(ec))
      out.push_back(fs::relative(it->path(), root_, ec).generic_string());
  }
  if (ec) return io_error("list_directory", dir, ec);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace parley::files
