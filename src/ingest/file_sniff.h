#pragma once
// What the first bytes and lines of a file say before any row is read: whether it is
// text at all, how its lines end, its delimiter; and the preview rows of the report.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace huike {

constexpr size_t kSniffLines = 30;           // delimiter and header are decided from these
constexpr size_t kSniffMaxBytes = 1u << 20;  // ... or from the first MiB, if lines are longer
constexpr size_t kBinaryCheckBytes = 4096;
constexpr size_t kPreviewRows = 10;
constexpr size_t kPreviewCellChars = 200;  // longer cells are cut in the preview, ending in …

// Throws HuikeError (E_SPREADSHEET_FILE, E_UTF16_FILE, E_BINARY_FILE) for a file that is no
// text order file, from its first kBinaryCheckBytes.
void check_binary_probe(std::string_view probe);

// Old-Mac files (Excel "CSV (Macintosh)") end lines with a lone CR: the first line end decides.
bool has_cr_line_ends(std::string_view text);

// The delimiter that splits the sample's lines into the same number of columns;
// ' ' for whitespace-aligned columns.
char detect_delimiter(std::string_view sample);

// U+FFFD characters in `text` (each an invalid byte sequence the decoder replaced).
size_t count_replacements(std::string_view text);

// A preview row: cells past kPreviewCellChars characters are cut at a character boundary
// and end in "…", so a huge field is not echoed whole into the report.
std::vector<std::string> preview_row(const std::string_view* fields, size_t count);

}  // namespace huike
