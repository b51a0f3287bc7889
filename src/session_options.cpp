#include "session_options.h"

#include <cmath>
#include <cstdio>
#include <optional>

#include "ingest/date_parse.h"
#include "ingest/identity_choice.h"
#include "warning_options.h"

namespace huike {

using nlohmann::json;

namespace {

[[noreturn]] void bad_option(const std::string& message) { throw HuikeError(ErrorCode::E_PREDICT_OPTION, message); }

void require_object(const json& options, const char* what) {
  if (!options.is_null() && !options.is_object()) {
    throw HuikeError(ErrorCode::E_BAD_OPTION, std::string(what) + " options must be an object");
  }
}


}  // namespace

// A number option in [lo, hi] (whole when `whole`): NaN, infinities, strings and values out of
// range are E_BAD_OPTION naming the option, never a silent wrap or a NaN that passes every test.
double number_option(const json& options, const char* key, double fallback, double lo, double hi, bool whole) {
  const auto it = options.find(key);
  if (it == options.end() || it->is_null()) return fallback;
  const std::string name = std::string("option '") + key + "'";
  if (!it->is_number()) throw HuikeError(ErrorCode::E_BAD_OPTION, name + " must be a number");
  const double v = it->get<double>();
  if (!std::isfinite(v) || v < lo || v > hi || (whole && v != std::floor(v))) {
    char range[96];
    std::snprintf(range, sizeof range, " must be %s from %g to %g", whole ? "a whole number" : "a number", lo, hi);
    throw HuikeError(ErrorCode::E_BAD_OPTION, name + range);
  }
  return v;
}

IngestOptions parse_ingest_options(const json& options) {
  require_object(options, "ingest");
  IngestOptions out;
  if (options.is_null()) return out;
  const std::string encoding = option_or<std::string>(options, "encoding", "auto");
  if (encoding == "utf-8" || encoding == "utf8") out.encoding = Encoding::utf8;
  else if (encoding == "gb18030" || encoding == "gbk" || encoding == "gb2312") out.encoding = Encoding::gb18030;
  else if (encoding == "windows-1252" || encoding == "cp1252" || encoding == "latin1") out.encoding = Encoding::cp1252;
  else if (encoding != "auto") throw HuikeError(ErrorCode::E_BAD_OPTION, "unknown encoding '" + encoding + "'");

  const std::string delimiter = option_or<std::string>(options, "delimiter", "");
  if (delimiter == "whitespace") out.delimiter = ' ';
  else if (delimiter == "tab") out.delimiter = '\t';
  else if (delimiter.size() == 1) out.delimiter = delimiter[0];
  else if (!delimiter.empty() && delimiter != "auto") throw HuikeError(ErrorCode::E_BAD_OPTION, "delimiter must be one character");

  if (options.contains("has_header") && !options["has_header"].is_null()) {
    out.has_header = option_or<bool>(options, "has_header", true);
  }
  if (options.contains("columns")) {
    const json& columns = options["columns"];
    if (!columns.is_object()) throw HuikeError(ErrorCode::E_BAD_OPTION, "columns must map role to column");
    for (const auto& [role, column] : columns.items()) {
      if (column.is_string()) out.columns[role] = column.get<std::string>();
      else if (column.is_number_unsigned()) out.columns[role] = std::to_string(column.get<unsigned>());
      else if (column.is_null()) out.columns[role] = "";
      else throw HuikeError(ErrorCode::E_BAD_OPTION, "column for '" + role + "' must be a name or an index");
    }
  }
  const std::string order = option_or<std::string>(options, "date_order", "auto");
  if (order == "month_first") out.date_order = DateOrder::month_first;
  else if (order == "day_first") out.date_order = DateOrder::day_first;
  else if (order != "auto") throw HuikeError(ErrorCode::E_BAD_OPTION, "date_order is auto, month_first or day_first");
  const auto identity = parse_identity_mode(option_or<std::string>(options, "identity", "auto"));
  if (!identity) throw HuikeError(ErrorCode::E_BAD_OPTION, "option 'identity' is auto, id, email, phone or name");
  out.identity = *identity;
  out.corrections = parse_ingest_corrections(options);
  out.size_bytes = static_cast<uint64_t>(number_option(options, "size_bytes", 0, 0, 1e15, true));
  out.keep_product_lines = option_or<bool>(options, "product_lines", true);
  out.threads = static_cast<int>(number_option(options, "threads", 0, 0, 2, true));
  return out;
}

AnalysisOptions parse_analysis_options(const json& options) {
  require_object(options, "analysis");
  AnalysisOptions out;
  if (options.is_null()) return out;
  const std::string as_of = option_or<std::string>(options, "as_of", "");
  if (!as_of.empty()) {
    int32_t day;
    if (!parse_iso_day(as_of, day)) throw HuikeError(ErrorCode::E_BAD_OPTION, "as_of must be a date YYYY-MM-DD");
    out.as_of_day = day;
  }
  const std::string mode = option_or<std::string>(options, "thresholds", "mean");
  if (mode == "mean") out.thresholds = ThresholdMode::mean;
  else if (mode == "median") out.thresholds = ThresholdMode::median;
  else if (mode == "custom") out.thresholds = ThresholdMode::custom;
  else throw HuikeError(ErrorCode::E_BAD_OPTION, "thresholds is mean, median or custom");
  if (out.thresholds == ThresholdMode::custom) {
    const json custom = options.value("custom_thresholds", json::object());
    if (!custom.is_object()) throw HuikeError(ErrorCode::E_BAD_OPTION, "custom_thresholds must be an object");
    out.custom_recency = number_option(custom, "recency", 0, 0, 36500);
    out.custom_frequency = number_option(custom, "frequency", 0, 0, 1e9);
    out.custom_monetary = number_option(custom, "monetary", 0, 0, 1e15);
  }
  out.churn_window_days =
      static_cast<int32_t>(number_option(options, "churn_window_days", out.churn_window_days, 1, 36500, true));
  out.at_risk_multiplier = number_option(options, "at_risk_multiplier", out.at_risk_multiplier, 0.01, 100);
  out.churned_multiplier = number_option(options, "churned_multiplier", out.churned_multiplier, 0.01, 100);
  const std::string returns = option_or<std::string>(options, "returns", "subtract");
  if (returns != "subtract" && returns != "ignore") throw HuikeError(ErrorCode::E_BAD_OPTION, "returns is subtract or ignore");
  out.subtract_returns = returns == "subtract";
  return out;
}

HealthRequest parse_health_options(const json& options) {
  HealthRequest out;
  if (!options.is_object()) return out;
  const std::string period = option_or<std::string>(options, "period", "month");
  if (period != "month" && period != "week") throw HuikeError(ErrorCode::E_BAD_OPTION, "period is month or week");
  out.weekly = period == "week";
  const std::string compare = option_or<std::string>(options, "compare_as_of", "");
  if (!compare.empty()) {
    int32_t day;
    if (!parse_iso_day(compare, day)) throw HuikeError(ErrorCode::E_BAD_OPTION, "compare_as_of must be a date YYYY-MM-DD");
    out.compare_as_of_day = day;
  }
  return out;
}

PredictOptions parse_predict_options(const json& options) {
  PredictOptions out;
  if (options.is_null()) return out;
  if (!options.is_object()) bad_option("prediction options must be a JSON object");
  if (options.contains("calibration_end") && !options["calibration_end"].is_null()) {
    const auto& v = options["calibration_end"];
    int32_t parsed = 0;
    const std::optional<int32_t> day =
        v.is_string() && parse_iso_day(v.get<std::string>(), parsed) ? std::optional<int32_t>(parsed) : std::nullopt;
    if (!day) bad_option("calibration_end must be a date written YYYY-MM-DD");
    out.calibration_end_day = day;
  }
  if (options.contains("unit")) {
    const auto& v = options["unit"];
    if (v == "day") {
      out.unit = TimeUnit::day;
    } else if (v == "week") {
      out.unit = TimeUnit::week;
    } else {
      bad_option("unit must be \"day\" or \"week\"");
    }
  }
  if (options.contains("horizon_days")) {
    const auto& v = options["horizon_days"];
    if (!v.is_number() || v.get<double>() != std::floor(v.get<double>()) || v.get<double>() < 1 ||
        v.get<double>() > 36525) {
      bad_option("horizon_days must be a whole number of days from 1 to 36525");
    }
    out.horizon_days = v.get<int32_t>();
  }
  if (options.contains("discount_rate")) {
    const auto& v = options["discount_rate"];
    if (!v.is_number() || !(v.get<double>() >= 0) || v.get<double>() > 10) {
      bad_option("discount_rate must be an annual rate from 0 to 10 (0.1 = 10%)");
    }
    out.annual_discount_rate = v.get<double>();
  }
  if (options.contains("model")) {
    const auto& v = options["model"];
    const auto choice = v.is_string() ? parse_model_choice(v.get<std::string>()) : std::nullopt;
    if (!choice) bad_option("model must be \"auto\", \"bgnbd\", \"mbgnbd\" or \"paretonbd\"");
    out.model = *choice;
  }
  if (options.contains("top")) {
    const auto& v = options["top"];
    if (!v.is_number_integer() || v.get<int64_t>() < 0 || v.get<int64_t>() > 10000) {
      bad_option("top must be a whole number from 0 to 10000");
    }
    out.top_customers = v.get<uint32_t>();
  }
  return out;
}

}  // namespace huike
