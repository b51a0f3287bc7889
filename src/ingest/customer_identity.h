#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace huike {

// How the rows' customers were told apart; goes into the report's input section.
struct CustomerIdentity {
  int email_column = -1;  // fallbacks for placeholder ids; -1 = none
  int phone_column = -1;
  uint64_t rows_by_customer_column = 0;
  uint64_t rows_by_email = 0;
  uint64_t rows_by_phone = 0;
  std::vector<std::string> placeholder_values;  // distinct ones seen, first few
};

// A customer id that stands for "no account": blank, 0, -1, guest, 游客, -, N/A, ... A
// WooCommerce guest checkout has customer_id 0; such rows are not one customer.
bool is_placeholder_customer(std::string_view id);

// The e-mail and phone columns of a header, other than `customer_column`.
void find_contact_columns(const std::vector<std::string>& header, int customer_column, CustomerIdentity& identity);

enum class IdentitySource : uint8_t { customer_column, email, phone };

// The customer of one row: `id` (its customer cell), or for a placeholder id the row's
// e-mail, else its phone; "" when it has none. Notes the placeholder in `identity`.
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
