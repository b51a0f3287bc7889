#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/error_codes.h"
#include "ingest/amount_level.h"
#include "ingest/order_reader.h"

namespace huike {

// One platform's export layout, as data: the headers that identify it and, per role,
// its own header names (normalised as in column_roles: lower case, no blanks or
// punctuation; "用户实付金额(元)" is matched as "用户实付金额"). Roles it does not
// list fall back to the generic aliases.
struct PlatformLayout {
  const char* key;   // "pinduoduo", "amazon_order_report", ...
  const char* name;  // for people: "Pinduoduo 拼多多 order export"
  std::vector<const char*> signature;  // all present → this layout
  std::vector<const char*> roles[kColumnRoleCount];  // by ColumnRole, best first
  AmountLevelHint amount_level;  // what the platform's amount column is
  // A layout that cannot be analysed when no customer column was mapped: the error.
  std::optional<ErrorCode> refusal_code;
  const char* refusal_message = nullptr;
};

// Every layout, most specific first (the README lists them).
const std::vector<PlatformLayout>& platform_layouts();

// The layout whose signature headers are all in `normalised_header`, or nullptr.
const PlatformLayout* detect_platform(const std::vector<std::string>& normalised_header);

}  // namespace huike
