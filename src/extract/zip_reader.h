// Read-only access to a zip archive held in memory (libzip): its entries and their bytes, each
// read with a size cap, and all reads together within one inflation budget, so that a small
// archive cannot inflate into unbounded memory or work (many large parts).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct zip;

namespace parley::extract {

class ZipReader {
 public:
  struct Entry {
    std::string name;  // the path inside the archive; directories end with '/'
    uint64_t index = 0;
    bool is_dir() const { return name.ends_with('/'); }
  };

  // nullopt when `data` is not a readable zip archive. `data` must outlive the reader.
  static std::optional<ZipReader> open(std::string_view data,
                                       uint64_t inflate_budget = kInflateBudget);

  const std::vector<Entry>& entries() const { return entries_; }
  const Entry* find(std::string_view name) const;
  // Bytes all reads of one reader may inflate together.
  static constexpr uint64_t kInflateBudget = 256ull * 1024 * 1024;

  // The entry's bytes; nullopt when unreadable, larger than `limit` bytes once inflated, or
  // past what remains of the reader's inflation budget.
  std::optional<std::string> read(const Entry& entry, uint64_t limit) const;
  // The same for the entry called `name`; nullopt when there is none.
  std::optional<std::string> read(std::string_view name, uint64_t limit) const;

 private:
  struct Close {
    void operator()(zip* z) const;
  };
  ZipReader(std::unique_ptr<zip, Close> archive, uint64_t inflate_budget);

  std::unique_ptr<zip, Close> archive_;
  std::vector<Entry> entries_;
  mutable uint64_t budget_left_;
};

}  // namespace parley::extract
