#include "ingest/customer_identity.h"

#include <algorithm>
#include <array>
#include <utility>

#include "ingest/cell_trim.h"
#include "ingest/column_roles.h"
#include "ingest/identity_choice.h"

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

constexpr size_t kPlaceholderExamples = 5;

}  // namespace

int best_header_column(const std::vector<std::string>& header, int skip, const std::string_view* names, size_t count) {
  int best = -1;
  size_t best_rank = count;
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

bool is_placeholder_customer(std::string_view id) {
  id = trim_cell(id);
  if (id.empty()) return true;
  // The usual id is long or starts with a digit 1-9: no placeholder.
  if (id.size() > 12 || (id[0] >= '1' && id[0] <= '9')) return false;
  // Nor one whose first byte starts no placeholder (most ids, checked once a row).
  static constexpr auto kFirstBytes = [] {
    std::array<bool, 256> first{};
    for (std::string_view p : kPlaceholders) first[static_cast<unsigned char>(p[0])] = true;
    return first;
  }();
  const char head = id[0] >= 'A' && id[0] <= 'Z' ? static_cast<char>(id[0] + 32) : id[0];
  if (!kFirstBytes[static_cast<unsigned char>(head)]) return false;
  char lower[12];
  for (size_t i = 0; i < id.size(); ++i) lower[i] = id[i] >= 'A' && id[i] <= 'Z' ? static_cast<char>(id[i] + 32) : id[i];
  const std::string_view key(lower, id.size());
  return std::find(std::begin(kPlaceholders), std::end(kPlaceholders), key) != std::end(kPlaceholders);
}

void find_contact_columns(const std::vector<std::string>& header, int customer_column, CustomerIdentity& identity) {
  identity.email_column = best_header_column(header, customer_column, kEmailHeaders, std::size(kEmailHeaders));
  identity.phone_column = best_header_column(header, customer_column, kPhoneHeaders, std::size(kPhoneHeaders));
  if (identity.phone_column == identity.email_column) identity.phone_column = -1;
}

void note_placeholder(CustomerIdentity& identity, std::string_view id) {
  auto& seen = identity.placeholder_values;
  if (seen.size() < kPlaceholderExamples && std::find(seen.begin(), seen.end(), id) == seen.end()) seen.emplace_back(id);
}

std::string_view identify_customer(std::string_view id, const std::string_view* fields, size_t count,
                                   CustomerIdentity& identity, IdentitySource& source) {
  source = IdentitySource::customer_column;
  if (identity.mode != IdentityMode::automatic && identity.mode != IdentityMode::id) {
    return identify_by_choice(fields, count, identity, source);
  }
  if (!is_placeholder_customer(id)) return id;
  if (identity.mode == IdentityMode::id) {  // the customer column only: a placeholder is no customer
    note_placeholder(identity, id);
    return {};
  }
  const std::pair<int, IdentitySource> fallbacks[] = {{identity.email_column, IdentitySource::email},
                                                     {identity.phone_column, IdentitySource::phone}};
  for (const auto& [column, from] : fallbacks) {
    if (column < 0 || static_cast<size_t>(column) >= count) continue;
    const std::string_view contact = trim_cell(fields[column]);
    if (is_placeholder_customer(contact)) continue;
    note_placeholder(identity, id);
    source = from;
    return contact;
  }
  return {};
}

void count_identified_row(CustomerIdentity& identity, IdentitySource source) {
  switch (source) {
    case IdentitySource::customer_column: ++identity.rows_by_customer_column; break;
    case IdentitySource::email: ++identity.rows_by_email; break;
    case IdentitySource::phone: ++identity.rows_by_phone; break;
    case IdentitySource::name: ++identity.rows_by_name; break;
  }
}

ContactColumns contact_columns(const std::vector<std::string>& header, int customer_column, int contact_column,
                               const CustomerIdentity& identity) {
  ContactColumns out;
  out.phone = identity.phone_column;
  out.email = identity.email_column;
  if (customer_column >= 0 && static_cast<size_t>(customer_column) < header.size()) {
    const std::vector<std::string> own = {header[customer_column]};
    if (out.email < 0 && best_header_column(own, -1, kEmailHeaders, std::size(kEmailHeaders)) == 0) {
      out.email = customer_column;
    } else if (out.phone < 0 && best_header_column(own, -1, kPhoneHeaders, std::size(kPhoneHeaders)) == 0) {
      out.phone = customer_column;
    }
  }
  if (contact_column >= 0 && contact_column != out.phone && contact_column != out.email) out.either = contact_column;
  return out;
}

void contact_cells(const ContactColumns& columns, const std::string_view* fields, size_t count,
                   std::string_view& phone, std::string_view& email) {
  // A placeholder (-, 0, N/A, 无) is no contact: a later row of the customer may hold one.
  const auto cell = [&](int column) {
    const std::string_view value =
        column >= 0 && static_cast<size_t>(column) < count ? trim_cell(fields[column]) : std::string_view();
    return is_placeholder_customer(value) ? std::string_view() : value;
  };
  phone = cell(columns.phone);
  email = cell(columns.email);
  const std::string_view either = cell(columns.either);
  if (either.empty()) return;
  std::string_view& slot = either.find('@') != std::string_view::npos ? email : phone;
  if (slot.empty()) slot = either;
}

const char* customer_identity_rule() {
  return "a row's customer is its customer column; a placeholder id there (blank, 0, -1, guest, 游客, -, N/A) "
         "is no customer, so such a row is identified by its e-mail, else its phone, else left out "
         "(missing_customer)";
}

}  // namespace huike
