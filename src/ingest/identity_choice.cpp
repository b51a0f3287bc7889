#include "ingest/identity_choice.h"

#include <iterator>

#include "core/error.h"
#include "ingest/cell_trim.h"

namespace huike {
namespace {

// Normalised header names (normalise_header), best first. Not Shopify's bare "Name": that is
// its order number (#1001).
constexpr std::string_view kFullNameHeaders[] = {
    "buyername", "customername", "billingname", "shippingname", "fullname", "收货人姓名", "收件人姓名",
    "买家姓名", "客户姓名", "客户名称", "收货人", "收件人", "姓名", "收貨人姓名", "買家姓名", "客戶姓名", "收貨人"};
constexpr std::string_view kFirstNameHeaders[] = {"billingfirstname", "firstname", "shippingfirstname",
                                                  "customerfirstname"};
constexpr std::string_view kLastNameHeaders[] = {"billinglastname", "lastname", "shippinglastname",
                                                 "customerlastname"};

constexpr const char* kModeKeys[] = {"auto", "id", "email", "phone", "name"};

std::string_view cell(const std::string_view* fields, size_t count, int column) {
  if (column < 0 || static_cast<size_t>(column) >= count) return {};
  const std::string_view value = trim_cell(fields[column]);
  return is_placeholder_customer(value) ? std::string_view() : value;
}

// The e-mail or phone column, the customer column itself when its header names one (Shopify Email).
int contact_column(const std::vector<std::string>& header, int customer_column, const CustomerIdentity& identity,
                   IdentityMode mode) {
  const ContactColumns found = contact_columns(header, customer_column, -1, identity);
  return mode == IdentityMode::email ? found.email : found.phone;
}

std::string header_name(const std::vector<std::string>& header, int column) {
  return column >= 0 && static_cast<size_t>(column) < header.size() ? header[column] : std::string();
}

}  // namespace

const char* identity_mode_key(IdentityMode mode) { return kModeKeys[static_cast<int>(mode)]; }

std::optional<IdentityMode> parse_identity_mode(std::string_view key) {
  for (size_t i = 0; i < std::size(kModeKeys); ++i) {
    if (key == kModeKeys[i]) return static_cast<IdentityMode>(i);
  }
  return std::nullopt;
}

void find_name_columns(const std::vector<std::string>& header, int customer_column, CustomerIdentity& identity) {
  identity.name_second_column = -1;
  identity.name_column = best_header_column(header, customer_column, kFullNameHeaders, std::size(kFullNameHeaders));
  if (identity.name_column >= 0) return;
  identity.name_column = best_header_column(header, customer_column, kFirstNameHeaders, std::size(kFirstNameHeaders));
  if (identity.name_column >= 0) {
    identity.name_second_column =
        best_header_column(header, customer_column, kLastNameHeaders, std::size(kLastNameHeaders));
  }
}

void find_identity_columns(const std::vector<std::string>& header, int customer_column, CustomerIdentity& identity) {
  find_contact_columns(header, customer_column, identity);
  find_name_columns(header, customer_column, identity);
  choose_identity_column(header, customer_column, identity);
}

bool identity_needs_customer_column(IdentityMode mode) {
  return mode == IdentityMode::automatic || mode == IdentityMode::id;
}

void choose_identity_column(const std::vector<std::string>& header, int customer_column, CustomerIdentity& identity) {
  const IdentityMode mode = identity.mode;
  if (identity_needs_customer_column(mode)) return;
  if (mode == IdentityMode::name) {
    identity.identity_column = identity.name_column;
  } else {
    identity.identity_column = contact_column(header, customer_column, identity, mode);
  }
  if (identity.identity_column >= 0) return;
  const char* what = mode == IdentityMode::email ? "e-mail" : mode == IdentityMode::phone ? "phone" : "name";
  throw HuikeError(ErrorCode::E_BAD_OPTION, std::string("option 'identity' is ") + identity_mode_key(mode) +
                                                ", but the file has no " + what +
                                                " column; choose an identity the file has (auto, id, email, phone, "
                                                "name) or map the customer column");
}

std::string_view identify_by_choice(const std::string_view* fields, size_t count, CustomerIdentity& identity,
                                    IdentitySource& source) {
  switch (identity.mode) {
    case IdentityMode::email: source = IdentitySource::email; break;
    case IdentityMode::phone: source = IdentitySource::phone; break;
    default: source = IdentitySource::name; break;
  }
  const std::string_view first = cell(fields, count, identity.identity_column);
  if (identity.mode != IdentityMode::name || identity.name_second_column < 0) return first;
  const std::string_view last = cell(fields, count, identity.name_second_column);
  if (first.empty() || last.empty()) return first.empty() ? last : first;
  identity.joined_name.assign(first).append(" ").append(last);
  return identity.joined_name;
}

std::vector<IdentityChoice> identity_choices(const std::vector<std::string>& header, int customer_column,
                                             const CustomerIdentity& identity) {
  std::vector<IdentityChoice> out;
  if (customer_column >= 0) out.push_back({IdentityMode::id, header_name(header, customer_column)});
  for (IdentityMode mode : {IdentityMode::email, IdentityMode::phone}) {
    const int column = contact_column(header, customer_column, identity, mode);
    if (column >= 0) out.push_back({mode, header_name(header, column)});
  }
  if (identity.name_column >= 0) {
    std::string name = header_name(header, identity.name_column);
    if (identity.name_second_column >= 0) name += " + " + header_name(header, identity.name_second_column);
    out.push_back({IdentityMode::name, name});
  }
  return out;
}

const char* identity_mode_rule(IdentityMode mode) {
  switch (mode) {
    case IdentityMode::automatic: return customer_identity_rule();
    case IdentityMode::id:
      return "a row's customer is its customer column only; a row with a placeholder id there (blank, 0, -1, guest, "
             "游客, -, N/A) is left out (missing_customer)";
    case IdentityMode::email:
      return "a row's customer is its e-mail address; a row without one is left out (missing_customer)";
    case IdentityMode::phone:
      return "a row's customer is its phone number; a row without one is left out (missing_customer)";
    case IdentityMode::name:
      return "a row's customer is its buyer's name (first and last name joined); a row without one is left out "
             "(missing_customer); two buyers of the same name are one customer";
  }
  return "";
}

}  // namespace huike
