#include "session.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/error.h"
#include "core/threads.h"
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
#include "session_state.h"
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

Session::Session() : state_(std::make_unique<State>()) {}
Session::~Session() = default;

void Session::begin(const json& ingest_options) {
  auto next = std::make_unique<State>();
  next->products.keep_consumption_of(state_->products);
  state_ = std::move(next);
  IngestOptions parsed = parse_ingest_options(ingest_options);
  state_->corrections = parsed.corrections;
  state_->two_threads = second_thread(parsed.threads);
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
uint64_t Session::reserved_bytes() const { return state_->reader ? state_->reader->reserved_bytes() : 0; }
uint64_t Session::wanted_bytes() const { return state_->reader ? state_->reader->wanted_bytes() : 0; }
uint64_t Session::rows_read() const {
  return state_->reader ? state_->reader->summary().rows_read : state_->summary.rows_read;
}

json Session::input_summary() const {
  return input_json(state_->reader ? state_->reader->summary() : state_->summary);
}

json Session::report(const json& analysis_options) const { return state_->report(analysis_options); }

json Session::data_warnings(const json& analysis_options) const { return state_->warnings(analysis_options); }

json Session::set_consumption_table(std::string_view csv) { return state_->products.set_consumption(csv); }

json Session::reminders_page(const json& analysis_options, const json& query) const {
  return state_->products.reminders_page(state_->table, state_->overview(analysis_options), analysis_options, query,
                                        state_->members.get());
}

json Session::product_sections(const json& analysis_options) const {
  const ShopAnalysis& shop = state_->overview(analysis_options);  // before median(): it makes it
  json out = json::object();
  state_->products.add_sections(out, state_->table, shop, analysis_options, state_->median());
  return out;
}

const std::vector<int32_t>& Session::reminder_days(const json& analysis_options) const {
  return state_->products.replenishment(state_->table, state_->overview(analysis_options), analysis_options)
      .customer_reminder_day;
}

void Session::use_reminder_days(std::vector<int32_t> days) {
  if (!state_->finished) throw HuikeError(ErrorCode::E_STATE, "no finished input");
  if (!days.empty() && days.size() != state_->table.customer_count()) {
    throw HuikeError(ErrorCode::E_BAD_OPTION, "reminder days for " + std::to_string(days.size()) + " customers; this file has " +
                                                  std::to_string(state_->table.customer_count()));
  }
  state_->host_reminder_days = std::move(days);
}

std::string Session::reminders_csv(const json& analysis_options) const {
  const ShopAnalysis& shop = state_->overview(analysis_options);
  return in_csv_lang(huike::reminders_csv(state_->table,
                                          state_->products.replenishment(state_->table, shop, analysis_options),
                                          state_->members.get()),
                     analysis_options);
}

json Session::products_page(const json& analysis_options, const json& query) const {
  const ShopAnalysis& shop = state_->overview(analysis_options);
  return huike::products_page(state_->table, state_->products.roles(state_->table, shop, analysis_options, state_->median()), query);
}

std::string Session::products_csv(const json& analysis_options) const {
  const ShopAnalysis& shop = state_->overview(analysis_options);
  return in_csv_lang(huike::products_csv(state_->table, state_->products.roles(state_->table, shop, analysis_options, state_->median())),
                     analysis_options);
}

std::string Session::promotion_audience_csv(const json& analysis_options) const {
  const ShopAnalysis& shop = state_->overview(analysis_options);
  return in_csv_lang(audience_csv(state_->table, shop, state_->products.roles(state_->table, shop, analysis_options, state_->median()),
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
  const std::vector<int32_t>* reminders = &state_->reminder_days(shop, analysis_options);
  std::string out(kUtf8Bom);
  append_customer_csv_header(out, with_models);
  for (uint32_t c = 0; c < table.customer_count(); ++c) {
    if (!matches(shop, *state_->tiers.current(), *state_->winback.current(), c, segment_filter)) continue;
    if (p_alive_below <= 1 && !(state_->predictions[c].fitted && state_->predictions[c].p_alive < p_alive_below)) continue;
    append_customer_csv_row(out, {table, shop, c, with_models ? &state_->predictions[c] : nullptr,
                                  state_->tiers.current(), state_->winback.current(), &earlier, reminders,
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
      if (matches(shop, *state_->tiers.current(), *state_->winback.current(), c, filter)) list.push_back(c);
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
  const std::vector<int32_t>* reminders = &state_->reminder_days(shop, analysis_options);
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
  ++s.members_version;  // the win-back plan changes
  s.cached_list_key.clear();
  return member_list_json(*s.members, s.members->without_purchases);
}

void Session::clear_member_list() {
  state_->members.reset();
  ++state_->members_version;
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
  const auto ranked = ranked_winback(*state_->winback.current(), shop, state_->models ? &clv : nullptr,
                                     state_->members.get(), only);
  return in_csv_lang(winback_plan_csv(state_->table, shop, *state_->winback.current(), ranked, state_->members.get(), lang),
                     analysis_options);
}

const OrderTable& Session::table() const { return state_->table; }
const CustomerOrders& Session::grouped() const { return state_->grouped; }
const IngestSummary& Session::ingest_summary() const { return state_->summary; }

}  // namespace huike
