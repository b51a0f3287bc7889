#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/customer_analysis.h"
#include "analysis/member_tiers.h"
#include "analysis/winback.h"
#include "analysis/predictive/predictive_models.h"

namespace huike {

// One table of the per-customer columns, read by the customers CSV and by customer_json
// (the page's tables), so both carry the same values rounded the same way:
//   money (monetary, average_order_value, returned, expected_aov, clv): to the cent,
//   half away from zero; cycle_days: to 0.01 day; p_alive, expected_purchases: 4 places.
// The CSV prints exactly that many decimals (600.00); the JSON carries the rounded number.
// phone and email: the order file's (analysis/contact.h), a member list filling gaps. The
// header names in zh-CN are those of every export (csv_headers.h).
struct CustomerRow {
  const OrderTable& table;
  const ShopAnalysis& shop;
  uint32_t customer;
  const CustomerPrediction* prediction;  // null: no models asked for
  const MemberTiers* tiers = nullptr;      // null: the tier columns are empty
  const WinbackPlan* winback = nullptr;
  const ShopAnalysis* earlier = nullptr;  // the analysis at the earlier migration date (CSV only)
  // Per customer: the earliest product reminder day (INT32_MIN none); null: not computed.
  const std::vector<int32_t>* reminder_days = nullptr;
  const MemberDirectory* members = nullptr;  // fills the contact columns the order file lacks
};

struct CustomerValue {
  enum class Kind : uint8_t { text, integer, number, day, flag, empty } kind;
  double number = 0;       // integer, number, day (days since 1970), flag (0/1); empty: the sort key
  std::string_view text{};  // text
};

struct CustomerColumn {
  const char* name;
  int decimals;       // Kind::number: rounded to this many places
  bool in_json;       // customer_json carries it (the CSV carries every column)
  bool sortable;      // a sort key of customers_page
  bool needs_models;  // only with the predictive models
  CustomerValue (*value)(const CustomerRow& row);
};

const std::vector<CustomerColumn>& customer_columns();
const CustomerColumn* find_sortable_column(std::string_view name);  // null when not a sort key
std::string sortable_column_names();                                 // "customer_id, recency_days, …"

// The CSV header line and one row (CRLF-terminated); with_models adds the prediction columns.
void append_customer_csv_header(std::string& out, bool with_models);
void append_customer_csv_row(std::string& out, const CustomerRow& row);

// One customer as a JSON object with the in_json columns.
nlohmann::json customer_json(const CustomerRow& row);

}  // namespace huike
