#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/customer_identity.h"

namespace huike {

// The identity choice (ingest option "identity"): parsing, the columns each choice reads,
// the choices a file offers, and the rule in words for the report.

const char* identity_mode_key(IdentityMode mode);  // "auto", "id", "email", "phone", "name"
std::optional<IdentityMode> parse_identity_mode(std::string_view key);

// The name column(s) of a header other than `customer_column`: a full-name column
// (Billing Name, buyer-name, 收货人姓名…), else a first + last name pair (billing_first_name,
// billing_last_name).
void find_name_columns(const std::vector<std::string>& header, int customer_column, CustomerIdentity& identity);

// After find_contact_columns and find_name_columns: the column the chosen mode reads
// (identity.identity_column); throws E_BAD_OPTION naming the option when the file has none.
void choose_identity_column(const std::vector<std::string>& header, int customer_column, CustomerIdentity& identity);

// find_contact_columns, find_name_columns, then choose_identity_column: all the reader calls.
void find_identity_columns(const std::vector<std::string>& header, int customer_column, CustomerIdentity& identity);

// Whether the mode needs a customer column at all (id and auto do).
bool identity_needs_customer_column(IdentityMode mode);

// The row's customer under email / phone / name mode; "" when its cell is blank or a placeholder.
std::string_view identify_by_choice(const std::string_view* fields, size_t count, CustomerIdentity& identity,
                                    IdentitySource& source);

struct IdentityChoice {
  IdentityMode mode;
  std::string column;  // the header it reads ("billing_first_name + billing_last_name")
};
// The choices the file offers, id first (only those it has columns for).
std::vector<IdentityChoice> identity_choices(const std::vector<std::string>& header, int customer_column,
                                             const CustomerIdentity& identity);

// The rule of the chosen mode, in words (customer_identity_rule() for auto).
const char* identity_mode_rule(IdentityMode mode);

}  // namespace huike
