// libFuzzer target over the whole engine: any bytes, split at a data-chosen point, must end
// in a report, a CSV and a prediction (and, read again as a member list, a win-back plan), or
// a HuikeError — never a crash, hang, sanitizer report or other exception.
// Under ctest it is built with the normal compiler and replay_main.cpp, and replays
// tests/fixtures and tests/fuzz/corpus (every past finding: keep each one there as a file).
// Fuzzing itself: scripts/fuzz (clang's libFuzzer); copy any crash-* file it writes into
// tests/fuzz/corpus/ingest with a name saying what it found.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/error.h"
#include "session.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

void session_predict(std::string_view bytes) {
  huike::Session session;
  session.begin(nlohmann::json::object());
  session.feed(bytes);
  session.finish();
  session.predict(nlohmann::json::object()).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

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
    return 0;
  }
  // The models on whatever the input held: a fit, or a HuikeError (too few purchases, dates
  // the models cannot span), never a hang or a crash.
  try {
    session_predict(bytes);
  } catch (const huike::HuikeError&) {
  }
  return 0;
}
