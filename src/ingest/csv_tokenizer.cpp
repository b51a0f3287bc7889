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
// Eight bytes at a time: this loop is most of the time spent reading a file.
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
}  // namespace

CsvTokenizer::CsvTokenizer(char delimiter) : delimiter_(delimiter) {
  fields_.reserve(64);
}

[[noreturn]] void CsvTokenizer::too_many_fields() const {
  throw HuikeError("E_TOO_MANY_COLUMNS", "a row has more than " + std::to_string(kMaxFields) + " columns",
                   record_line_);
}

inline void CsvTokenizer::end_field(const char* data, size_t start, size_t end) {
  if (fields_.size() >= kMaxFields) too_many_fields();
  if (field_escapes_) {
    escaped_fields_.push_back(static_cast<uint32_t>(fields_.size()));
    field_escapes_ = false;
  }
  fields_.emplace_back(data + start, end - start);
}

void CsvTokenizer::emit(RecordSink& sink) {
  for (size_t k = 0; k < escaped_fields_.size(); ++k) {  // rare: fields with "" inside quotes
    if (unescaped_.size() <= k) unescaped_.emplace_back();
    std::string& out = unescaped_[k];
    const std::string_view text = fields_[escaped_fields_[k]];
    out.clear();
    for (size_t i = 0; i < text.size(); ++i) {
      out.push_back(text[i]);
      if (text[i] == '"' && i + 1 < text.size() && text[i + 1] == '"') ++i;
    }
    fields_[escaped_fields_[k]] = out;
  }
  escaped_fields_.clear();
  const bool blank = fields_.empty() || (fields_.size() == 1 && fields_[0].empty());
  if (blank) {
    ++blank_lines_;
  } else {
    sink.record(fields_, record_line_);
  }
  fields_.clear();
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
        i = find_field_end(data, i, size, delimiter, aligned);
        if (i == size) continue;
        const char d = data[i];
        size_t end = i;
        if (d == '\n') {
          if (end > field_start && data[end - 1] == '\r') --end;
          if (aligned) {
            while (end > field_start && is_blank(data[end - 1])) --end;
            if (end > field_start) end_field(data, field_start, end);
          } else {
            end_field(data, field_start, end);
          }
          emit(sink);
          ++line_;
          record_line_ = line_;
          record_start_ = i + 1;
        } else {
          end_field(data, field_start, end);
        }
        state = State::field_start;
        ++i;
        continue;
      }
      case State::quoted: {
        while (i < size && data[i] != '"') {
          if (data[i] == '\n') ++line_;
          ++i;
        }
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
        // Text between a closing quote and the delimiter is dropped (lenient).
        while (i < size && data[i] != '\n' && data[i] != delimiter && !(aligned && data[i] == '\t')) ++i;
        if (i == size) continue;
        end_field(data, field_start, field_end_);
        state = State::field_start;
        if (data[i] == '\n') {
          emit(sink);
          ++line_;
          record_line_ = line_;
          record_start_ = i + 1;
        }
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

void CsvTokenizer::feed(std::string_view text, RecordSink& sink) {
  if (text.empty()) return;
  const char* base;
  if (pending_.empty()) {
    record_start_ = 0;
    pos_ = 0;
    base = text.data();
    scan(base, text.size(), sink);
    if (record_start_ < text.size()) pending_.assign(text.data() + record_start_, text.size() - record_start_);
  } else {
    pending_.append(text);
    rebuild_carried_fields();  // the append may have moved pending_
    base = pending_.data();
    scan(base, pending_.size(), sink);
  }
  // Keep the unfinished record's fields as offsets from its start, which becomes pending_[0].
  carried_.clear();
  for (std::string_view field : fields_) {
    carried_.emplace_back(static_cast<size_t>(field.data() - base) - record_start_, field.size());
  }
  if (base == pending_.data()) pending_.erase(0, record_start_);
  field_start_ -= std::min(field_start_, record_start_);
  field_end_ -= std::min(field_end_, record_start_);
  pos_ -= record_start_;
  record_start_ = 0;
  rebuild_carried_fields();
  if (pending_.size() > kMaxRecordBytes) {
    throw HuikeError("E_RECORD_TOO_LONG",
                     "a row is longer than " + std::to_string(kMaxRecordBytes >> 20) +
                         " MiB; is this a text order file?",
                     record_line_);
  }
}

void CsvTokenizer::finish(RecordSink& sink) {
  if (state_ == State::quoted) {
    unterminated_quote_ = true;
    throw HuikeError("E_UNTERMINATED_QUOTE", "a quoted field is never closed", record_line_);
  }
  if (!pending_.empty()) {
    pending_.push_back('\n');  // end the last record as if the file ended with a newline
    rebuild_carried_fields();   // the push may have moved pending_
    scan(pending_.data(), pending_.size(), sink);
  }
  pending_.clear();
}

}  // namespace huike
