#pragma once
#include <cstdint>
#include <stdexcept>
#include <string>

namespace huike {

// The one error type the engine throws. `code` is stable (E_...), for JS and portals;
// `line` is the 1-based input line it concerns, or 0.
class HuikeError : public std::runtime_error {
 public:
  HuikeError(std::string code, const std::string& message, int64_t line = 0)
      : std::runtime_error(message), code_(std::move(code)), line_(line) {}
  const std::string& code() const { return code_; }
  int64_t line() const { return line_; }

 private:
  std::string code_;
  int64_t line_;
};

}  // namespace huike
