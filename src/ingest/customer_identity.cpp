#include "ingest/customer_identity.h"

#include <algorithm>

#include "ingest/column_roles.h"

namespace huike {
namespace {

// Compared in lower case with blanks trimmed.
constexpr std::string_view kPlaceholders[] = {
    "0",    "-1",        "-",    "--",   "/",     "n/a",  "na",     "none", "null", "nil", "guest",
    "游客", "遊客",      "访客", "訪客", "匿名",  "匿名用户", "anonymous", "unknown", "未知", "无", "無",
    "#n/a", "undefined", "0000",
};

// Normalised header names (normalise_header, parenthetical dropped), best first.
constexpr std::string_view kEmailHeaders[] = {
    "buyeremail", "customeremail", "billingemail", "email", "emailaddress", "邮箱", "电子邮件", "電子郵件",
    "买家邮箱"};
constexpr std::string_view kPhoneHeaders[] = {
    "buyerphonenumber", "billingphone", "phone", "mobile", "phonenumber", "买家手机号", "用户购买手机号",
    "手机号", "手机号码", "手机", "联系手机", "联系电话", "收货人手机号", "收货人手机", "收件人手机号",
    "手機號", "手機號碼", "手機", "聯繫電話", "电话", "電話"};

template <size_t N>
int best_column(const std::vector<std::string>& header, int skip, const std::string_view (&names)[N]) {
  int best = -1;
  size_t best_rank = N;
  for (size_t col = 0; col < header.size(); ++col) {
    if (static_cast<int>(col) == skip) continue;
    const std::string whole = normalise_header(header[col], false), bare = normalise_header(header[col], true);
    for (size_t rank = 0; rank < best_rank; ++rank) {
      if (whole == names[rank] || bare == names[rank]) {
        best = static_cast<int>(col);
        best_rank = rank;
        break;
      }
    }
  }
  return best;
}

}  // namespace

bool is_placeholder_customer(std::string_view id) {
  while (!id.empty() && (id.front() == ' ' || id.front() == '\t')) id.remove_prefix(1);
  while (!id.empty() && (id.back() == ' ' || id.back() == '\t')) id.remove_suffix(1);
  if (id.empty()) return true;
  if (id.size() > 12) return false;
  char lower[12];
  for (size_t i = 0; i < id.size(); ++i) lower[i] = id[i] >= 'A' && id[i] <= 'Z' ? static_cast<char>(id[i] + 32) : id[i];
  const std::string_view key(lower, id.size());
  return std::find(std::begin(kPlaceholders), std::end(kPlaceholders), key) != std::end(kPlaceholders);
}

void find_contact_columns(const std::vector<std::string>& header, int customer_column, CustomerIdentity& identity) {
  identity.email_column = best_column(header, customer_column, kEmailHeaders);
  identity.phone_column = best_column(header, customer_column, kPhoneHeaders);
  if (identity.phone_column == identity.email_column) identity.phone_column = -1;
}

const char* customer_identity_rule() {
  return "a row's customer is its customer column; a placeholder id there (blank, 0, -1, guest, 游客, -, N/A) "
         "is no customer, so such a row is identified by its e-mail, else its phone, else left out "
         "(missing_customer)";
}

}  // namespace huike
