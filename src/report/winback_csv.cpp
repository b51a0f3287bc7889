#include "report/winback_csv.h"

#include <cmath>

#include "ingest/date_parse.h"
#include "report/customer_csv.h"

namespace huike {

namespace {

// To the cent, half away from zero, as the customers CSV (std::round of value × 100).
void money(std::string& out, double value) {
  long long cents = std::llround(value * 100);
  if (cents < 0) {
    out += '-';
    cents = -cents;
  }
  out += std::to_string(cents / 100);
  out += '.';
  out += static_cast<char>('0' + cents % 100 / 10);
  out += static_cast<char>('0' + cents % 10);
}

}  // namespace

std::string winback_plan_csv(const OrderTable& table, const ShopAnalysis& shop, const WinbackPlan& plan,
                             const std::vector<WinbackEntry>& ranked, const MemberDirectory* members,
                             const std::string& lang) {
  const bool zh = lang != "en";
  std::string out(kUtf8Bom);
  out += "tier,tier_name,customer_id,phone,email,channel,orders,spend,average_order_value,last_purchase,days_since,"
         "offer,max_touches,min_days_between,first_touch,signup_date\r\n";
  const std::string first_touch = format_day(shop.as_of_day);
  for (const WinbackEntry& e : ranked) {
    const WinbackTierInfo& info = winback_tier_info(e.tier);
    const ContactCap& cap = plan.options.caps[static_cast<int>(e.tier)];
    const Member* member = members && e.member >= 0 ? &members->list.members[e.member] : nullptr;
    const CustomerContact contact = e.customer >= 0 ? customer_contact(table, e.customer, members) : member_contact(*member);
    out += info.key;
    out += ',';
    append_csv_cell(out, zh ? info.name_zh : info.name_en);
    out += ',';
    append_csv_cell(out, e.customer >= 0 ? table.customer_id(e.customer) : std::string_view(member->id));
    out += ',';
    append_csv_cell(out, contact.phone);
    out += ',';
    append_csv_cell(out, contact.email);
    out += ',';
    out += channel_key(contact.channel);
    out += ',';
    if (e.customer >= 0) {
      const CustomerMetrics& m = shop.customers[e.customer];
      out += std::to_string(m.frequency) + ',';
      money(out, shop.monetary(m));
      out += ',';
      money(out, m.gross / m.frequency);
      out += ',' + format_day(m.last_day) + ',' + std::to_string(m.recency_days(shop.as_of_day)) + ',';
    } else {
      out += "0,0.00,,,,";
    }
    append_csv_cell(out, zh ? info.action_zh : info.action_en);
    out += ',' + std::to_string(cap.max_touches) + ',' + std::to_string(cap.min_days_between) + ',' + first_touch + ',';
    if (member && member->signup_day != INT32_MIN) out += format_day(member->signup_day);
    out += "\r\n";
  }
  return out;
}

}  // namespace huike
