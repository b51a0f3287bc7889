#pragma once
// Which column of this file plays which role: from the header (a known platform layout
// first, then aliases) or, without a header, from the values; the user's mapping overrides.
#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "ingest/amount_level.h"
#include "ingest/customer_identity.h"
#include "ingest/order_reader.h"

namespace huike {

struct ColumnMapping {
  std::array<int, kColumnRoleCount> column{};  // -1 = none
  size_t needed_width = 0;                     // cells a row needs for its required roles
  ContactColumns contacts;                     // phone / e-mail cells kept for the contact plan
  AmountLevelHint amount_hint = AmountLevelHint::unknown;
  int col(ColumnRole role) const { return column[static_cast<int>(role)]; }
};

// From the first records (`rows`, the header among them if there is one): fills the header,
// has_header, platform, role_column, identity columns and the first preview rows of
// `summary`. Throws HuikeError for an unknown role or column in the mapping, a column mapped
// to two roles, a platform report without buyers, or a missing customer, date or amount.
ColumnMapping decide_columns(const std::vector<std::vector<std::string>>& rows, const IngestOptions& options,
                             IngestSummary& summary);

}  // namespace huike
