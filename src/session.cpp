#include "session.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/error.h"
#include "ingest/date_parse.h"
#include "product_views.h"
#include "report/customer_columns.h"
#include "report/csv_headers.h"
#include "report/customer_csv.h"
#include "report/health_json.h"
#include "report/predict_json.h"
#include "report/members_json.h"
#include "report/products_json.h"
#include "report/replenishment_json.h"
#include "report/report_json.h"
#include "report/winback_csv.h"
#include "report/warnings_json.h"
#include "report/winback_json.h"
#include "session_options.h"
#include "tier_options.h"
#include "warning_options.h"

namespace huike {

using nlohmann::json;

namespace {
// Every export's header line in the language of the "csv_lang" option (csv_headers.h).
std::string in_csv_lang(std::string csv, const json& analysis_options) {
  localise_csv_header(csv, csv_lang_option(analysis_options));
  return csv;
}
}  // namespace

struct Session::State {
  std::unique_ptr<OrderReader> reader;
  IngestSummary summary;
  IngestCorrections corrections;  // the ingest options the data warnings point to
  OrderTable table;
  CustomerOrders grouped;
  bool finished = false;
  // The last analysis, so paging a customer list does not recompute it; changed tier or
  // win-back settings re-run only those (cached_tier_options holds every key).
  mutable std::string cached_options, cached_tier_options;
  mutable std::unique_ptr<ShopAnalysis> cached;
  mutable std::unique_ptr<MemberTiers> cached_tiers;
  mutable std::unique_ptr<WinbackPlan> cached_winback;
  std::unique_ptr<MemberDirectory> members;  // the optional member list
  mutable std::string cached_list_key;
  mutable std::vector<uint32_t> cached_list;

  mutable std::string cached_earlier_key;  // the analysis at the earlier migration date
  mutable std::unique_ptr<ShopAnalysis> cached_earlier;
  mutable HealthOptions cached_health_options;
  mutable std::unique_ptr<CustomerHealth> cached_health;

  mutable std::string cached_predict_options;
  mutable std::unique_ptr<PredictiveModels> models;
  mutable std::vector<CustomerPrediction> predictions;
  ProductViews products;  // replenishment and product roles

  void fit(const json& options) const {
    if (!finished) throw HuikeError(ErrorCode::E_STATE, "no finished input to model");
    std::string key = options.is_null() ? "{}" : options.dump();
    if (models && key == cached_predict_options) return;
    models.reset();
    auto fitted = std::make_unique<PredictiveModels>(fit_predictive_models(table, grouped, parse_predict_options(options)));
    predictions = predict_customers(*fitted);
    models = std::move(fitted);
    cached_predict_options = std::move(key);
  }

  const ShopAnalysis& analysis(const json& options) const {
    if (!finished) throw HuikeError(ErrorCode::E_STATE, "no finished input to analyse");
    // The health view's keys do not change this analysis, nor do the tier and win-back
    // settings (those re-run only the tiers): the same cache serves every view.
    if (!options.is_null() && !options.is_object()) {
      throw HuikeError(ErrorCode::E_BAD_OPTION, "analysis options must be an object");
    }
    json own = options.is_object() ? options : json::object();
    own.erase("period");
    own.erase("compare_as_of");
    own.erase("csv_lang");  // the exports' header language
    std::string tier_key = own.dump();
    for (const std::string& tier_option : tier_option_keys()) own.erase(tier_option);
    for (const std::string& warning_option : warning_option_keys()) own.erase(warning_option);
    std::string key = own.dump();
    if (!cached || key != cached_options) {
      cached.reset();
      cached_tier_options.clear();
      const AnalysisOptions parsed = parse_analysis_options(options);
      auto shop = std::make_unique<ShopAnalysis>(analyze_customers(table, grouped, parsed));
      // A chosen date before every purchase would give an empty report that looks like an
      // empty shop: say what happened instead.
      if (parsed.as_of_day && shop->analysed_customers == 0 && *parsed.as_of_day <= shop->first_order_day &&
          (shop->first_order_day != 0 || shop->last_order_day != 0)) {
        throw HuikeError(ErrorCode::E_BAD_OPTION, "as_of " + format_day(*parsed.as_of_day) +
                                                      " is on or before the first purchase (" +
                                                      format_day(shop->first_order_day) + "): no order to analyse");
      }
      cached = std::move(shop);
      cached_options = std::move(key);
    }
    if (tier_key != cached_tier_options) {
      cached_tier_options.clear();  // until both are made
      cached_list_key.clear();
      cached_tiers = std::make_unique<MemberTiers>(
          compute_member_tiers(table, grouped, *cached, parse_member_tier_options(options)));
      cached_winback = std::make_unique<WinbackPlan>(plan_winback(table, *cached, parse_winback_options(options), members.get()));
      cached_tier_options = std::move(tier_key);
    }
    return *cached;
  }

  // The overview at the earlier migration date (compare_as_of, default 90 days before as_of).
  const ShopAnalysis& earlier_analysis(const json& options) const {
    const ShopAnalysis& later = analysis(options);
    const HealthRequest request = parse_health_options(options);
    const int32_t day = request.compare_as_of_day.value_or(later.as_of_day - kDefaultCompareDays);
    if (day >= later.as_of_day) {
      throw HuikeError(ErrorCode::E_BAD_OPTION, "compare_as_of must be before the analysis date " + format_day(later.as_of_day));
    }
    std::string key = cached_options + '|' + std::to_string(day);
    if (!cached_earlier || key != cached_earlier_key) {
      cached_earlier = std::make_unique<ShopAnalysis>(analyze_at(table, grouped, later.options, day));
      cached_earlier_key = std::move(key);
    }
    return *cached_earlier;
  }

  // Kept while its three inputs stay: a changed tier, win-back or product setting reuses it.
  const CustomerHealth& health(const json& options) const {
    const ShopAnalysis& shop = analysis(options);
    const HealthOptions wanted{shop.as_of_day, shop.options.churn_window_days, parse_health_options(options).weekly};
    if (!cached_health || wanted.as_of_day != cached_health_options.as_of_day ||
        wanted.churn_window_days != cached_health_options.churn_window_days ||
        wanted.weekly != cached_health_options.weekly) {
      cached_health = std::make_unique<CustomerHealth>(analyze_health(table, grouped, wanted));
      cached_health_options = wanted;
    }
    return *cached_health;
  }
};

Session::Session() : state_(std::make_unique<State>()) {}
Session::~Session() = default;

void Session::begin(const json& ingest_options) {
  auto next = std::make_unique<State>();
  next->products.keep_consumption_of(state_->products);
  state_ = std::move(next);
  IngestOptions parsed = parse_ingest_options(ingest_options);
  state_->corrections = parsed.corrections;
  state_->reader = std::make_unique<OrderReader>(std::move(parsed));
}

void Session::feed(std::string_view bytes) {
  if (!state_->reader) throw HuikeError(ErrorCode::E_STATE, "feed before begin");
  try {
    state_->reader->feed(bytes);
  } catch (...) {
    state_->summary = state_->reader->summary();
    state_->reader.reset();
    throw;
  }
}

void Session::finish() {
  State& s = *state_;
  if (!s.reader) throw HuikeError(ErrorCode::E_STATE, "finish before begin");
  try {
    s.table = s.reader->finish();
  } catch (...) {
    s.summary = s.reader->summary();
    s.reader.reset();
    throw;
  }
  s.summary = s.reader->summary();
  s.reader.reset();
  s.grouped = group_by_customer(s.table);
  s.finished = true;
}

bool Session::finished() const { return state_->finished; }
uint64_t Session::bytes_fed() const { return state_->reader ? state_->reader->summary().bytes : state_->summary.bytes; }
uint64_t Session::rows_read() const {
  return state_->reader ? state_->reader->summary().rows_read : state_->summary.rows_read;
}

json Session::input_summary() const {
  return input_json(state_->reader ? state_->reader->summary() : state_->summary);
}

json Session::report(const json& analysis_options) const {
  const ShopAnalysis& shop = state_->analysis(analysis_options);
  json report = {{"schema_version", kReportSchemaVersion}, {"engine", "huike"}, {"input", input_summary()}};
  report.update(analysis_json(shop));
  report["health"] = health_json(state_->health(analysis_options));
  report["migration"] = migration_json(state_->earlier_analysis(analysis_options), shop);
  report["members"] = members_json(*state_->cached_tiers, shop);
  report["winback"] = winback_json(*state_->cached_winback, state_->members.get());
  state_->products.add_sections(report, state_->table, shop, analysis_options);
  report["warnings"] = data_warnings(analysis_options);
  return report;
}

json Session::data_warnings(const json& analysis_options) const {
  const State& s = *state_;
  if (!s.finished) throw HuikeError(ErrorCode::E_STATE, "no finished input to check");
  const DataWarnings warnings = check_data(s.table, s.summary, s.corrections, parse_warning_options(analysis_options));
  return warnings_json(warnings, s.table, s.summary, s.corrections);
}

json Session::set_consumption_table(std::string_view csv) { return state_->products.set_consumption(csv); }

json Session::reminders_page(const json& analysis_options, const json& query) const {
  return state_->products.reminders_page(state_->table, state_->analysis(analysis_options), analysis_options, query,
                                        state_->members.get());
}

std::string Session::reminders_csv(const json& analysis_options) const {
  const ShopAnalysis& shop = state_->analysis(analysis_options);
  return in_csv_lang(huike::reminders_csv(state_->table,
                                          state_->products.replenishment(state_->table, shop, analysis_options),
                                          state_->members.get()),
                     analysis_options);
}

json Session::products_page(const json& analysis_options, const json& query) const {
  const ShopAnalysis& shop = state_->analysis(analysis_options);
  return huike::products_page(state_->table, state_->products.roles(state_->table, shop, analysis_options), query);
}

std::string Session::products_csv(const json& analysis_options) const {
  const ShopAnalysis& shop = state_->analysis(analysis_options);
  return in_csv_lang(huike::products_csv(state_->table, state_->products.roles(state_->table, shop, analysis_options)),
                     analysis_options);
}

std::string Session::promotion_audience_csv(const json& analysis_options) const {
  const ShopAnalysis& shop = state_->analysis(analysis_options);
  return in_csv_lang(audience_csv(state_->table, shop, state_->products.roles(state_->table, shop, analysis_options),
                                  state_->members.get()),
                     analysis_options);
}

namespace {

// A member-tier or win-back tier key, by its key; -1 when unknown.
int tier_index(const std::string& key, bool winback) {
  for (int t = 0; t < (winback ? kWinbackTierCount : kMemberTierCount); ++t) {
    if (key == (winback ? winback_tier_info(static_cast<WinbackTier>(t)).key : member_tier_info(static_cast<MemberTier>(t)).key)) return t;
  }
  throw HuikeError(ErrorCode::E_BAD_OPTION, std::string("unknown ") + (winback ? "win-back tier '" : "member tier '") + key + "'");
}

bool matches(const ShopAnalysis& shop, const MemberTiers& tiers, const WinbackPlan& winback, uint32_t c, const json& filter) {
  const CustomerMetrics& m = shop.customers[c];
  if (!m.analysed) return false;
  if (!filter.is_object()) return true;
  for (const auto& [key, value] : filter.items()) {
    if (!value.is_string()) throw HuikeError(ErrorCode::E_BAD_OPTION, "filter values are strings");
    const std::string wanted = value.get<std::string>();
    if (key == "segment_eight") {
      if (wanted != segment8_info(m.segment8).key) return false;
    } else if (key == "segment_grid") {
      if (wanted != grid_segment_info(m.grid).key) return false;
    } else if (key == "status") {
      if (wanted == "sleeping" ? !m.sleeping : wanted != churn_status_key(m.status)) return false;
    } else if (key == "tier") {
      if (!tiers.has(c, static_cast<MemberTier>(tier_index(wanted, false)))) return false;
    } else if (key == "winback_tier") {
      if (winback.tier[c] != tier_index(wanted, true)) return false;
    } else {
      throw HuikeError(ErrorCode::E_BAD_OPTION, "unknown filter '" + key + "'");
    }
  }
  return true;
}

}  // namespace

json Session::predict(const json& predict_options) const {
  state_->fit(predict_options);
  return predict_report(state_->table, state_->grouped, *state_->models, state_->predictions);
}

std::string Session::customers_csv(const json& analysis_options, const json& filter,
                                   const json& predict_options) const {
  const ShopAnalysis& shop = state_->analysis(analysis_options);
  const OrderTable& table = state_->table;
  // "p_alive_below": X keeps the customers the models think are likely gone (needs the models).
  json segment_filter = filter.is_object() ? filter : json::object();
  double p_alive_below = 2;
  if (segment_filter.contains("p_alive_below")) {
    if (!segment_filter["p_alive_below"].is_number() || predict_options.is_null()) {
      throw HuikeError(ErrorCode::E_BAD_OPTION, "p_alive_below is a number and needs predict options");
    }
    p_alive_below = segment_filter["p_alive_below"].get<double>();
    segment_filter.erase("p_alive_below");
  }
  const ShopAnalysis& earlier = state_->earlier_analysis(analysis_options);
  const bool with_models = !predict_options.is_null();
  if (with_models) state_->fit(predict_options);
  const std::vector<int32_t>* reminders =
      &state_->products.replenishment(table, shop, analysis_options).customer_reminder_day;
  std::string out(kUtf8Bom);
  append_customer_csv_header(out, with_models);
  for (uint32_t c = 0; c < table.customer_count(); ++c) {
    if (!matches(shop, *state_->cached_tiers, *state_->cached_winback, c, segment_filter)) continue;
    if (p_alive_below <= 1 && !(state_->predictions[c].fitted && state_->predictions[c].p_alive < p_alive_below)) continue;
    append_customer_csv_row(out, {table, shop, c, with_models ? &state_->predictions[c] : nullptr,
                                  state_->cached_tiers.get(), state_->cached_winback.get(), &earlier, reminders,
                                  state_->members.get()});
  }
  return in_csv_lang(std::move(out), analysis_options);
}

json Session::customers_page(const json& analysis_options, const json& query) const {
  if (!query.is_object()) throw HuikeError(ErrorCode::E_BAD_OPTION, "query must be an object");
  const ShopAnalysis& shop = state_->analysis(analysis_options);
  const OrderTable& table = state_->table;
  const json filter = query.value("filter", json::object());
  const std::string sort = option_or<std::string>(query, "sort", "monetary");
  const CustomerColumn* column = find_sortable_column(sort);
  if (!column) {
    throw HuikeError(ErrorCode::E_BAD_OPTION, "unknown sort key '" + sort + "'; one of " + sortable_column_names());
  }
  const bool descending = option_or<bool>(query, "descending", true);
  const uint64_t offset = option_or<uint64_t>(query, "offset", 0);
  const uint64_t limit = std::min<uint64_t>(option_or<uint64_t>(query, "limit", 50), 1000);

  const std::string list_key = filter.dump() + '|' + sort + '|' + (descending ? "d" : "a");
  std::vector<uint32_t>& list = state_->cached_list;
  if (list_key != state_->cached_list_key) {
    list.clear();
    for (uint32_t c = 0; c < table.customer_count(); ++c) {
      if (matches(shop, *state_->cached_tiers, *state_->cached_winback, c, filter)) list.push_back(c);
    }
    // Ties keep the table order (stable), so pages never overlap.
    const auto value = [&](uint32_t c) { return column->value({table, shop, c, nullptr}); };
    std::stable_sort(list.begin(), list.end(), [&](uint32_t a, uint32_t b) {
      if (descending) std::swap(a, b);
      const CustomerValue va = value(a), vb = value(b);
      return va.kind == CustomerValue::Kind::text ? va.text < vb.text : va.number < vb.number;
    });
    state_->cached_list_key = list_key;
  }
  const std::vector<int32_t>* reminders =
      &state_->products.replenishment(table, shop, analysis_options).customer_reminder_day;
  json rows = json::array();
  for (uint64_t i = offset; i < list.size() && i < offset + limit; ++i) {
    CustomerRow row{table, shop, list[i], nullptr};
    row.reminder_days = reminders;
    row.members = state_->members.get();
    rows.push_back(customer_json(row));
  }
  return {{"total", list.size()}, {"offset", offset}, {"rows", rows}};
}

std::string Session::cohorts_csv(const json& analysis_options) const {
  return in_csv_lang(huike::cohorts_csv(state_->health(analysis_options)), analysis_options);
}

std::string Session::migration_csv(const json& analysis_options) const {
  return in_csv_lang(
      huike::migration_csv(state_->table, state_->earlier_analysis(analysis_options), state_->analysis(analysis_options)),
      analysis_options);
}

json Session::load_member_list(std::string_view bytes, const json& ingest_options) {
  State& s = *state_;
  if (!s.finished) throw HuikeError(ErrorCode::E_STATE, "a member list needs a finished order file");
  s.members = std::make_unique<MemberDirectory>(match_members(read_member_list(bytes, parse_ingest_options(ingest_options)), s.table));
  s.cached_tier_options.clear();  // the win-back plan changes
  s.cached_list_key.clear();
  return member_list_json(*s.members, s.members->without_purchases);
}

void Session::clear_member_list() {
  state_->members.reset();
  state_->cached_tier_options.clear();
  state_->cached_list_key.clear();
}

std::string Session::winback_csv(const json& analysis_options, const json& filter, const std::string& lang) const {
  const ShopAnalysis& shop = state_->analysis(analysis_options);
  std::optional<WinbackTier> only;
  if (filter.is_object() && filter.contains("tier")) {
    if (!filter["tier"].is_string()) throw HuikeError(ErrorCode::E_BAD_OPTION, "tier is a win-back tier key");
    only = static_cast<WinbackTier>(tier_index(filter["tier"].get<std::string>(), true));
  }
  // CLV ranks the customers when the models have been fitted; NaN for those outside the fit.
  std::vector<double> clv;
  if (state_->models) {
    clv.reserve(state_->predictions.size());
    for (const CustomerPrediction& p : state_->predictions) clv.push_back(p.fitted ? p.clv : std::nan(""));
  }
  const auto ranked = ranked_winback(*state_->cached_winback, shop, state_->models ? &clv : nullptr,
                                     state_->members.get(), only);
  return in_csv_lang(winback_plan_csv(state_->table, shop, *state_->cached_winback, ranked, state_->members.get(), lang),
                     analysis_options);
}

const OrderTable& Session::table() const { return state_->table; }
const CustomerOrders& Session::grouped() const { return state_->grouped; }
const IngestSummary& Session::ingest_summary() const { return state_->summary; }

}  // namespace huike
