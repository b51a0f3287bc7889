// libFuzzer target for the CSV tokenizer: any bytes, under every delimiter the reader uses,
// give the same records whether fed whole or split at a data-chosen point (the engine's
// answer must never depend on where a chunk ends), and never crash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "ingest/csv_tokenizer.h"

namespace {

struct Collect : huike::RecordSink {
  std::vector<std::vector<std::string>> records;
  std::vector<int64_t> lines;
  void record(const std::string_view* fields, size_t count, int64_t line) override {
    records.emplace_back(fields, fields + count);
    lines.push_back(line);
  }
};

// Records of `bytes` fed in two pieces cut at `split`; false when the tokenizer refused them.
bool tokenize(std::string_view bytes, size_t split, char delimiter, Collect& out) {
  try {
    huike::CsvTokenizer tokenizer(delimiter);
    tokenizer.feed(bytes.substr(0, split), out);
    tokenizer.feed(bytes.substr(split), out);
    tokenizer.finish(out);
    return true;
  } catch (const huike::HuikeError&) {
    return false;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const size_t split = size ? data[0] % (size + 1) : 0;
  for (char delimiter : {',', '\t', ';', '|', ' '}) {
    Collect whole, parts;
    const bool a = tokenize(bytes, size, delimiter, whole);
    const bool b = tokenize(bytes, split, delimiter, parts);
    if (a != b || whole.records != parts.records || whole.lines != parts.lines) std::abort();
  }
  return 0;
}
