#include "report/replenishment_json.h"

#include <cmath>
#include <cstdio>

#include "ingest/date_parse.h"
#include "report/customer_csv.h"

namespace huike {

using nlohmann::json;

namespace {

constexpr size_t kReportRows = 20;  // of each list in the report; the rest by page or CSV

double round2(double v) { return std::round(v * 100) / 100; }
json number_or_null(double v) { return std::isfinite(v) ? json(round2(v)) : json(); }

std::string product_name(const OrderTable& orders, const Reminder& row) {
  return row.product == kNoProduct ? std::string() : std::string(orders.products.names.at(row.product));
}

json sources_json(const ReplenishmentResult& r) {
  json out = json::object();
  for (int s = 0; s < kReminderSourceCount; ++s) {
    out[reminder_source_key(static_cast<ReminderSource>(s))] = {
        {"estimates", r.estimates[s]}, {"remind_now", r.remind_now_by_source[s]}, {"overdue", r.overdue_by_source[s]}};
  }
  return out;
}

json list_json(const OrderTable& orders, const ReplenishmentResult& r, const std::vector<Reminder>& list) {
  json rows = json::array();
  for (size_t i = 0; i < list.size() && i < kReportRows; ++i) rows.push_back(reminder_json(orders, r, list[i]));
  return {{"count", list.size()}, {"rows", rows}};
}

}  // namespace

json reminder_json(const OrderTable& orders, const ReplenishmentResult& r, const Reminder& row,
                   const MemberDirectory* members) {
  const CustomerContact contact = customer_contact(orders, row.customer, members);
  return {{"customer_id", std::string(orders.customer_id(row.customer))},
          {"phone", std::string(contact.phone)},
          {"email", std::string(contact.email)},
          {"channel", channel_key(contact.channel)},
          {"product", row.product == kNoProduct ? json() : json(product_name(orders, row))},
          {"source", reminder_source_key(row.source)},
          {"last_purchase", format_day(row.last_purchase)},
          {"quantity", row.product == kNoProduct ? json() : json(round2(row.quantity))},
          {"days_per_unit", row.product == kNoProduct ? json() : number_or_null(row.days_per_unit)},
          {"cycle_days", row.product == kNoProduct ? number_or_null(row.days_per_unit) : json()},
          {"due_date", format_day(row.due_day)},
          {"reminder_date", format_day(row.reminder_day)},
          {"days_until_due", row.due_day - r.as_of_day}};
}

json replenishment_json(const OrderTable& orders, const ReplenishmentResult& r, const ConsumptionTableInfo* table) {
  const ReplenishmentOptions& o = r.options;
  json learned = json::array();
  uint32_t not_learned = 0, most_customers_not_learned = 0;
  for (const LearnedProduct& p : r.products_seen) {
    if (!p.learned) {
      ++not_learned;
      most_customers_not_learned = std::max(most_customers_not_learned, p.customers);
      continue;
    }
    learned.push_back({{"product", std::string(orders.products.names.at(p.product))},
                       {"customers", p.customers},
                       {"intervals", p.intervals},
                       {"median_days_per_unit", round2(p.median)},
                       {"q1", round2(p.q1)},
                       {"q3", round2(p.q3)},
                       {"iqr", round2(p.q3 - p.q1)}});
  }
  json per_day = json::array();
  for (size_t d = 0; d < r.per_day.size(); ++d) {
    per_day.push_back({{"date", format_day(r.as_of_day + static_cast<int32_t>(d))}, {"reminders", r.per_day[d]}});
  }
  json consumption = nullptr;
  if (table) {
    consumption = {{"rows", table->rows},
                   {"matched_products", r.table_entries_matched},
                   {"product_column", table->product_column},
                   {"days_column", table->days_column}};
  }
  return {{"settings",
           {{"remind_within_days", o.remind_within_days},
            {"remind_days_before", o.remind_days_before},
            {"overdue_max_days", o.overdue_max_days},
            {"learn_min_customers", o.learn_min_customers},
            {"reminder_series_days", o.series_days}}},
          {"as_of", format_day(r.as_of_day)},
          {"product_column", r.has_products},
          {"consumption_table", consumption},
          {"sources", sources_json(r)},
          {"remind_now", list_json(orders, r, r.remind_now)},
          {"overdue", list_json(orders, r, r.overdue)},
          {"learned_products", learned},
          {"not_learned", {{"products", not_learned}, {"most_customers", most_customers_not_learned}}},
          {"per_day", per_day}};
}

std::string reminders_csv(const OrderTable& orders, const ReplenishmentResult& r, const MemberDirectory* members) {
  std::string out(kUtf8Bom);
  out += "list,customer_id,product,source,last_purchase,quantity,days_per_unit,cycle_days,due_date,reminder_date,"
         "days_until_due,phone,email,channel\r\n";
  char buffer[64];
  const auto number = [&](double v) {
    if (!std::isfinite(v)) return;
    out.append(buffer, std::snprintf(buffer, sizeof buffer, "%.2f", round2(v)));
  };
  for (const auto* list : {&r.remind_now, &r.overdue}) {
    for (const Reminder& row : *list) {
      out += list == &r.remind_now ? "remind_now," : "overdue,";
      append_csv_cell(out, orders.customer_id(row.customer));
      out += ',';
      append_csv_cell(out, product_name(orders, row));
      out += std::string(",") + reminder_source_key(row.source) + ',' + format_day(row.last_purchase) + ',';
      if (row.product != kNoProduct) number(row.quantity);
      out += ',';
      if (row.product != kNoProduct) number(row.days_per_unit);
      out += ',';
      if (row.product == kNoProduct) number(row.days_per_unit);
      out += ',' + format_day(row.due_day) + ',' + format_day(row.reminder_day) + ',' +
             std::to_string(row.due_day - r.as_of_day) + ',';
      const CustomerContact contact = customer_contact(orders, row.customer, members);
      append_csv_cell(out, contact.phone);
      out += ',';
      append_csv_cell(out, contact.email);
      out += std::string(",") + channel_key(contact.channel) + "\r\n";
    }
  }
  return out;
}

}  // namespace huike
