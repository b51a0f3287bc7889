#include "analysis/contact.h"

#include <algorithm>

namespace huike {

const char* channel_key(Channel channel) {
  static const char* const keys[kChannelCount] = {"sms", "email", "platform_message"};
  return keys[static_cast<int>(channel)];
}

bool is_usable_phone(std::string_view phone) {
  if (phone.find('*') != std::string_view::npos) return false;
  return std::count_if(phone.begin(), phone.end(), [](char c) { return c >= '0' && c <= '9'; }) >= 7;
}

bool is_usable_email(std::string_view email) {
  const size_t at = email.find('@');
  if (at == 0 || at == std::string_view::npos || email.find('@', at + 1) != std::string_view::npos) return false;
  const size_t dot = email.find('.', at + 2);
  return dot != std::string_view::npos && dot + 1 < email.size() && email.find(' ') == std::string_view::npos;
}

Channel channel_for(std::string_view phone, std::string_view email) {
  if (is_usable_phone(phone)) return Channel::sms;
  if (is_usable_email(email)) return Channel::email;
  return Channel::platform_message;
}

CustomerContact customer_contact(const OrderTable& table, uint32_t customer, const MemberDirectory* members) {
  CustomerContact out{table.contacts.phone(customer), table.contacts.email(customer)};
  if (members && customer < members->member_of_customer.size() && members->member_of_customer[customer] >= 0) {
    const Member& member = members->list.members[members->member_of_customer[customer]];
    if (!is_usable_phone(out.phone) && is_usable_phone(member.phone)) out.phone = member.phone;
    if (!is_usable_email(out.email) && is_usable_email(member.email)) out.email = member.email;
  }
  out.channel = channel_for(out.phone, out.email);
  return out;
}

CustomerContact member_contact(const Member& member) {
  return {member.phone, member.email, channel_for(member.phone, member.email)};
}

}  // namespace huike
