#pragma once
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "core/error_codes.h"

namespace huike {

// The one error type the engine throws. `code` is stable (see core/error_codes.h), for JS
// and portals; `line` is the 1-based input line it concerns, or 0.
class HuikeError : public std::runtime_error {
 public:
  HuikeError(ErrorCode code, const std::string& message, int64_t line = 0)
      : std::runtime_error(message), code_(code), line_(line) {}
  ErrorCode code() const { return code_; }
  std::string_view code_name() const { return error_code_name(code_); }
  int64_t line() const { return line_; }

 private:
  ErrorCode code_;
  int64_t line_;
};

}  // namespace huike
