#include "report/warnings_json.h"

#include <cmath>
#include <cstdio>

#include "ingest/column_roles.h"
#include "ingest/date_parse.h"
#include "warning_options.h"

namespace huike {

using nlohmann::json;

namespace {

std::string percent(double share) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f%%", share * 100);
  return text;
}

std::string number(double value) {
  char text[48];
  std::snprintf(text, sizeof text, "%g", value);
  return text;
}

double rounded(double value, double scale) { return std::round(value * scale) / scale; }

// A value as a shell word: quoted when it holds anything but letters, digits, _ . -.
std::string shell_word(const std::string& value) {
  bool plain = !value.empty();
  for (unsigned char c : value) plain = plain && (std::isalnum(c) || c == '_' || c == '.' || c == '-');
  if (plain) return value;
  std::string out = "'";
  for (char c : value) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

json header_or_null(const IngestSummary& summary, int column) {
  return column >= 0 && static_cast<size_t>(column) < summary.header.size() ? json(summary.header[column]) : json(nullptr);
}

// A mapping of `role` to the column named `header`, as ingest options and CLI flags.
json mapping_action(const char* role, const std::string& header) {
  return {{"ingest", {{"columns", {{role, header}}}}}, {"cli", std::string("--column ") + role + "=" + shell_word(header)}};
}

json option_action(const char* key, const std::string& value) {
  std::string flag = key;
  for (char& c : flag) c = c == '_' ? '-' : c;
  return {{"ingest", {{key, value}}}, {"cli", "--" + flag + " " + value}};
}

// The column that would identify buyers instead of the customer column: e-mail, else phone.
json identity_column(const IngestSummary& summary) {
  const int column = summary.identity.email_column >= 0 ? summary.identity.email_column : summary.identity.phone_column;
  return header_or_null(summary, column);
}

// Unmapped columns whose header reads like `role`'s (for the date and amount suggestions).
std::vector<std::string> unmapped_like(const IngestSummary& summary, ColumnRole role,
                                       std::initializer_list<const char*> words) {
  std::vector<std::string> out;
  for (size_t c = 0; c < summary.header.size(); ++c) {
    bool mapped = false;
    for (int r : summary.role_column) mapped = mapped || r == static_cast<int>(c);
    if (mapped) continue;
    const std::string name = normalise_header(summary.header[c], false);
    bool like = header_match(role, summary.header[c]) > 0;
    for (const char* w : words) like = like || name.find(w) != std::string::npos;
    if (like) out.push_back(summary.header[c]);
  }
  return out;
}

json item(const char* code, const char* severity, json figures, std::string message, json action) {
  return {{"code", code}, {"severity", severity}, {"figures", std::move(figures)}, {"message", std::move(message)},
          {"action", std::move(action)}};
}

void dominant_customer(const DataWarnings& w, const OrderTable& table, const IngestSummary& summary, json& items) {
  if (w.dominant.empty()) return;
  json top = json::array();
  for (const DominantCustomer& d : w.dominant) {
    top.push_back({{"customer_id", table.customer_id(d.customer)}, {"orders", d.orders}, {"order_share", d.order_share},
                   {"revenue", rounded(d.revenue, 100)}, {"revenue_share", d.revenue_share}});
  }
  const DominantCustomer& d = w.dominant.front();
  const json column = identity_column(summary);
  std::string message = "customer '" + std::string(table.customer_id(d.customer)) + "' holds " +
                        percent(d.order_share) + " of the orders and " + percent(d.revenue_share) + " of the revenue (" +
                        std::to_string(w.customers) + " customers; warned above " + percent(w.options.customer_share) +
                        "): it may be a guest or shared account, not one buyer. ";
  message += column.is_null() ? "Map a column that identifies buyers (e-mail, phone or member id) as the customer."
                              : "Identify buyers by '" + column.get<std::string>() + "': map it as the customer column.";
  items.push_back(item("W_DOMINANT_CUSTOMER", "warning",
                       {{"customers", w.customers}, {"orders", w.orders}, {"customers_above", w.dominant_count},
                        {"top", top}, {"identity_column", column},
                        {"customer_column", header_or_null(summary, summary.role_column[0])}},
                       message, column.is_null() ? json(nullptr) : mapping_action("customer", column.get<std::string>())));
}

void amount_level(const DataWarnings& w, const IngestSummary& summary, json& items) {
  const AmountLevelDecision& level = summary.amount_level;
  const json figures = {{"multi_line_orders", level.multi_line_orders}, {"repeated_orders", level.repeated_orders},
                        {"header_says", level.header_says},
                        {"amount_column", header_or_null(summary, summary.role_column[static_cast<int>(ColumnRole::amount)])}};
  const std::string counts = std::to_string(level.repeated_orders) + " of " + std::to_string(level.multi_line_orders) +
                             " orders with several lines repeat one amount on every line";
  if (w.amount_per_order) {
    items.push_back(item("W_AMOUNT_PER_ORDER", "info", figures,
                         counts + ", so the amount was read as the order's total and taken once per order. If it is "
                                  "each line item's value, set amount_level per_line.",
                         option_action("amount_level", "per_line")));
  } else if (w.amount_repeated_summed) {
    items.push_back(item("W_AMOUNT_REPEATED", "warning", figures,
                         counts + " (warned from " + percent(w.options.repeated_share) +
                             "), yet the lines were summed (the header says " + level.header_says +
                             "). If the column is the order's total, set amount_level per_order.",
                         option_action("amount_level", "per_order")));
  }
}

void zero_orders(const DataWarnings& w, const IngestSummary& summary, json& items) {
  if (!w.zero_fired) return;
  const auto candidates = unmapped_like(summary, ColumnRole::amount, {"amount", "total", "paid", "金额", "实付", "应付"});
  const double share = static_cast<double>(w.zero_orders) / w.orders;
  std::string message = std::to_string(w.zero_orders) + " of " + std::to_string(w.orders) + " orders (" +
                        percent(share) + ", warned from " + percent(w.options.zero_share) +
                        ") have the value 0. They count as purchases; if the amount column is not the paid amount, ";
  message += candidates.empty() ? "map the paid-amount column." : "map '" + candidates.front() + "' as the amount.";
  items.push_back(item("W_ZERO_VALUE_ORDERS", "warning",
                       {{"orders", w.orders}, {"zero_orders", w.zero_orders}, {"share", share},
                        {"amount_column", header_or_null(summary, summary.role_column[static_cast<int>(ColumnRole::amount)])},
                        {"candidates", candidates}},
                       message, candidates.empty() ? json(nullptr) : mapping_action("amount", candidates.front())));
}

void one_time(const DataWarnings& w, const IngestSummary& summary, json& items) {
  if (!w.one_time_fired) return;
  const double share = static_cast<double>(w.one_time_customers) / w.customers;
  const double years = rounded((w.last_day - w.first_day) / 365.25, 10);
  const json column = identity_column(summary);
  std::string message = std::to_string(w.one_time_customers) + " of " + std::to_string(w.customers) + " customers (" +
                        percent(share) + ", warned from " + percent(w.options.one_time_share) +
                        ") bought exactly once in " + number(years) +
                        " years: the customer column may hold per-order ids. ";
  message += column.is_null() ? "Map the buyer's account, e-mail or phone as the customer."
                              : "Map '" + column.get<std::string>() + "' as the customer.";
  items.push_back(item("W_ONE_TIME_BUYERS", "warning",
                       {{"customers", w.customers}, {"one_time_customers", w.one_time_customers}, {"share", share},
                        {"span_years", years}, {"identity_column", column},
                        {"customer_column", header_or_null(summary, summary.role_column[0])}},
                       message, column.is_null() ? json(nullptr) : mapping_action("customer", column.get<std::string>())));
}

void one_day(const DataWarnings& w, const IngestSummary& summary, json& items) {
  if (!w.one_day_fired) return;
  const double share = static_cast<double>(w.busiest_day_orders) / w.orders;
  const auto candidates = unmapped_like(summary, ColumnRole::date, {"date", "time", "created", "paid", "时间", "日期"});
  std::string message = std::to_string(w.busiest_day_orders) + " of " + std::to_string(w.orders) + " orders (" +
                        percent(share) + ", warned from " + percent(w.options.one_day_share) + ") are dated " +
                        format_day(w.busiest_day) + ": the date column may be the export date. ";
  message += candidates.empty() ? "Map the order date column." : "Map '" + candidates.front() + "' as the date.";
  items.push_back(item("W_ONE_DAY_DATES", "warning",
                       {{"orders", w.orders}, {"day", format_day(w.busiest_day)}, {"day_orders", w.busiest_day_orders},
                        {"share", share},
                        {"date_column", header_or_null(summary, summary.role_column[static_cast<int>(ColumnRole::date)])},
                        {"candidates", candidates}},
                       message, candidates.empty() ? json(nullptr) : mapping_action("date", candidates.front())));
}

void cents(const DataWarnings& w, const IngestSummary& summary, json& items) {
  if (!w.cents_fired) return;
  const double share = static_cast<double>(w.orders_at_cents_median) / w.orders;
  std::string why = w.header_says_cents
                        ? std::string("the amount header names cents (分)")
                        : "every amount is a whole number and " + percent(share) + " of the orders are " +
                              number(w.options.cents_median) + " or more";
  items.push_back(item("W_AMOUNTS_IN_CENTS", "warning",
                       {{"orders", w.orders}, {"amounts_whole", w.amounts_whole},
                        {"orders_at_or_above", w.orders_at_cents_median}, {"share_at_or_above", share},
                        {"header_says_cents", w.header_says_cents},
                        {"amount_column", header_or_null(summary, summary.role_column[static_cast<int>(ColumnRole::amount)])}},
                       "The amounts may be in cents (分): " + why + ". Set amount_unit cents to divide them by 100.",
                       option_action("amount_unit", "cents")));
}

void outliers(const DataWarnings& w, json& items) {
  if (!w.outliers_fired) return;
  json ingest = json::object();
  std::string cli;
  if (w.outliers_before) {
    ingest["since"] = format_day(w.suggested_since);
    cli = "--since " + format_day(w.suggested_since);
  }
  if (w.outliers_after) {
    ingest["until"] = format_day(w.suggested_until);
    cli += (cli.empty() ? "" : " ") + std::string("--until ") + format_day(w.suggested_until);
  }
  std::string lines;
  for (int64_t line : w.outlier_lines) lines += (lines.empty() ? "" : ", ") + std::to_string(line);
  const std::string message =
      "Orders dated before " + format_day(w.low_cut) + ": " + std::to_string(w.outliers_before) + "; after " +
      format_day(w.high_cut) + ": " + std::to_string(w.outliers_after) + " (1 January " +
      number(w.options.date_floor_year) + ", or " + number(w.options.outlier_years) +
      " years beyond the 1st / 99th percentile of the dates, " + format_day(w.p1_day) + " / " + format_day(w.p99_day) +
      "); lines such as " + lines + ". They skew recency, the date range and the predictive fits. " + cli +
      " leaves them out.";
  items.push_back(item("W_OUTLIER_DATES", "warning",
                       {{"orders", w.orders}, {"before", w.outliers_before}, {"after", w.outliers_after},
                        {"low_cut", format_day(w.low_cut)}, {"high_cut", format_day(w.high_cut)},
                        {"p1", format_day(w.p1_day)}, {"p99", format_day(w.p99_day)},
                        {"first_date", format_day(w.first_day)}, {"last_date", format_day(w.last_day)},
                        {"example_lines", w.outlier_lines},
                        {"since", ingest.value("since", json(nullptr))}, {"until", ingest.value("until", json(nullptr))}},
                       message, {{"ingest", ingest}, {"cli", cli}}));
}

}  // namespace

json warnings_json(const DataWarnings& w, const OrderTable& table, const IngestSummary& summary,
                   const IngestCorrections& corrections) {
  json items = json::array();
  dominant_customer(w, table, summary, items);
  amount_level(w, summary, items);
  zero_orders(w, summary, items);
  one_time(w, summary, items);
  one_day(w, summary, items);
  cents(w, summary, items);
  outliers(w, items);
  return {{"settings", warning_settings_json(w.options)}, {"corrections", corrections_json(corrections)},
          {"items", items}};
}

}  // namespace huike
