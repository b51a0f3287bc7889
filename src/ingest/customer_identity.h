#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace huike {

// Which column tells customers apart (ingest option "identity", CLI --identity):
// automatic = the customer column, placeholder ids by e-mail, else phone (the default);
// id = the customer column only (placeholder rows are missing_customer); email, phone,
// name = that column for every row (identity_choice.cpp).
enum class IdentityMode : uint8_t { automatic, id, email, phone, name };

// How the rows' customers were told apart; goes into the report's input section.
struct CustomerIdentity {
  IdentityMode mode = IdentityMode::automatic;
  int email_column = -1;  // fallbacks for placeholder ids; -1 = none
  int phone_column = -1;
  int name_column = -1, name_second_column = -1;  // a full name, or first + last name
  int identity_column = -1;  // the column of the email / phone mode (may be the customer column)
  uint64_t rows_by_customer_column = 0;
  uint64_t rows_by_email = 0;
  uint64_t rows_by_phone = 0;
  uint64_t rows_by_name = 0;
  std::vector<std::string> placeholder_values;  // distinct ones seen, first few
  std::string joined_name;  // scratch: the current row's first + last name
};

// A customer id that stands for "no account": blank, 0, -1, guest, 游客, -, N/A, ... A
// WooCommerce guest checkout has customer_id 0; such rows are not one customer.
bool is_placeholder_customer(std::string_view id);

// The best column of `header` (other than `skip`) whose normalised name is one of `names`
// (best first); -1 when none.
int best_header_column(const std::vector<std::string>& header, int skip, const std::string_view* names, size_t count);

// Remembers a placeholder id seen (the first few distinct ones) for the report.
void note_placeholder(CustomerIdentity& identity, std::string_view id);

// The e-mail and phone columns of a header, other than `customer_column`.
void find_contact_columns(const std::vector<std::string>& header, int customer_column, CustomerIdentity& identity);

enum class IdentitySource : uint8_t { customer_column, email, phone, name };

// The customer of one row: `id` (its customer cell), or for a placeholder id the row's
// e-mail, else its phone; "" when it has none. Notes the placeholder in `identity`.
// Another identity.mode reads the mode's column instead (identity_choice.cpp).
std::string_view identify_customer(std::string_view id, const std::string_view* fields, size_t count,
                                   CustomerIdentity& identity, IdentitySource& source);
// Counts a used row under the column its customer came from.
void count_identified_row(CustomerIdentity& identity, IdentitySource source);

// Where a row's phone and e-mail are, for the contact plan: the columns find_contact_columns
// found, else the customer column when its header names a phone or an e-mail (Pinduoduo
// 用户购买手机号, Shopify Email); a `contact` role column elsewhere is read by its cells' form
// (an '@' makes an e-mail).
struct ContactColumns {
  int phone = -1, email = -1, either = -1;
  bool any() const { return phone >= 0 || email >= 0 || either >= 0; }
};
ContactColumns contact_columns(const std::vector<std::string>& header, int customer_column, int contact_column,
                               const CustomerIdentity& identity);
// The phone and e-mail cells of one row, trimmed; either may be empty.
void contact_cells(const ContactColumns& columns, const std::string_view* fields, size_t count,
                   std::string_view& phone, std::string_view& email);

// The rule, in words, for the report.
const char* customer_identity_rule();

}  // namespace huike
