// ZipReader over libzip's in-memory sources.
#include "extract/zip_reader.h"

#include <zip.h>

namespace parley::extract {

void ZipReader::Close::operator()(zip* z) const {
  zip_discard(z);
}

ZipReader::ZipReader(std::unique_ptr<zip, Close> archive, uint64_t inflate_budget)
    : archive_(std::move(archive)), budget_left_(inflate_budget) {
  zip_int64_t n = zip_get_num_entries(archive_.get(), 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(archive_.get(), static_cast<zip_uint64_t>(i), 0, &st) != 0 || !st.name)
      continue;
    entries_.push_back({st.name, static_cast<uint64_t>(i)});
  }
}

std::optional<ZipReader> ZipReader::open(std::string_view data, uint64_t inflate_budget) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(data.data(), data.size(), 0, &error);
  if (!source) {
    zip_error_fini(&error);
    return std::nullopt;
  }
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  zip_error_fini(&error);
  if (!archive) {
    zip_source_free(source);  // zip_open_from_source keeps it only on success
    return std::nullopt;
  }
  return ZipReader(std::unique_ptr<zip, Close>(archive), inflate_budget);
}

const ZipReader::Entry* ZipReader::find(std::string_view name) const {
  for (const auto& e : entries_)
    if (e.name == name) return &e;
  return nullptr;
}

std::optional<std::string> ZipReader::read(std::string_view name, uint64_t limit) const {
  const Entry* e = find(name);
  if (!e) return std::nullopt;
  return read(*e, limit);
}

std::optional<std::string> ZipReader::read(const Entry& entry, uint64_t limit) const {
  std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(
      zip_fopen_index(archive_.get(), entry.index, 0), zip_fclose);
  if (!file) return std::nullopt;
  // The declared size may lie: count what actually inflates.
  std::string out;
  char buf[65536];
  for (;;) {
    zip_int64_t got = zip_fread(file.get(), buf, sizeof buf);
    if (got < 0) return std::nullopt;
    if (got == 0) break;
    auto n = static_cast<uint64_t>(got);
    if (out.size() + n > limit || n > budget_left_) return std::nullopt;
    budget_left_ -= n;
    out.append(buf, static_cast<std::size_t>(got));
  }
  return out;
}

}  // namespace parley::extract
