#include "model/customer_contacts.h"

namespace huike {

void CustomerContacts::put(std::vector<uint32_t>& at, uint32_t customer, std::string_view value) {
  if (value.empty() || value.find('\0') != std::string_view::npos) return;
  if (customer >= at.size()) at.resize(static_cast<size_t>(customer) + 1, 0);
  if (at[customer] != 0) return;
  if (text_.empty()) text_.push_back('\0');  // offset 0 means "none"
  at[customer] = static_cast<uint32_t>(text_.size());
  text_.append(value);
  text_.push_back('\0');
}

void CustomerContacts::note(uint32_t customer, std::string_view phone, std::string_view email) {
  put(phone_at_, customer, phone);
  put(email_at_, customer, email);
}

}  // namespace huike
