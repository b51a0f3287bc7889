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

// The rule, in words, for the report.
const char* customer_identity_rule();

}  // namespace huike
