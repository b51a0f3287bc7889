#include "report/customer_columns.h"

#include <cmath>
#include <cstdio>

#include "analysis/contact.h"
#include "analysis/replenishment.h"
#include "ingest/date_parse.h"
#include "report/customer_csv.h"

namespace huike {

namespace {

using Kind = CustomerValue::Kind;
using nlohmann::json;

const CustomerMetrics& metrics(const CustomerRow& row) { return row.shop.customers[row.customer]; }
CustomerValue text(std::string_view value) { return {Kind::text, 0, value}; }
CustomerContact contact(const CustomerRow& row) { return customer_contact(row.table, row.customer, row.members); }
CustomerValue integer(double value) { return {Kind::integer, value}; }
CustomerValue number(double value) { return {Kind::number, value}; }
CustomerValue day(int32_t value) { return {Kind::day, static_cast<double>(value)}; }
// A prediction, empty for a customer outside the fit (first purchase after the calibration end).
CustomerValue predicted(const CustomerRow& row, double CustomerPrediction::*field) {
  return row.prediction->fitted ? number(row.prediction->*field) : CustomerValue{Kind::empty};
}

double rounded(double value, int decimals) {
  static constexpr double kScale[] = {1, 10, 100, 1000, 10000};
  return std::round(value * kScale[decimals]) / kScale[decimals];
}

// 0/1 per member tier (empty without tiers, and for a promotion tier without a promotion column).
CustomerValue tier_flag(const CustomerRow& r, MemberTier tier) {
  if (!r.tiers || !r.tiers->tiers[static_cast<int>(tier)].available) return CustomerValue{Kind::empty};
  return integer(r.tiers->has(r.customer, tier) ? 1 : 0);
}
#define TIER_COLUMN(name, tier) \
  {name, 0, false, false, false, [](const CustomerRow& r) { return tier_flag(r, MemberTier::tier); }}

const std::vector<CustomerColumn> kColumns = {
    {"customer_id", 0, true, true, false, [](const CustomerRow& r) { return text(r.table.customer_id(r.customer)); }},
    {"phone", 0, true, false, false, [](const CustomerRow& r) { return text(contact(r).phone); }},
    {"email", 0, true, false, false, [](const CustomerRow& r) { return text(contact(r).email); }},
    {"recency_days", 0, true, true, false, [](const CustomerRow& r) { return integer(metrics(r).recency_days(r.shop.as_of_day)); }},
    {"frequency", 0, true, true, false, [](const CustomerRow& r) { return integer(metrics(r).frequency); }},
    {"monetary", 2, true, true, false, [](const CustomerRow& r) { return number(r.shop.monetary(metrics(r))); }},
    {"r_score", 0, true, true, false, [](const CustomerRow& r) { return integer(metrics(r).r_score); }},
    {"f_score", 0, true, true, false, [](const CustomerRow& r) { return integer(metrics(r).f_score); }},
    {"m_score", 0, true, true, false, [](const CustomerRow& r) { return integer(metrics(r).m_score); }},
    {"segment_eight", 0, true, false, false,
     [](const CustomerRow& r) { return text(segment8_info(metrics(r).segment8).key); }},
    {"segment_grid", 0, true, false, false,
     [](const CustomerRow& r) { return text(grid_segment_info(metrics(r).grid).key); }},
    {"status", 0, true, false, false, [](const CustomerRow& r) { return text(churn_status_key(metrics(r).status)); }},
    {"sleeping", 0, true, false, false,
     [](const CustomerRow& r) { return CustomerValue{Kind::flag, metrics(r).sleeping ? 1.0 : 0.0}; }},
    {"first_purchase", 0, true, true, false, [](const CustomerRow& r) { return day(metrics(r).first_day); }},
    {"last_purchase", 0, true, true, false, [](const CustomerRow& r) { return day(metrics(r).last_day); }},
    {"purchase_days", 0, true, true, false, [](const CustomerRow& r) { return integer(metrics(r).purchase_days); }},
    {"average_order_value", 2, true, true, false,
     [](const CustomerRow& r) { return number(metrics(r).gross / metrics(r).frequency); }},
    // -1 (fewer than 2 purchase days) is empty, and sorts below every real cycle.
    {"cycle_days", 2, true, true, false,
     [](const CustomerRow& r) {
       const double cycle = metrics(r).cycle_days();
       return cycle >= 0 ? number(cycle) : CustomerValue{Kind::empty, cycle};
     }},
    {"returned", 2, true, true, false, [](const CustomerRow& r) { return number(metrics(r).returned); }},
    // Replenishment (issue 9): the rhythm's next purchase day; the earliest product reminder.
    {"next_purchase_date", 0, true, true, false,
     [](const CustomerRow& r) {
       const int32_t next = rhythm_next_purchase(metrics(r));
       return next != INT32_MIN ? day(next) : CustomerValue{Kind::empty, -1e12};
     }},
    {"reminder_date", 0, true, false, false,
     [](const CustomerRow& r) {
       const int32_t when = r.reminder_days ? (*r.reminder_days)[r.customer] : INT32_MIN;
       return when != INT32_MIN ? day(when) : CustomerValue{Kind::empty};
     }},
    {"segment_eight_zh", 0, false, false, false,
     [](const CustomerRow& r) { return text(segment8_info(metrics(r).segment8).name_zh); }},
    {"segment_grid_zh", 0, false, false, false,
     [](const CustomerRow& r) { return text(grid_segment_info(metrics(r).grid).name_zh); }},
    // The segment at the earlier migration date; `new` when the customer had not bought by then.
    {"segment_eight_before", 0, false, false, false,
     [](const CustomerRow& r) {
       if (!r.earlier) return CustomerValue{Kind::empty};
       const CustomerMetrics& then = r.earlier->customers[r.customer];
       return text(then.analysed ? segment8_info(then.segment8).key : "new");
     }},
    TIER_COLUMN("tier_high_spend", high_spend),
    TIER_COLUMN("tier_high_unit_price", high_unit_price),
    TIER_COLUMN("tier_high_loyalty", high_loyalty),
    TIER_COLUMN("tier_promo_high_frequency", promo_high_frequency),
    TIER_COLUMN("tier_promo_low_frequency", promo_low_frequency),
    TIER_COLUMN("tier_churning", churning),
    TIER_COLUMN("tier_sleeping", sleeping),
    {"winback_tier", 0, false, false, false,
     [](const CustomerRow& r) {
       if (!r.winback || r.winback->tier[r.customer] == kNotLapsed) return CustomerValue{Kind::empty};
       return text(winback_tier_info(static_cast<WinbackTier>(r.winback->tier[r.customer])).key);
     }},
    {"p_alive", 4, false, false, true, [](const CustomerRow& r) { return predicted(r, &CustomerPrediction::p_alive); }},
    // The prediction date + the median wait of an active customer (next_order.h); next to p_alive.
    {"expected_next_order_date", 0, false, false, true,
     [](const CustomerRow& r) {
       const CustomerPrediction& p = *r.prediction;
       return p.fitted && std::isfinite(p.next_order_day) ? day(static_cast<int32_t>(p.next_order_day))
                                                          : CustomerValue{Kind::empty};
     }},
    {"expected_purchases", 4, false, false, true,
     [](const CustomerRow& r) { return predicted(r, &CustomerPrediction::expected_purchases); }},
    {"expected_aov", 2, false, false, true,
     [](const CustomerRow& r) { return predicted(r, &CustomerPrediction::expected_aov); }},
    {"clv", 2, false, false, true, [](const CustomerRow& r) { return predicted(r, &CustomerPrediction::clv); }},
};

#undef TIER_COLUMN

void append_cell(std::string& out, const CustomerColumn& column, const CustomerValue& value) {
  char buffer[64];
  int n = 0;
  switch (value.kind) {
    case Kind::text: append_csv_cell(out, value.text); return;
    case Kind::integer: n = std::snprintf(buffer, sizeof buffer, "%.0f", value.number); break;
    case Kind::number:
      if (!std::isfinite(value.number)) return;  // a model that gave no number: an empty cell, as JSON null
      n = std::snprintf(buffer, sizeof buffer, "%.*f", column.decimals, rounded(value.number, column.decimals));
      break;
    case Kind::day: out += format_day(static_cast<int32_t>(value.number)); return;
    case Kind::flag: out += value.number != 0 ? "yes" : "no"; return;
    case Kind::empty: return;
  }
  out.append(buffer, n);
}

}  // namespace

const std::vector<CustomerColumn>& customer_columns() { return kColumns; }

const CustomerColumn* find_sortable_column(std::string_view name) {
  for (const CustomerColumn& column : kColumns) {
    if (column.sortable && name == column.name) return &column;
  }
  return nullptr;
}

std::string sortable_column_names() {
  std::string names;
  for (const CustomerColumn& column : kColumns) {
    if (column.sortable) names += (names.empty() ? "" : ", ") + std::string(column.name);
  }
  return names;
}

void append_customer_csv_header(std::string& out, bool with_models) {
  bool first = true;
  for (const CustomerColumn& column : kColumns) {
    if (column.needs_models && !with_models) continue;
    if (!first) out += ',';
    out += column.name;
    first = false;
  }
  out += "\r\n";
}

void append_customer_csv_row(std::string& out, const CustomerRow& row) {
  bool first = true;
  for (const CustomerColumn& column : kColumns) {
    if (column.needs_models && !row.prediction) continue;
    if (!first) out += ',';
    append_cell(out, column, column.value(row));
    first = false;
  }
  out += "\r\n";
}

nlohmann::json customer_json(const CustomerRow& row) {
  nlohmann::json out = nlohmann::json::object();
  for (const CustomerColumn& column : kColumns) {
    if (!column.in_json || (column.needs_models && !row.prediction)) continue;
    const CustomerValue value = column.value(row);
    nlohmann::json& cell = out[column.name];
    switch (value.kind) {
      case Kind::text: cell = std::string(value.text); break;
      case Kind::integer: cell = static_cast<int64_t>(value.number); break;
      case Kind::number: cell = std::isfinite(value.number) ? json(rounded(value.number, column.decimals)) : json(); break;
      case Kind::day: cell = format_day(static_cast<int32_t>(value.number)); break;
      case Kind::flag: cell = value.number != 0; break;
      case Kind::empty: cell = nullptr; break;
    }
  }
  return out;
}

}  // namespace huike
