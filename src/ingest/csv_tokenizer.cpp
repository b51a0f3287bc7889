#include "ingest/csv_tokenizer.h"

#include "core/error.h"

namespace huike {

namespace {
inline bool is_blank(char c) { return c == ' ' || c == '\t'; }
}  // namespace

void CsvTokenizer::end_field(size_t end) {
  if (spans_.size() >= kMaxFields) {
    throw HuikeError("E_TOO_MANY_COLUMNS",
                     "a row has more than " + std::to_string(kMaxFields) + " columns", record_line_);
  }
  spans_.push_back({static_cast<uint32_t>(field_start_), static_cast<uint32_t>(end), field_escapes_});
  field_escapes_ = false;
}

void CsvTokenizer::emit(const char* data, RecordSink& sink) {
  fields_.clear();
  size_t escaped = 0;
  for (const FieldSpan& span : spans_) {
    std::string_view text(data + span.begin, span.end - span.begin);
    if (span.has_escaped_quotes) {
      if (unescaped_.size() <= escaped) unescaped_.emplace_back();
      std::string& out = unescaped_[escaped++];
      out.clear();
      for (size_t i = 0; i < text.size(); ++i) {
        out.push_back(text[i]);
        if (text[i] == '"' && i + 1 < text.size() && text[i + 1] == '"') ++i;
      }
      text = out;
    }
    fields_.push_back(text);
  }
  spans_.clear();
  const bool blank = fields_.empty() || (fields_.size() == 1 && fields_[0].empty());
  if (blank) {
    ++blank_lines_;
  } else {
    sink.record(fields_, record_line_);
  }
}

// One pass over the bytes: finds field and record boundaries at once, so quotes are only
// special at the start of a field (a stray " inside 12" vinyl stays text).
void CsvTokenizer::scan(const char* data, size_t size, RecordSink& sink) {
  const char delimiter = delimiter_;
  const bool aligned = delimiter == ' ';
  size_t i = pos_;
  while (i < size) {
    const char c = data[i];
    switch (state_) {
      case State::field_start:
        if (c == '"') {
          state_ = State::quoted;
          field_start_ = i + 1;
          ++i;
          continue;
        }
        if (aligned && is_blank(c)) {
          ++i;
          continue;
        }
        field_start_ = i;
        state_ = State::unquoted;
        [[fallthrough]];
      case State::unquoted: {
        // Hot loop: plain field bytes.
        while (i < size) {
          const char d = data[i];
          if (d == '\n' || d == delimiter || (aligned && d == '\t')) break;
          ++i;
        }
        if (i == size) continue;
        const char d = data[i];
        size_t end = i;
        if (d == '\n') {
          if (end > field_start_ && data[end - 1] == '\r') --end;
          if (aligned) {
            while (end > field_start_ && is_blank(data[end - 1])) --end;
            if (end > field_start_) end_field(end);
          } else {
            end_field(end);
          }
          emit(data, sink);
          ++line_;
          record_line_ = line_;
          record_start_ = i + 1;
        } else {
          end_field(end);
        }
        state_ = State::field_start;
        ++i;
        continue;
      }
      case State::quoted: {
        while (i < size && data[i] != '"') {
          if (data[i] == '\n') ++line_;
          ++i;
        }
        if (i == size) continue;
        state_ = State::quote_in_quoted;
        ++i;
        continue;
      }
      case State::quote_in_quoted:
        if (c == '"') {  // "" inside quotes
          field_escapes_ = true;
          state_ = State::quoted;
          ++i;
          continue;
        }
        field_end_ = i - 1;  // the closing quote
        state_ = State::after_quoted;
        [[fallthrough]];
      case State::after_quoted: {
        // Text between a closing quote and the delimiter is dropped (lenient).
        while (i < size && data[i] != '\n' && data[i] != delimiter && !(aligned && data[i] == '\t')) ++i;
        if (i == size) continue;
        end_field(field_end_);
        state_ = State::field_start;
        if (data[i] == '\n') {
          emit(data, sink);
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
}

void CsvTokenizer::feed(std::string_view text, RecordSink& sink) {
  if (text.empty()) return;
  if (pending_.empty()) {
    record_start_ = 0;
    pos_ = 0;
    scan(text.data(), text.size(), sink);
    if (record_start_ < text.size()) pending_.assign(text.data() + record_start_, text.size() - record_start_);
  } else {
    pending_.append(text);
    scan(pending_.data(), pending_.size(), sink);
    pending_.erase(0, record_start_);
  }
  // Offsets of the unfinished record are now relative to pending_.
  for (FieldSpan& span : spans_) {
    span.begin -= static_cast<uint32_t>(record_start_);
    span.end -= static_cast<uint32_t>(record_start_);
  }
  field_start_ -= std::min(field_start_, record_start_);
  field_end_ -= std::min(field_end_, record_start_);
  pos_ -= record_start_;
  record_start_ = 0;
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
  if (!pending_.empty() || !spans_.empty()) {
    pending_.push_back('\n');  // end the last record as if the file ended with a newline
    scan(pending_.data(), pending_.size(), sink);
  }
  pending_.clear();
}

}  // namespace huike
