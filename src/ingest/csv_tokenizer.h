#pragma once
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace huike {

class RecordSink {
 public:
  virtual ~RecordSink() = default;
  // fields[0..count) are valid only during the call; `line` is the record's first line (1-based).
  virtual void record(const std::string_view* fields, size_t count, int64_t line) = 0;
};

// Splits UTF-8 text fed in chunks of any size into records (RFC 4180 quoting, CRLF or LF,
// quoted newlines; a malformed quoted field like "2"0" is kept raw as 2"0"). delimiter ' ' means whitespace-aligned columns: runs of spaces/tabs
// separate fields and leading/trailing blanks are ignored. Blank lines are skipped.
// Only state and the unfinished record are carried between chunks.
class CsvTokenizer {
 public:
  static constexpr size_t kMaxRecordBytes = 64u << 20;
  static constexpr size_t kMaxFields = 4096;

  explicit CsvTokenizer(char delimiter);
  void feed(std::string_view text, RecordSink& sink);
  void finish(RecordSink& sink);

  int64_t lines() const { return line_ - 1; }  // complete after finish()
  uint64_t blank_lines() const { return blank_lines_; }
  bool unterminated_quote() const { return unterminated_quote_; }

 private:
  enum class State : uint8_t { field_start, unquoted, quoted, quote_in_quoted, after_quoted };
  void scan(const char* data, size_t size, RecordSink& sink);
  bool scan_plain(const char* data, size_t size, size_t& i, size_t& field_start, RecordSink& sink);
  void end_field(const char* data, size_t start, size_t end);
  void end_plain_field(const char* data, size_t start, size_t at, RecordSink& sink);
  void end_record(size_t newline, RecordSink& sink);
  void emit(RecordSink& sink);
  void unescape_fields();
  void carry_unfinished(const char* base);
  [[noreturn]] void too_many_fields() const;
  void rebuild_carried_fields();

  char delimiter_;
  State state_ = State::field_start;
  std::string pending_;          // the unfinished record, when a chunk ends inside one
  size_t record_start_ = 0;      // offsets into the buffer being scanned
  size_t field_start_ = 0;
  size_t field_end_ = 0;
  size_t pos_ = 0;
  bool field_escapes_ = false;
  bool after_quote_text_ = false;  // text after a field's closing quote (a malformed field)
  std::vector<std::string_view> fields_;      // of the record being read: kMaxFields slots
  size_t field_count_ = 0;
  std::vector<uint32_t> escaped_fields_;      // indexes of fields holding "" escapes
  std::vector<std::pair<size_t, size_t>> carried_;  // unfinished fields as (offset, size) in pending_
  std::vector<std::string> unescaped_;
  int64_t line_ = 1;             // line of the next byte
  int64_t record_line_ = 1;
  uint64_t blank_lines_ = 0;
  bool unterminated_quote_ = false;
};

}  // namespace huike
