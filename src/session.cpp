#include "session.h"

#include <algorithm>
#include <cstdio>

#include "core/error.h"
#include "ingest/date_parse.h"
#include "report/customer_csv.h"
#include "report/predict_json.h"
#include "report/report_json.h"
#include "session_options.h"

namespace huike {

using nlohmann::json;

struct Session::State {
  std::unique_ptr<OrderReader> reader;
  IngestSummary summary;
  OrderTable table;
  CustomerOrders grouped;
  bool finished = false;
  // The last analysis, so paging a customer list does not recompute it.
  mutable std::string cached_options;
  mutable std::unique_ptr<ShopAnalysis> cached;
  mutable std::string cached_list_key;
  mutable std::vector<uint32_t> cached_list;

  mutable std::string cached_predict_options;
  mutable std::unique_ptr<PredictiveModels> models;
  mutable std::vector<CustomerPrediction> predictions;

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
    std::string key = options.is_null() ? "{}" : options.dump();
    if (!cached || key != cached_options) {
      cached = std::make_unique<ShopAnalysis>(analyze_customers(table, grouped, parse_analysis_options(options)));
      cached_options = std::move(key);
      cached_list_key.clear();
    }
    return *cached;
  }
};

Session::Session() : state_(std::make_unique<State>()) {}
Session::~Session() = default;

void Session::begin(const json& ingest_options) {
  state_ = std::make_unique<State>();
  state_->reader = std::make_unique<OrderReader>(parse_ingest_options(ingest_options));
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
  return report;
}

namespace {

bool matches(const CustomerMetrics& m, const json& filter) {
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
    } else {
      throw HuikeError(ErrorCode::E_BAD_OPTION, "unknown filter '" + key + "'");
    }
  }
  return true;
}

void append_number(std::string& out, double value) {
  char text[32];
  const int n = std::snprintf(text, sizeof text, "%.2f", value);
  out.append(text, n);
}

// Empty cells for customers outside the fit (first purchase after the calibration end).
void append_prediction(std::string& out, const CustomerPrediction& p) {
  char text[128];
  const int n = p.fitted ? std::snprintf(text, sizeof text, ",%.4f,%.4f,%.2f,%.2f", p.p_alive, p.expected_purchases,
                                         p.expected_aov, p.clv)
                         : std::snprintf(text, sizeof text, ",,,,");
  out.append(text, n);
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
  const bool with_models = !predict_options.is_null();
  if (with_models) state_->fit(predict_options);
  std::string out(kUtf8Bom);
  out +=
      "customer_id,recency_days,frequency,monetary,r_score,f_score,m_score,segment_eight,segment_grid,status,"
      "sleeping,first_purchase,last_purchase,purchase_days,average_order_value,cycle_days,returned,"
      "segment_eight_zh,segment_grid_zh";
  out += with_models ? ",p_alive,expected_purchases,expected_aov,clv\r\n" : "\r\n";
  for (uint32_t c = 0; c < table.customer_count(); ++c) {
    const CustomerMetrics& m = shop.customers[c];
    if (!matches(m, segment_filter)) continue;
    if (p_alive_below <= 1 && !(state_->predictions[c].fitted && state_->predictions[c].p_alive < p_alive_below)) continue;
    append_csv_cell(out, table.customer_id(c));
    for (uint32_t value : {static_cast<uint32_t>(m.recency_days), m.frequency}) out += ',' + std::to_string(value);
    out += ',';
    append_number(out, m.monetary);
    for (int score : {m.r_score, m.f_score, m.m_score}) out += ',' + std::to_string(score);
    out += ',';
    out += segment8_info(m.segment8).key;
    out += ',';
    out += grid_segment_info(m.grid).key;
    out += ',';
    out += churn_status_key(m.status);
    out += m.sleeping ? ",yes," : ",no,";
    out += format_day(m.first_day) + ',' + format_day(m.last_day) + ',' + std::to_string(m.purchase_days) + ',';
    append_number(out, m.gross / m.frequency);
    out += ',';
    if (m.cycle_days >= 0) append_number(out, m.cycle_days);
    out += ',';
    append_number(out, m.returned);
    out += ',';
    out += segment8_info(m.segment8).name_zh;
    out += ',';
    out += grid_segment_info(m.grid).name_zh;
    if (with_models) append_prediction(out, state_->predictions[c]);
    out += "\r\n";
  }
  return out;
}

json Session::customers_page(const json& analysis_options, const json& query) const {
  if (!query.is_object()) throw HuikeError(ErrorCode::E_BAD_OPTION, "query must be an object");
  const ShopAnalysis& shop = state_->analysis(analysis_options);
  const OrderTable& table = state_->table;
  const json filter = query.value("filter", json::object());
  const std::string sort = option_or<std::string>(query, "sort", "monetary");
  const bool descending = option_or<bool>(query, "descending", true);
  const uint64_t offset = option_or<uint64_t>(query, "offset", 0);
  const uint64_t limit = std::min<uint64_t>(option_or<uint64_t>(query, "limit", 50), 1000);

  const std::string list_key = filter.dump() + '|' + sort + '|' + (descending ? "d" : "a");
  std::vector<uint32_t>& list = state_->cached_list;
  if (list_key != state_->cached_list_key) {
    list.clear();
    for (uint32_t c = 0; c < table.customer_count(); ++c) {
      if (matches(shop.customers[c], filter)) list.push_back(c);
    }
    const auto& m = shop.customers;
    const auto key = [&](uint32_t c) -> double {
      if (sort == "recency_days") return m[c].recency_days;
      if (sort == "frequency") return m[c].frequency;
      if (sort == "monetary") return m[c].monetary;
      if (sort == "average_order_value") return m[c].gross / m[c].frequency;
      if (sort == "cycle_days") return m[c].cycle_days;
      if (sort == "first_purchase") return m[c].first_day;
      if (sort == "last_purchase") return m[c].last_day;
      return 0;
    };
    if (sort == "customer_id") {
      std::stable_sort(list.begin(), list.end(), [&](uint32_t a, uint32_t b) {
        return descending ? table.customer_id(b) < table.customer_id(a) : table.customer_id(a) < table.customer_id(b);
      });
    } else {
      std::stable_sort(list.begin(), list.end(), [&](uint32_t a, uint32_t b) {
        return descending ? key(b) < key(a) : key(a) < key(b);
      });
    }
    state_->cached_list_key = list_key;
  }
  json rows = json::array();
  for (uint64_t i = offset; i < list.size() && i < offset + limit; ++i) rows.push_back(customer_json(table, shop, list[i]));
  return {{"total", list.size()}, {"offset", offset}, {"rows", rows}};
}

const OrderTable& Session::table() const { return state_->table; }
const CustomerOrders& Session::grouped() const { return state_->grouped; }
const IngestSummary& Session::ingest_summary() const { return state_->summary; }

}  // namespace huike
