// Text extraction from uploaded files for file search (Mattermost's docextractor with
// FileSettings.ExtractContent): the extractors tried in Mattermost's order, the first that
// matches the file name and succeeds wins:
//   documents by extension (docx, pptx, odt, html), spreadsheets (xlsx, xlsm, xltx, xltm),
//   pdf, zip archives (entry names; with ArchiveRecursion also the entries' text), and last
//   plain text, which takes any file whose first KiB reads as text.
// Each extractor returns nullopt when the bytes are not what it reads (the next one is tried).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace parley::extract {

struct Settings {
  bool archive_recursion = false;  // FileSettings.ArchiveRecursion
  int64_t max_entry_size = 0;      // largest archive entry read (FileSettings.MaxFileSize); 0 none
};

// The searchable text of a file called `name` (its extension picks the extractors); "" when
// nothing could be read.
std::string extract_text(std::string_view name, std::string_view data, const Settings& settings);

// Mattermost's plain extractor: the whole file when its first KiB is printable text or white
// space (bytes that are not UTF-8 pass, as in Go), nullopt otherwise.
std::optional<std::string> plain_text(std::string_view data);
// The text of every page (poppler), pages separated by a line break.
std::optional<std::string> pdf_text(std::string_view data);
// Office Open XML and OpenDocument files (zip packages of XML parts), by lower-case extension:
// docx (body, headers, footers), pptx (slides in order), odt (content.xml), xlsx/xlsm/xltx/xltm
// ("=== sheet ===" then one line of tab-separated cells per non-empty row).
std::optional<std::string> office_text(std::string_view extension, std::string_view data);
// The text of an HTML document's body, without scripts and styles; blocks on their own lines.
std::optional<std::string> html_text(std::string_view data);
// A zip archive: each file entry's path followed by a space; with `archive_recursion` each
// path is followed by the entry's plain text (Mattermost hands entries to its extractors under
// their base name with dots replaced, so only the plain extractor ever matches). nullopt when
// not a zip or an entry is larger than max_entry_size.
std::optional<std::string> zip_text(std::string_view data, const Settings& settings);

// `text` as storable text: valid UTF-8 (bytes that are not become U+FFFD), without NUL bytes,
// cut at a character boundary to at most `max_bytes`.
std::string storable_text(std::string_view text, std::size_t max_bytes);

}  // namespace parley::extract
