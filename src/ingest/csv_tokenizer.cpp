#include "ingest/csv_tokenizer.h"

#include <cstring>

#include "core/error.h"

namespace huike {

namespace {
inline bool is_blank(char c) { return c == ' ' || c == '\t'; }

constexpr uint64_t kOnes = 0x0101010101010101ull;
constexpr uint64_t kHighBits = 0x8080808080808080ull;
// High bit set in the bytes of `word` equal to the byte in `pattern` (exact for the lowest one).
inline uint64_t bytes_equal(uint64_t word, uint64_t pattern) {
  const uint64_t x = word ^ pattern;
  return (x - kOnes) & ~x & kHighBits;
}

// First index from `i` holding '\n' or the delimiter (or a tab in aligned mode), or `size`.
inline size_t find_field_end(const char* data, size_t i, size_t size, char delimiter, bool aligned) {
  const uint64_t newline = kOnes * '\n', delim = kOnes * static_cast<uint8_t>(delimiter), tab = kOnes * '\t';
  for (; i + 8 <= size; i += 8) {
    uint64_t word;
    std::memcpy(&word, data + i, 8);
    uint64_t hits = bytes_equal(word, newline) | bytes_equal(word, delim);
    if (aligned) hits |= bytes_equal(word, tab);
    if (hits) return i + (__builtin_ctzll(hits) >> 3);
  }
  for (; i < size; ++i) {
    const char c = data[i];
    if (c == '\n' || c == delimiter || (aligned && c == '\t')) return i;
  }
  return size;
}

// The first '"' from `i` (or `size`), counting the newlines passed into `line`.
inline size_t find_quote(const char* data, size_t i, size_t size, int64_t& line) {
  const uint64_t quote = kOnes * '"', newline = kOnes * '\n';
  while (i + 8 <= size) {
    uint64_t word;
    std::memcpy(&word, data + i, 8);
    const uint64_t hits = bytes_equal(word, quote) | bytes_equal(word, newline);
    if (!hits) {
      i += 8;
      continue;
    }
    const size_t at = i + (__builtin_ctzll(hits) >> 3);  // the lowest hit is exact
    if (data[at] == '"') return at;
    ++line;
    i = at + 1;
  }
  for (; i < size && data[i] != '"'; ++i) line += data[i] == '\n';
  return i;
}
}  // namespace

CsvTokenizer::CsvTokenizer(char delimiter) : delimiter_(delimiter), fields_(kMaxFields) {}

[[noreturn]] void CsvTokenizer::too_many_fields() const {
  throw HuikeError(ErrorCode::E_TOO_MANY_COLUMNS, "a row has more than " + std::to_string(kMaxFields) + " columns",
                   record_line_);
}

inline void CsvTokenizer::end_field(const char* data, size_t start, size_t end) {
  if (field_count_ == kMaxFields) too_many_fields();
  fields_[field_count_++] = std::string_view(data + start, end - start);
}

// The record ends at the newline data[newline].
inline void CsvTokenizer::end_record(size_t newline, RecordSink& sink) {
  emit(sink);
  ++line_;
  record_line_ = line_;
  record_start_ = newline + 1;
}

// Ends the unquoted field [start, at) of delimited text at the newline or delimiter data[at].
inline void CsvTokenizer::end_plain_field(const char* data, size_t start, size_t at, RecordSink& sink) {
  if (data[at] != '\n') return end_field(data, start, at);
  const size_t end = at > start && data[at - 1] == '\r' ? at - 1 : at;
  end_field(data, start, end);
  end_record(at, sink);
}

void CsvTokenizer::unescape_fields() {  // rare: fields with "" inside quotes
  // Grow first: growing while views point into short (inline) strings would move them.
  if (unescaped_.size() < escaped_fields_.size()) unescaped_.resize(escaped_fields_.size());
  for (size_t k = 0; k < escaped_fields_.size(); ++k) {
    std::string& out = unescaped_[k];
    const std::string_view text = fields_[escaped_fields_[k]];
    out.clear();
    size_t from = 0;
    for (size_t pair; (pair = text.find("\"\"", from)) != std::string_view::npos; from = pair + 2) {
      out.append(text.data() + from, pair + 1 - from);  // up to and with the first quote of ""
    }
    out.append(text.data() + from, text.size() - from);
    fields_[escaped_fields_[k]] = out;
  }
  escaped_fields_.clear();
}

void CsvTokenizer::emit(RecordSink& sink) {
  if (!escaped_fields_.empty()) unescape_fields();
  const bool blank = field_count_ == 0 || (field_count_ == 1 && fields_[0].empty());
  if (blank) {
    ++blank_lines_;
  } else {
    sink.record(fields_.data(), field_count_, record_line_);
  }
  field_count_ = 0;
}

// Delimited text, inside an unquoted field: every newline or delimiter in an 8-byte word
// ends a field, so each byte is read once. Returns true when it stopped at a field start
// the state machine must see (a quote, or the end of the data), i == field_start; false
// when fewer than 8 bytes are left.
inline bool CsvTokenizer::scan_plain(const char* data, size_t size, size_t& i, size_t& field_start,
                                     RecordSink& sink) {
  const char delimiter = delimiter_;
  const uint64_t newline = kOnes * '\n', delim = kOnes * static_cast<uint8_t>(delimiter);
  for (; i + 8 <= size; i += 8) {
    uint64_t word;
    std::memcpy(&word, data + i, 8);
    // bytes_equal can mark a false hit just above a true one, so each hit is checked.
    uint64_t hits = bytes_equal(word, newline) | bytes_equal(word, delim);
    while (hits) {
      const size_t at = i + (__builtin_ctzll(hits) >> 3);
      hits &= hits - 1;
      if (data[at] != '\n' && data[at] != delimiter) continue;
      end_plain_field(data, field_start, at, sink);
      field_start = at + 1;
      if (field_start == size || data[field_start] == '"') {
        i = field_start;
        return true;
      }
    }
  }
  return false;
}

// One pass over the bytes: finds field and record boundaries at once, so quotes are only
// special at the start of a field (a stray " inside 12" vinyl stays text).
void CsvTokenizer::scan(const char* data, size_t size, RecordSink& sink) {
  const char delimiter = delimiter_;
  const bool aligned = delimiter == ' ';
  size_t i = pos_;
  // Locals, not members, so the compiler keeps them in registers across the sink call.
  State state = state_;
  size_t field_start = field_start_;
  while (i < size) {
    const char c = data[i];
    switch (state) {
      case State::field_start:
        if (c == '"') {
          state = State::quoted;
          field_start = i + 1;
          ++i;
          continue;
        }
        if (aligned && is_blank(c)) {
          ++i;
          continue;
        }
        field_start = i;
        state = State::unquoted;
        [[fallthrough]];
      case State::unquoted: {
        if (!aligned && scan_plain(data, size, i, field_start, sink)) {
          state = State::field_start;
          continue;
        }
        i = find_field_end(data, i, size, delimiter, aligned);
        if (i == size) continue;
        if (!aligned) {
          end_plain_field(data, field_start, i, sink);
        } else if (data[i] == '\n') {
          size_t end = i > field_start && data[i - 1] == '\r' ? i - 1 : i;
          while (end > field_start && is_blank(data[end - 1])) --end;
          if (end > field_start) end_field(data, field_start, end);
          end_record(i, sink);
        } else {
          end_field(data, field_start, i);
        }
        state = State::field_start;
        ++i;
        continue;
      }
      case State::quoted: {
        i = find_quote(data, i, size, line_);
        if (i == size) continue;
        state = State::quote_in_quoted;
        ++i;
        continue;
      }
      case State::quote_in_quoted:
        if (c == '"') {  // "" inside quotes
          field_escapes_ = true;
          state = State::quoted;
          ++i;
          continue;
        }
        field_end_ = i - 1;  // the closing quote
        state = State::after_quoted;
        [[fallthrough]];
      case State::after_quoted: {
        // Blanks between a closing quote and the delimiter are dropped; other text there
        // ("2"0") makes the field malformed: it is kept raw from after the opening quote
        // (2"0"), so a number cell does not parse and nothing is read silently as 2.
        while (i < size && data[i] != '\n' && data[i] != delimiter && !(aligned && data[i] == '\t')) {
          after_quote_text_ |= !is_blank(data[i]) && data[i] != '\r';
          ++i;
        }
        if (i == size) continue;
        if (after_quote_text_) {
          after_quote_text_ = false;
          field_end_ = i;
          while (field_end_ > field_start && (is_blank(data[field_end_ - 1]) || data[field_end_ - 1] == '\r')) {
            --field_end_;
          }
        }
        if (field_escapes_) {
          escaped_fields_.push_back(static_cast<uint32_t>(field_count_));
          field_escapes_ = false;
        }
        end_field(data, field_start, field_end_);
        state = State::field_start;
        if (data[i] == '\n') end_record(i, sink);
        ++i;
        continue;
      }
    }
  }
  pos_ = i;
  state_ = state;
  field_start_ = field_start;
}

void CsvTokenizer::rebuild_carried_fields() {
  for (size_t k = 0; k < carried_.size(); ++k) {
    fields_[k] = std::string_view(pending_.data() + carried_[k].first, carried_[k].second);
  }
}

// After a scan of `base`: keeps the unfinished record's fields as offsets from its start,
// which becomes pending_[0] (the caller moves the bytes there).
void CsvTokenizer::carry_unfinished(const char* base) {
  carried_.clear();
  for (size_t k = 0; k < field_count_; ++k) {
    carried_.emplace_back(static_cast<size_t>(fields_[k].data() - base) - record_start_, fields_[k].size());
  }
  field_start_ -= std::min(field_start_, record_start_);
  field_end_ -= std::min(field_end_, record_start_);
  pos_ -= record_start_;
}

void CsvTokenizer::feed(std::string_view text, RecordSink& sink) {
  // Finish a carried record in pending_, copying from `text` only up to a newline, at
  // least as many bytes as are pending (so a long quoted record is copied O(1) times).
  while (!pending_.empty() && !text.empty()) {
    size_t cut = text.find('\n', std::min(pending_.size(), text.size()));
    cut = cut == std::string_view::npos ? text.size() : cut + 1;
    pending_.append(text.data(), cut);
    text.remove_prefix(cut);
    rebuild_carried_fields();  // the append may have moved pending_
    scan(pending_.data(), pending_.size(), sink);
    carry_unfinished(pending_.data());
    pending_.erase(0, record_start_);
    record_start_ = 0;
    rebuild_carried_fields();
  }
  if (!text.empty()) {  // at a record start: scan `text` in place
    record_start_ = 0;
    pos_ = 0;
    scan(text.data(), text.size(), sink);
    carry_unfinished(text.data());
    pending_.assign(text.data() + record_start_, text.size() - record_start_);
    record_start_ = 0;
    rebuild_carried_fields();
  }
  if (pending_.size() > kMaxRecordBytes) {
    throw HuikeError(ErrorCode::E_RECORD_TOO_LONG,
                     "a row is longer than " + std::to_string(kMaxRecordBytes >> 20) +
                         " MiB; is this a text order file?",
                     record_line_);
  }
}

void CsvTokenizer::finish(RecordSink& sink) {
  if (state_ == State::quoted) {
    unterminated_quote_ = true;
    throw HuikeError(ErrorCode::E_UNTERMINATED_QUOTE, "a quoted field is never closed", record_line_);
  }
  if (!pending_.empty()) {
    pending_.push_back('\n');  // end the last record as if the file ended with a newline
    rebuild_carried_fields();   // the push may have moved pending_
    scan(pending_.data(), pending_.size(), sink);
  }
  pending_.clear();
}

}  // namespace huike
