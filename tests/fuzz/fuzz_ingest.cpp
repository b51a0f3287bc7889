// libFuzzer harness: any bytes, split at a data-chosen point, must end in a report (and, read
// again as a member list, a win-back plan) or a HuikeError — never a crash, hang, sanitizer report or other exception.
// Under ctest it is built with the normal compiler and replay_main.cpp, and replays
// tests/fixtures and tests/fuzz/corpus (every past finding: keep each one there as a file).
// Fuzzing itself needs clang (not part of the test command):
//   clang++ -std=c++20 -O1 -g -fsanitize=fuzzer,address,undefined -Isrc tests/fuzz/fuzz_ingest.cpp
//     $(find src -name '*.cpp' ! -path 'src/cli/*') -o build/fuzz_ingest
//   build/fuzz_ingest -max_total_time=300 -max_len=4096 tests/fuzz/corpus tests/fixtures
// and copy any crash-* file it writes into tests/fuzz/corpus with a name saying what it found.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/error.h"
#include "session.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const size_t split = size ? data[0] % (size + 1) : 0;
  try {
    huike::Session session;
    session.begin(nlohmann::json::object());
    session.feed(bytes.substr(0, split));
    session.feed(bytes.substr(split));
    session.finish();
    session.report(nlohmann::json::object()).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    session.customers_csv(nlohmann::json::object());
    session.winback_csv(nlohmann::json::object());
    // The same bytes as a member list (the win-back plan's second file).
    try {
      session.load_member_list(bytes, nlohmann::json::object());
      session.report(nlohmann::json::object()).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      session.winback_csv(nlohmann::json::object());
    } catch (const huike::HuikeError&) {
    }
  } catch (const huike::HuikeError&) {
  }
  return 0;
}
