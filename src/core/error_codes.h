#pragma once
#include <cstdint>
#include <string_view>

namespace huike {

// Every stable E_... code, in one list: the engine and the CLI throw them as ErrorCode,
// wasm/ passes their names to JS, and tools/gen_error_codes writes the same list to
// web/protocol/error_codes.js (a test fails when that file is stale). Codes the engine
// never throws are here too, so the page, the worker and portals share one vocabulary.
// Origins, where a code is raised: engine (src/, any host), wasm (wasm/huike_bindings.cpp),
// cli (src/cli), web (the worker and the JS client; never thrown in C++).
#define HUIKE_ERROR_CODES(X)                                                                              \
  X(E_BAD_OPTION, "engine", "an option has the wrong type or an unknown value")                           \
  X(E_STATE, "engine", "calls out of order (feed before begin, report before finish)")                    \
  X(E_NO_SESSION, "wasm", "an engine call before begin()")                                                \
  X(E_EMPTY_FILE, "engine", "the file is empty")                                                          \
  X(E_NO_ROWS, "engine", "the file has no data rows")                                                     \
  X(E_NO_USABLE_ROWS, "engine", "no row could be used; input.excluded says why")                          \
  X(E_NO_CUSTOMER_COLUMN, "engine", "no customer column was found or mapped")                             \
  X(E_NO_DATE_COLUMN, "engine", "no date column was found or mapped")                                     \
  X(E_NO_AMOUNT_COLUMN, "engine", "no amount column, nor quantity and unit price")                        \
  X(E_UNKNOWN_COLUMN, "engine", "a column mapping names a column the file does not have")                 \
  X(E_SPREADSHEET_FILE, "engine", "an .xlsx/.xls spreadsheet, not a CSV")                                 \
  X(E_UTF16_FILE, "engine", "a UTF-16 text file; save it as UTF-8 CSV")                                   \
  X(E_BINARY_FILE, "engine", "binary data, not a text table")                                             \
  X(E_UNTERMINATED_QUOTE, "engine", "a quoted field is never closed")                                     \
  X(E_RECORD_TOO_LONG, "engine", "one row is longer than the row size limit")                             \
  X(E_TOO_MANY_COLUMNS, "engine", "a row has more columns than the column limit")                         \
  X(E_AMAZON_ALL_ORDERS, "engine", "an Amazon All Orders report, which has no buyer column")               \
  X(E_MIXED_ENCODING, "engine", "UTF-8 and GBK lines in one file; one would be garbled")                   \
  X(E_NO_PURCHASES, "engine", "every order is a return (negative amount)")                                \
  X(E_NO_MEMBER_ID_COLUMN, "engine", "a member list has no member id column")                            \
  X(E_PREDICT_OPTION, "engine", "a prediction option has a wrong value")                                  \
  X(E_PREDICT_RANGE, "engine", "purchase dates span too long a time to model")                            \
  X(E_PREDICT_CALIBRATION_END, "engine", "no customer bought on or before the calibration end")           \
  X(E_PREDICT_NO_PURCHASES, "engine", "no purchases to model")                                            \
  X(E_CONSUMPTION_COLUMNS, "engine", "the consumption table has no product or no days-per-unit column")    \
  X(E_CONSUMPTION_ROW, "engine", "a consumption table row lacks its product or its days per unit")      \
  X(E_CONSUMPTION_DAYS, "engine", "a consumption table's days per unit is not a positive number")        \
  X(E_CONSUMPTION_DUPLICATE, "engine", "a product is twice in the consumption table with other days")    \
  X(E_OUT_OF_MEMORY, "wasm web", "the engine ran out of memory")                                          \
  X(E_FILE_TOO_LARGE, "web", "the input would not fit in one engine's memory")                           \
  X(E_INTERNAL, "wasm cli web", "an unexpected failure (a bug)")                                          \
  X(E_OPEN, "cli", "a file cannot be opened")                                                             \
  X(E_READ, "cli", "a file cannot be read")                                                               \
  X(E_WRITE, "cli", "a file cannot be written")                                                           \
  X(E_CANCELLED, "web", "the user or the host cancelled the request")                                     \
  X(E_WORKER_CRASHED, "web", "the worker stopped unexpectedly")                                           \
  X(E_DISPOSED, "web", "the analyzer was disposed")                                                       \
  X(E_BAD_INPUT, "web", "the input is not a File, Blob, ArrayBuffer or string")                           \
  X(E_BAD_REQUEST, "web", "the worker got a request type it does not know")                               \
  X(E_NO_INPUT, "web", "no file was given")

enum class ErrorCode : uint8_t {
#define HUIKE_ERROR_ENUM(code, origin, description) code,
  HUIKE_ERROR_CODES(HUIKE_ERROR_ENUM)
#undef HUIKE_ERROR_ENUM
};

struct ErrorCodeInfo {
  ErrorCode code;
  std::string_view name;         // "E_BAD_OPTION"
  std::string_view origin;       // space-separated: engine, wasm, cli, web
  std::string_view description;  // short, English
};

inline constexpr ErrorCodeInfo kErrorCodes[] = {
#define HUIKE_ERROR_INFO(code, origin, description) {ErrorCode::code, #code, origin, description},
    HUIKE_ERROR_CODES(HUIKE_ERROR_INFO)
#undef HUIKE_ERROR_INFO
};

constexpr std::string_view error_code_name(ErrorCode code) { return kErrorCodes[static_cast<int>(code)].name; }

}  // namespace huike
