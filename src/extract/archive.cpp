// Zip archives as Mattermost's archive extractor reads them: the path of every file entry, and
// with ArchiveRecursion the entry's own text after it.
#include "extract/extract.h"
#include "extract/zip_reader.h"

#include <limits>

namespace parley::extract {

std::optional<std::string> zip_text(std::string_view data, const Settings& settings) {
  auto zip = ZipReader::open(data);
  if (!zip) return std::nullopt;
  const uint64_t limit = settings.max_entry_size > 0
                             ? static_cast<uint64_t>(settings.max_entry_size)
                             : std::numeric_limits<uint64_t>::max();
  std::string out;
  for (const auto& entry : zip->entries()) {
    if (entry.is_dir()) continue;
    out += entry.name + " ";
    if (!settings.archive_recursion) continue;
    // An entry over the limit fails the whole archive, as Mattermost's limited reader does.
    auto bytes = zip->read(entry, limit);
    if (!bytes) return std::nullopt;
    if (auto text = plain_text(*bytes)) out += *text + " ";
  }
  return out;
}

}  // namespace parley::extract
