#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace huike {

// Per customer, the first phone and e-mail the order file gave (as written; the contact
// module decides what is usable). Empty when the file has no contact column; 8 bytes a
// customer plus the text when it has.
class CustomerContacts {
 public:
  bool empty() const { return text_.empty(); }
  // Keeps a value already held; "" leaves that field as it is.
  void note(uint32_t customer, std::string_view phone, std::string_view email);
  std::string_view phone(uint32_t customer) const { return get(phone_at_, customer); }
  std::string_view email(uint32_t customer) const { return get(email_at_, customer); }
  size_t memory_bytes() const { return text_.capacity() + (phone_at_.capacity() + email_at_.capacity()) * 4; }

 private:
  std::string_view get(const std::vector<uint32_t>& at, uint32_t customer) const {
    if (customer >= at.size() || at[customer] == 0) return {};
    return std::string_view(text_.data() + at[customer]);  // NUL-terminated in text_
  }
  void put(std::vector<uint32_t>& at, uint32_t customer, std::string_view value);
  std::vector<uint32_t> phone_at_, email_at_;  // offset into text_, 0 = none
  std::string text_;                           // "\0" then values, each ending in '\0'
};

}  // namespace huike
