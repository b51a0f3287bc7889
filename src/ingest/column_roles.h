#pragma once
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/order_reader.h"

namespace huike {

// Lower case ASCII, blanks and punctuation dropped, 帐 read as 账; with
// `drop_parenthetical` also the parts in ( ) or （ ）: "用户实付金额(元)" → "用户实付金额".
std::string normalise_header(std::string_view header, bool drop_parenthetical);

// How well a header names a role: 0 = not at all, higher = better.
int header_match(ColumnRole role, std::string_view header);

struct PlatformLayout;

// Best column per role by header name; each column serves one role. -1 = none. A file
// in a known platform layout (platform_layouts.h) is mapped by that platform's names
// first; `platform` receives it (nullptr when none matched).
std::array<int, kColumnRoleCount> roles_from_header(const std::vector<std::string>& header,
                                                     const PlatformLayout** platform = nullptr);

// True when a first row reads like a header (names, not data).
bool looks_like_header(const std::vector<std::string>& first_row);

// For files without a header (CDNOW): guess customer / date / amount / quantity
// from the values of the first rows.
std::array<int, kColumnRoleCount> roles_from_values(const std::vector<std::vector<std::string>>& rows);

// Header spellings we look for, for the error message when a role is missing.
std::string role_examples(ColumnRole role);

}  // namespace huike
