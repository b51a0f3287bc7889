#include "ingest/file_sniff.h"

#include <cmath>

#include "core/error.h"
#include "ingest/cell_trim.h"

namespace huike {

namespace {

// Counts `delimiter` outside quotes in one line.
size_t count_outside_quotes(std::string_view line, char delimiter) {
  size_t count = 0;
  bool quoted = false;
  for (char c : line) {
    if (c == '"') quoted = !quoted;
    else if (c == delimiter && !quoted) ++count;
  }
  return count;
}

size_t count_blank_runs(std::string_view line) {
  line = trim_cell(line);
  size_t runs = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    if ((line[i] == ' ' || line[i] == '\t') && i > 0 && line[i - 1] != ' ' && line[i - 1] != '\t') ++runs;
  }
  return runs;
}

}  // namespace

bool has_cr_line_ends(std::string_view text) {
  const size_t end = text.find_first_of("\r\n");
  return end != std::string_view::npos && text[end] == '\r' && end + 1 < text.size() && text[end + 1] != '\n';
}

size_t count_replacements(std::string_view text) {
  size_t count = 0;
  for (size_t at = 0; (at = text.find("\xEF\xBF\xBD", at)) != std::string_view::npos; at += 3) ++count;
  return count;
}

char detect_delimiter(std::string_view sample) {
  std::vector<std::string_view> lines;
  for (size_t start = 0; start < sample.size() && lines.size() < kSniffLines;) {
    size_t end = sample.find('\n', start);
    if (end == std::string_view::npos) end = sample.size();
    std::string_view line = trim_cell(sample.substr(start, end - start));
    if (!line.empty()) lines.push_back(line);
    start = end + 1;
  }
  if (lines.empty()) return ',';
  char best = 0;
  double best_score = 0;
  for (char candidate : {',', '\t', ';', '|'}) {
    const size_t first = count_outside_quotes(lines[0], candidate);
    if (first == 0) continue;
    size_t agreeing = 0;
    for (std::string_view line : lines) agreeing += count_outside_quotes(line, candidate) == first;
    const double score = static_cast<double>(agreeing) / lines.size() * (1.0 + std::log2(1.0 + first));
    if (score > best_score) {
      best_score = score;
      best = candidate;
    }
  }
  if (best != 0 && best_score >= 0.5) return best;
  const size_t runs = count_blank_runs(lines[0]);
  if (runs > 0) {
    size_t agreeing = 0;
    for (std::string_view line : lines) agreeing += count_blank_runs(line) == runs;
    if (agreeing * 2 >= lines.size()) return ' ';
  }
  return best != 0 ? best : ',';
}

std::vector<std::string> preview_row(const std::string_view* fields, size_t count) {
  std::vector<std::string> row;
  row.reserve(count);
  for (size_t i = 0; i < count; ++i) {
    const std::string_view cell = fields[i];
    size_t end = 0;
    for (size_t chars = 0; end < cell.size() && chars < kPreviewCellChars; ++chars) {
      ++end;
      while (end < cell.size() && (static_cast<unsigned char>(cell[end]) & 0xC0) == 0x80) ++end;
    }
    row.emplace_back(cell.substr(0, end));
    if (end < cell.size()) row.back() += "\xE2\x80\xA6";  // …
  }
  return row;
}

void check_binary_probe(std::string_view binary_probe) {
  if (binary_probe.rfind("PK\x03\x04", 0) == 0) {
    throw HuikeError(ErrorCode::E_SPREADSHEET_FILE,
                     "this is an Excel .xlsx (zip) file; save it as CSV (UTF-8 or GBK) and open that");
  }
  if (binary_probe.rfind("\xFF\xFE", 0) == 0 || binary_probe.rfind("\xFE\xFF", 0) == 0) {
    throw HuikeError(ErrorCode::E_UTF16_FILE,
                     "this file is UTF-16 (Excel \"Unicode text\"); save it as CSV UTF-8 and open that");
  }
  // Text exports never hold NUL bytes (UTF-16 is caught above).
  if (binary_probe.find('\0') != std::string::npos) {
    throw HuikeError(ErrorCode::E_BINARY_FILE, "this is not a text order file (it contains binary data)");
  }
}

}  // namespace huike
