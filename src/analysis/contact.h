#pragma once
#include <cstdint>
#include <string_view>

#include "ingest/member_list.h"
#include "model/order_table.h"

namespace huike {

// How to reach a customer, for any contact list (win-back plan, reminders):
//   CustomerContact c = customer_contact(table, customer);          // order file only
//   CustomerContact c = customer_contact(table, customer, &members); // member list fills gaps
//   channel_key(c.channel) → "sms" | "email" | "platform_message"
// The channel is SMS when there is a usable phone (seed 001's first choice), else e-mail
// when there is a usable address, else a message on the platform (e.g. 旺旺).

enum class Channel : uint8_t { sms, email, platform_message };
constexpr int kChannelCount = 3;
const char* channel_key(Channel channel);

// A phone is usable with 7+ digits and no mask ('*': 138****0001 cannot be texted by the
// shop); an e-mail with one '@', text before it and a '.' after it.
bool is_usable_phone(std::string_view phone);
bool is_usable_email(std::string_view email);
Channel channel_for(std::string_view phone, std::string_view email);

// phone / email as written (empty when none); channel from the usable ones. The views
// point into the table or the member list, valid while they live.
struct CustomerContact {
  std::string_view phone, email;
  Channel channel = Channel::platform_message;
};
// The order file's phone and e-mail of `customer`; a value it lacks (or that is unusable)
// comes from the customer's row of the member list, when one is given.
CustomerContact customer_contact(const OrderTable& table, uint32_t customer, const MemberDirectory* members = nullptr);
// A member of the list (e.g. one who never ordered).
CustomerContact member_contact(const Member& member);

}  // namespace huike
