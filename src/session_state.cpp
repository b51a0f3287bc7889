#include "session_state.h"

#include <cmath>
#include <future>

#include "analysis/migration.h"
#include "core/error.h"
#include "ingest/date_parse.h"
#include "report/health_json.h"
#include "report/members_json.h"
#include "report/report_json.h"
#include "report/warnings_json.h"
#include "report/winback_json.h"
#include "session_options.h"
#include "tier_options.h"
#include "warning_options.h"

namespace huike {

using nlohmann::json;

namespace {

// The win-back keys among the tier keys (the rest are the member tiers').
std::vector<std::string> tier_keys(bool winback) {
  std::vector<std::string> out;
  for (const std::string& key : tier_option_keys()) {
    if ((key.rfind("winback_", 0) == 0) == winback) out.push_back(key);
  }
  return out;
}

}  // namespace

void Session::State::fit(const json& options) const {
  if (!finished) throw HuikeError(ErrorCode::E_STATE, "no finished input to model");
  std::string key = options.is_null() ? "{}" : options.dump();
  if (models && key == cached_predict_options) return;
  models.reset();
  auto fitted = std::make_unique<PredictiveModels>(fit_predictive_models(table, grouped, parse_predict_options(options)));
  predictions = predict_customers(*fitted);
  models = std::move(fitted);
  cached_predict_options = std::move(key);
}

const ShopAnalysis& Session::State::overview(const json& options) const {
  if (!finished) throw HuikeError(ErrorCode::E_STATE, "no finished input to analyse");
  if (!options.is_null() && !options.is_object()) {
    throw HuikeError(ErrorCode::E_BAD_OPTION, "analysis options must be an object");
  }
  const AnalysisOptions parsed = parse_analysis_options(options);
  const ShopAnalysis& shop = later.update(table, grouped, parsed);
  // A chosen date before every purchase would give an empty report that looks like an
  // empty shop: say what happened instead.
  if (parsed.as_of_day && shop.analysed_customers == 0 && *parsed.as_of_day <= shop.first_order_day &&
      (shop.first_order_day != 0 || shop.last_order_day != 0)) {
    throw HuikeError(ErrorCode::E_BAD_OPTION, "as_of " + format_day(*parsed.as_of_day) + " is on or before the first purchase (" +
                                                  format_day(shop.first_order_day) + "): no order to analyse");
  }
  purchase_median.get(date_key(parsed), [&] { return median_order_value(table, shop); });
  return shop;
}

const ShopAnalysis& Session::State::analysis(const json& options) const {
  const ShopAnalysis& shop = overview(options);
  const AnalysisOptions& parsed = shop.options;
  static const std::vector<std::string> member_keys = tier_keys(false), winback_keys = tier_keys(true);
  const MemberTierOptions tier_options = parse_member_tier_options(options);
  const WinbackOptions winback_options = parse_winback_options(options);
  const std::string windows_key =
      date_key(parsed) + '|' + std::to_string(tier_options.window_days) + '|' + std::to_string(tier_options.churning_recent_days);
  const std::string tiers_key = money_key(parsed) + '|' + sleeping_key(parsed) + '|' + options_key(options, member_keys);
  const std::string winback_key = money_key(parsed) + '|' + status_key(parsed) + '|' + sleeping_key(parsed) + '|' +
                                  options_key(options, winback_keys) + '#' + std::to_string(members_version);
  const MemberWindows& member_windows = windows.get(
      windows_key, [&] { return huike::member_windows(table, grouped, shop, tier_options); });
  tiers.get(tiers_key, [&] { return classify_member_tiers(table, shop, member_windows, tier_options); });
  winback.get(winback_key, [&] { return plan_winback(table, shop, winback_options, members.get(), median()); });
  std::string view = analysis_key(parsed) + '/' + tiers_key + '/' + winback_key;
  if (view != view_key) {
    cached_list_key.clear();  // the customer lists show other values now
    view_key = std::move(view);
  }
  return shop;
}

const std::vector<int32_t>& Session::State::reminder_days(const ShopAnalysis& shop, const json& options) const {
  if (!host_reminder_days.empty()) return host_reminder_days;
  return products.replenishment(table, shop, options).customer_reminder_day;
}

const ShopAnalysis& Session::State::earlier_analysis(const json& options) const {
  const ShopAnalysis& now = analysis(options);
  const HealthRequest request = parse_health_options(options);
  const int32_t day = request.compare_as_of_day.value_or(now.as_of_day - kDefaultCompareDays);
  if (day >= now.as_of_day) {
    throw HuikeError(ErrorCode::E_BAD_OPTION, "compare_as_of must be before the analysis date " + format_day(now.as_of_day));
  }
  AnalysisOptions at_day = now.options;  // as analyze_at: every other setting of the later date
  at_day.as_of_day = day;
  return earlier.update(table, grouped, at_day);
}

const CustomerHealth& Session::State::health(const json& options) const {
  const ShopAnalysis& shop = analysis(options);
  const HealthOptions wanted{shop.as_of_day, shop.options.churn_window_days, parse_health_options(options).weekly};
  // One walk makes both series, kept by the date; another churn window re-counts from its tables.
  const auto make = [&] {
    HealthOptions both = wanted;
    both.weekly = true;
    CustomerHealth health =
        health_walk.get(std::to_string(wanted.as_of_day), [&] { return analyze_health(table, grouped, both); });
    if (!set_churn_window(health, wanted.churn_window_days)) health = analyze_health(table, grouped, both);
    if (!wanted.weekly) {
      health.weekly.clear();
      health.weekly_recency = {};
    }
    return health;
  };
  return health_result.get(
      std::to_string(wanted.as_of_day) + (wanted.weekly ? "|week|" : "|month|") + std::to_string(wanted.churn_window_days),
      make);
}

json Session::State::warnings(const json& options) const {
  if (!finished) throw HuikeError(ErrorCode::E_STATE, "no finished input to check");
  const WarningOptions parsed = parse_warning_options(options);
  return warnings_section.get(options_key(options, warning_option_keys()), [&] {
    const WarningCounts& counts = warning_counts.get("file", [&] { return count_for_warnings(table, grouped); });
    return warnings_json(check_data(table, summary, corrections, counts, parsed), table, summary, corrections);
  });
}

json Session::State::report(const json& options) const {
  const ShopAnalysis& shop = analysis(options);
  const AnalysisOptions& parsed = shop.options;
  json report = {{"schema_version", kReportSchemaVersion}, {"engine", "huike"}, {"input", input_json(summary)}};
  report.update(analysis_section.get(analysis_key(parsed), [&] {
    const json& charts = charts_section.get(money_key(parsed), [&] {
      return analysis_charts_json(shop, date_charts_section.get(date_key(parsed), [&] { return date_charts_json(shop); }));
    });
    return analysis_json(shop, charts);
  }));
  // The product sections read only the table and this analysis, which nothing below changes
  // (CustomerStages::update writes nothing for the same settings): natively they are made on
  // a second thread meanwhile.
  json product_sections = json::object();
  const double median_value = median();
  const auto add_products = [&] { products.add_sections(product_sections, table, shop, options, median_value); };
  std::future<void> products_made;
  if (two_threads) products_made = std::async(std::launch::async, add_products);
  const CustomerHealth& h = health(options);
  report["health"] = health_section.get(health_result.key(), [&] { return health_json(h); });
  const ShopAnalysis& before = earlier_analysis(options);
  report["migration"] = migration_section.get(analysis_key(parsed) + '|' + std::to_string(before.as_of_day),
                                              [&] { return migration_json(before, shop); });
  report["members"] = members_section.get(tiers.key(), [&] { return members_json(*tiers.current(), shop); });
  report["winback"] = winback_section.get(winback.key(), [&] { return winback_json(*winback.current(), members.get()); });
  if (products_made.valid()) products_made.get();
  else add_products();
  report.update(product_sections);
  report["warnings"] = warnings(options);
  return report;
}

}  // namespace huike
