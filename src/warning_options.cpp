#include "warning_options.h"

#include "ingest/date_parse.h"
#include "session_options.h"

namespace huike {

using nlohmann::json;

namespace {

struct WarningKey {
  const char* key;
  double WarningOptions::*field;
  double lo, hi;
  bool whole;
};

constexpr WarningKey kWarningKeys[] = {
    {"warn_customer_share", &WarningOptions::customer_share, kMinCustomerShare, 1, false},
    {"warn_min_customers", &WarningOptions::min_customers, 1, 1e9, true},
    {"warn_repeated_share", &WarningOptions::repeated_share, 0.001, 1, false},
    {"warn_zero_share", &WarningOptions::zero_share, 0.001, 1, false},
    {"warn_one_time_share", &WarningOptions::one_time_share, 0.001, 1, false},
    {"warn_one_time_min_years", &WarningOptions::one_time_min_years, 0, 300, false},
    {"warn_one_day_share", &WarningOptions::one_day_share, 0.001, 1, false},
    {"warn_one_day_min_orders", &WarningOptions::one_day_min_orders, 1, 1e12, true},
    {"warn_cents_median", &WarningOptions::cents_median, 1, 1e15, false},
    {"warn_date_floor_year", &WarningOptions::date_floor_year, 1900, 2200, true},
    {"warn_outlier_years", &WarningOptions::outlier_years, 0.1, 300, false},
};

std::optional<int32_t> day_option(const json& options, const char* key) {
  const std::string text = option_or<std::string>(options, key, "");
  if (text.empty()) return std::nullopt;
  int32_t day;
  if (!parse_iso_day(text, day)) throw HuikeError(ErrorCode::E_BAD_OPTION, std::string(key) + " must be a date YYYY-MM-DD");
  return day;
}

}  // namespace

WarningOptions parse_warning_options(const json& options) {
  WarningOptions out;
  if (!options.is_object()) return out;
  for (const WarningKey& k : kWarningKeys) out.*k.field = number_option(options, k.key, out.*k.field, k.lo, k.hi, k.whole);
  return out;
}

const std::vector<std::string>& warning_option_keys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> out;
    for (const WarningKey& k : kWarningKeys) out.emplace_back(k.key);
    return out;
  }();
  return keys;
}

json warning_settings_json(const WarningOptions& options) {
  json out = json::object();
  for (const WarningKey& k : kWarningKeys) out[k.key] = options.*k.field;
  return out;
}

IngestCorrections parse_ingest_corrections(const json& options) {
  IngestCorrections out;
  if (!options.is_object()) return out;
  out.since_day = day_option(options, "since");
  out.until_day = day_option(options, "until");
  if (out.since_day && out.until_day && *out.since_day > *out.until_day) {
    throw HuikeError(ErrorCode::E_BAD_OPTION, "since " + format_day(*out.since_day) + " is after until " +
                                                  format_day(*out.until_day));
  }
  const std::string unit = option_or<std::string>(options, "amount_unit", "yuan");
  if (unit != "yuan" && unit != "cents") throw HuikeError(ErrorCode::E_BAD_OPTION, "amount_unit is yuan or cents");
  out.amounts_in_cents = unit == "cents";
  const std::string level = option_or<std::string>(options, "amount_level", "auto");
  if (level == "per_order") out.amount_level = AmountLevelHint::order;
  else if (level == "per_line") out.amount_level = AmountLevelHint::line;
  else if (level != "auto") throw HuikeError(ErrorCode::E_BAD_OPTION, "amount_level is auto, per_order or per_line");
  return out;
}

json corrections_json(const IngestCorrections& c) {
  const auto day = [](const std::optional<int32_t>& d) { return d ? json(format_day(*d)) : json(nullptr); };
  const char* level = !c.amount_level ? "auto" : *c.amount_level == AmountLevelHint::order ? "per_order" : "per_line";
  return {{"since", day(c.since_day)},
          {"until", day(c.until_day)},
          {"amount_unit", c.amounts_in_cents ? "cents" : "yuan"},
          {"amount_level", level}};
}

}  // namespace huike
