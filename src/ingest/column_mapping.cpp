#include "ingest/column_mapping.h"

#include <algorithm>
#include <map>

#include "core/error.h"
#include "ingest/cell_trim.h"
#include "ingest/column_roles.h"
#include "ingest/file_sniff.h"
#include "ingest/identity_choice.h"
#include "ingest/platform_layouts.h"

namespace huike {

namespace {

int column_by_option(const std::vector<std::string>& header, const std::string& value) {
  for (size_t i = 0; i < header.size(); ++i) {
    if (trim_cell(header[i]) == trim_cell(value)) return static_cast<int>(i);
  }
  if (!value.empty() && std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    const size_t index = std::stoul(value);
    if (index < header.size()) return static_cast<int>(index);
  }
  return -2;
}

}  // namespace

ColumnMapping decide_columns(const std::vector<std::vector<std::string>>& rows, const IngestOptions& options,
                             IngestSummary& summary) {
  ColumnMapping mapping;
  std::array<int, kColumnRoleCount>& column = mapping.column;
  const auto col = [&](ColumnRole role) { return mapping.col(role); };
  const std::vector<std::string>& first = rows.front();
  summary.has_header = options.has_header.value_or(looks_like_header(first));
  size_t width = 0;
  for (const auto& row : rows) width = std::max(width, row.size());
  if (summary.has_header) {
    for (const std::string& name : first) summary.header.emplace_back(trim_cell(name));
  }
  while (summary.header.size() < width) summary.header.push_back("column_" + std::to_string(summary.header.size() + 1));
  // First rows for a mapping panel, also when the mapping fails below.
  for (size_t i = summary.has_header ? 1 : 0; i < rows.size() && summary.preview.size() < kPreviewRows; ++i) {
    const std::vector<std::string_view> views(rows[i].begin(), rows[i].end());
    summary.preview.push_back(preview_row(views.data(), views.size()));
  }

  const PlatformLayout* platform = nullptr;
  if (summary.has_header) {
    column = roles_from_header(summary.header, &platform);
    if (platform) {
      summary.platform = platform->key;
      summary.platform_name = platform->name;
    }
  } else {
    column = roles_from_values(rows);
  }
  std::map<int, int> mapped_role;  // column → the role the user chose for it
  for (const auto& [role_name, value] : options.columns) {
    int role = -1;
    for (int r = 0; r < kColumnRoleCount; ++r) {
      if (role_name == column_role_key(static_cast<ColumnRole>(r))) role = r;
    }
    if (role < 0) throw HuikeError(ErrorCode::E_BAD_OPTION, "unknown column role '" + role_name + "'");
    if (value.empty()) {
      column[role] = -1;
      continue;
    }
    const int index = column_by_option(summary.header, value);
    if (index < 0) {
      throw HuikeError(ErrorCode::E_UNKNOWN_COLUMN, "column '" + value + "' (for " + role_name + ") is not in the file");
    }
    if (const auto chosen = mapped_role.find(index); chosen != mapped_role.end() && chosen->second != role) {
      throw HuikeError(ErrorCode::E_BAD_OPTION,
                       "column '" + value + "' is mapped to both " +
                           column_role_key(static_cast<ColumnRole>(chosen->second)) + " and " + role_name +
                           "; a column holds one role");
    }
    mapped_role[index] = role;
    for (int& other : column) {
      if (other == index) other = -1;
    }
    column[role] = index;
  }
  summary.role_column = column;
  if (col(ColumnRole::customer) < 0 && platform && platform->refusal_code) {
    throw HuikeError(*platform->refusal_code, platform->refusal_message);
  }
  summary.identity.mode = options.identity;
  // Without a header only the customer column can be the identity (a chosen other one is refused).
  if (summary.has_header || options.identity != IdentityMode::automatic) {
    find_identity_columns(summary.header, col(ColumnRole::customer), summary.identity);
  }
  mapping.contacts = contact_columns(summary.header, col(ColumnRole::customer), col(ColumnRole::contact), summary.identity);
  if (col(ColumnRole::amount) < 0) mapping.amount_hint = AmountLevelHint::line;  // quantity × unit price
  else if (platform && !options.columns.count("amount")) mapping.amount_hint = platform->amount_level;
  else mapping.amount_hint = amount_hint_from_header(summary.header[col(ColumnRole::amount)]);

  const auto missing = [&](ColumnRole role, ErrorCode code, const char* what) {
    std::string found;
    for (size_t i = 0; i < summary.header.size() && i < 20; ++i) {
      found += (found.empty() ? "" : ", ") + summary.header[i].substr(0, 40);
    }
    if (summary.header.size() > 20) found += ", …";
    throw HuikeError(code, std::string("no ") + what + " column; looked for headers like " + role_examples(role) +
                               "; the file has: " + found + ". Map one with the column option.");
  };
  if (col(ColumnRole::customer) < 0 && identity_needs_customer_column(options.identity)) {
    missing(ColumnRole::customer, ErrorCode::E_NO_CUSTOMER_COLUMN, "customer");
  }
  if (col(ColumnRole::date) < 0) missing(ColumnRole::date, ErrorCode::E_NO_DATE_COLUMN, "order date");
  if (col(ColumnRole::amount) < 0 && (col(ColumnRole::quantity) < 0 || col(ColumnRole::unit_price) < 0)) {
    missing(ColumnRole::amount, ErrorCode::E_NO_AMOUNT_COLUMN, "amount");
  }
  for (ColumnRole role : {ColumnRole::customer, ColumnRole::date, ColumnRole::amount, ColumnRole::order_id,
                          ColumnRole::quantity, ColumnRole::unit_price, ColumnRole::status,
                          ColumnRole::after_sale}) {
    mapping.needed_width = std::max<size_t>(mapping.needed_width, col(role) + 1);
  }
  return mapping;
}

}  // namespace huike
