#pragma once
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/order_reader.h"

namespace huike {

// How well a header names a role: 0 = not at all, higher = better.
int header_match(ColumnRole role, std::string_view header);

// Best column per role by header name; each column serves one role. -1 = none.
std::array<int, kColumnRoleCount> roles_from_header(const std::vector<std::string>& header);

// True when a first row reads like a header (names, not data).
bool looks_like_header(const std::vector<std::string>& first_row);

// For files without a header (CDNOW): guess customer / date / amount / quantity
// from the values of the first rows.
std::array<int, kColumnRoleCount> roles_from_values(const std::vector<std::vector<std::string>>& rows);

// Header spellings we look for, for the error message when a role is missing.
std::string role_examples(ColumnRole role);

}  // namespace huike
