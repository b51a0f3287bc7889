// huike: the native command line over the same engine the page runs as WebAssembly.
#include <cmath>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "core/error.h"
#include "session.h"
#include "tier_options.h"
#include "warning_options.h"

namespace {

using nlohmann::json;

constexpr const char* kUsage = R"(usage:
  huike analyze FILE [options]              print the JSON report
  huike customers FILE --out OUT.csv [options] [--segment KEY | --grid KEY | --status KEY]
                                            one row per customer (UTF-8 with BOM), with
                                            P(alive), expected next order date, expected
                                            purchases, AOV and CLV unless --no-predict
  huike cohorts FILE --out OUT.csv [options]  the cohort retention matrix (buyers, shares,
                                            revenue per cohort customer, cumulative)
  huike migration FILE --out OUT.csv [options]
                                            one row per customer: segments at the earlier
                                            (--compare-as-of) and the later date
  huike predict FILE [predict options] [options]
                                            BG/NBD, MBG/NBD, Pareto/NBD + Gamma-Gamma fits,
                                            model comparison, hold-out check, CLV (JSON)
  huike winback FILE --out PLAN.csv [--members M.csv] [--tier KEY] [--lang zh-CN|en] [--predict]
                                            the win-back contact plan (UTF-8 with BOM), ranked
                                            by net spend, or by CLV with --predict
  huike reminders FILE --out R.csv [--consumption C.csv] [options]
                                            remind-now and overdue replenishment lists
  huike products FILE --out P.csv [--audience A.csv] [options]
                                            product roles; the promotion audience
reminder and product options (numbers; see README):
  --consumption FILE        a CSV of product, days one unit lasts (all commands)
  --remind-within-days 14 --remind-days-before 7 --overdue-max-days 30
  --learn-min-customers 20 --reminder-series-days 28
  --product-min-orders 5 --profit-top-share 0.2 --median-min-buyers 10
  --traffic-top-share 0.2 --potential-min-orders 10 --potential-days 180
  --potential-growth 0.5 --growth-window-days 90 --edge-bottom-share 0.5
predict options:
  --calibration-end YYYY-MM-DD  fit on purchases up to this day, compare the rest (hold-out)
  --unit day|week           time unit of the fitted parameters (default week)
  --horizon-days N          prediction and CLV horizon (default 365)
  --discount-rate X         yearly CLV discount rate (default 0.10)
  --model auto|bgnbd|mbgnbd|paretonbd  model for the predictions (default auto: the
                            smallest per-customer hold-out error; BG/NBD without a hold-out)
options:
  --as-of YYYY-MM-DD        analysis date (default: the day after the latest purchase)
  --compare-as-of YYYY-MM-DD  earlier date of the segment migration (default as-of - 90 days)
  --period month|week       the health series (monthly always; week adds the weekly one)
  --thresholds mean|median  eight-segment thresholds (default mean)
  --custom-thresholds R,F,M user-set thresholds (recency days, frequency, monetary)
  --churn-window DAYS       churn rate / sleeping window (default 365)
  --at-risk X --churned Y   purchase-cycle multipliers (default 1.5 and 2)
  --ignore-returns          returns do not reduce monetary value
  --encoding utf-8|gb18030|windows-1252   instead of detecting
  --delimiter ,|tab|;|whitespace          instead of detecting
  --header yes|no           whether the first row is a header
  --column ROLE=NAME|INDEX  map a column (roles: customer date amount order_id quantity
                            unit_price status product contact after_sale); repeatable
  --date-order month_first|day_first
  --identity auto|id|email|phone|name   which column tells customers apart (default auto:
                            the customer column, placeholder ids such as 0 or guest by e-mail,
                            else phone)
  --csv-lang en|zh          header names of the written CSV (default en: stable keys)
  --since YYYY-MM-DD --until YYYY-MM-DD   read only orders of these days (others are excluded
                            as outside_date_range)
  --amount-unit yuan|cents  cents: amounts are divided by 100
  --amount-level auto|per_order|per_line  whether the amount is the order's total repeated on
                            its lines (taken once) or each line's value (summed)
  --threads 1|2             2 (the default on two cores or more): the order table is built on
                            a second thread while the file is read; the same report either way
data warnings (printed to stderr, and the report's "warnings"), each a number:
  --warn-customer-share 0.2 --warn-min-customers 50 --warn-repeated-share 0.5
  --warn-zero-share 0.1 --warn-one-time-share 0.95 --warn-one-time-min-years 2
  --warn-one-day-share 0.5 --warn-one-day-min-orders 100 --warn-cents-median 1000
  --warn-date-floor-year 1990 --warn-outlier-years 5
  --members M.csv           a member list (member id, phone, e-mail, sign-up date) for win-back
  --tier KEY                customers: only a member tier (high_spend …); winback: one win-back tier
  --winback-tier KEY        customers: only a win-back tier (loyal_lapsed …)
member tiers and win-back (README "Member tiers"), each a number:
  --tier-window-days 365 --high-spend-share 0.2 --high-unit-price-multiple 2
  --loyalty-revenue-share 0.5 --loyalty-min-purchase-days 2 --loyalty-max-gap-days 60
  --promo-high-share 0.2 --promo-low-share 0.2 --churning-min-age-days 360
  --churning-recent-days 180 --churning-min-prior-orders 2 --churning-drop-ratio 0.5
  --winback-light-max-orders 2 --winback-TIER-max-touches N --winback-TIER-min-days N
FILE may be - for standard input.
)";

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Reminder and product-role settings: --remind-within-days N is the option remind_within_days.
constexpr const char* kNumberOptions[] = {
    "remind_within_days", "remind_days_before", "overdue_max_days", "learn_min_customers", "reminder_series_days",
    "product_min_orders", "profit_top_share", "median_min_buyers", "traffic_top_share", "potential_min_orders",
    "potential_days", "potential_growth", "growth_window_days", "edge_bottom_share"};

bool is_number_option(const std::string& flag, std::string& key) {
  if (flag.rfind("--", 0) != 0) return false;
  key = flag.substr(2);
  for (char& c : key) c = c == '-' ? '_' : c;
  for (const char* name : kNumberOptions) {
    if (key == name) return true;
  }
  const auto& warning_keys = huike::warning_option_keys();
  return std::find(warning_keys.begin(), warning_keys.end(), key) != warning_keys.end();
}

struct Command {
  std::string name, file, out, members, lang = "zh-CN", consumption, audience;
  bool rank_by_clv = false;
  json ingest = json::object(), analysis = json::object(), filter = json::object(), predict = json::object();
  bool with_models = true;
};

// A flag's number, all of the text and finite ("nan", "1e999", "7days" are refused); the
// engine checks the range and names the option.
double number_arg(const std::string& flag, const std::string& text) {
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size() || !std::isfinite(v)) {
    throw huike::HuikeError(huike::ErrorCode::E_BAD_OPTION, flag + " needs a number, not '" + text + "'");
  }
  return v;
}

// The flag a user typed for an option key the engine's message names: "--churn-window" for
// churn_window_days; the tier flags are their keys with dashes.
std::string flag_of_option(const std::string& key) {
  static const std::pair<const char*, const char*> spelled[] = {
      {"churn_window_days", "--churn-window"}, {"at_risk_multiplier", "--at-risk"},
      {"churned_multiplier", "--churned"},     {"recency", "--custom-thresholds"},
      {"frequency", "--custom-thresholds"},    {"monetary", "--custom-thresholds"},
      {"has_header", "--header"}};
  for (const auto& [option, flag] : spelled) {
    if (key == option) return flag;
  }
  std::string flag = "--" + key;
  std::replace(flag.begin(), flag.end(), '_', '-');
  return flag;
}

// An engine's E_BAD_OPTION names the option key ("option 'churn_window_days' must be…"):
// put the flag first, which is what the user typed.
std::string with_flag(const std::string& message) {
  const std::string marker = "option '";
  const size_t at = message.find(marker);
  if (at == std::string::npos) return message;
  const size_t end = message.find('\'', at + marker.size());
  if (end == std::string::npos) return message;
  return flag_of_option(message.substr(at + marker.size(), end - at - marker.size())) + ": " + message;
}

// --high-spend-share 0.3 → analysis option high_spend_share (every key of tier_options.h).
template <typename Value>
bool tier_flag(Command& cmd, const std::string& flag, const Value& value) {
  if (flag.rfind("--", 0) != 0) return false;
  std::string key = flag.substr(2);
  for (char& c : key) c = c == '-' ? '_' : c;
  const auto& keys = huike::tier_option_keys();
  if (std::find(keys.begin(), keys.end(), key) == keys.end()) return false;
  cmd.analysis[key] = number_arg(flag, value());
  return true;
}

Command parse_args(int argc, char** argv) {
  if (argc < 3) throw UsageError("a command and a file are needed");
  Command cmd;
  cmd.name = argv[1];
  const bool writes_csv = cmd.name == "customers" || cmd.name == "cohorts" || cmd.name == "migration" ||
                          cmd.name == "winback" || cmd.name == "reminders" || cmd.name == "products";
  if (cmd.name != "analyze" && !writes_csv && cmd.name != "predict") throw UsageError("unknown command '" + cmd.name + "'");
  cmd.file = argv[2];
  for (int i = 3; i < argc; ++i) {
    const std::string flag = argv[i];
    const auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw UsageError(flag + " needs a value");
      return argv[++i];
    };
    if (flag == "--as-of") cmd.analysis["as_of"] = value();
    else if (flag == "--compare-as-of") cmd.analysis["compare_as_of"] = value();
    else if (flag == "--period") cmd.analysis["period"] = value();
    else if (flag == "--thresholds") cmd.analysis["thresholds"] = value();
    else if (flag == "--custom-thresholds") {
      const std::string text = value();
      const size_t a = text.find(','), b = a == std::string::npos ? a : text.find(',', a + 1);
      if (b == std::string::npos || text.find(',', b + 1) != std::string::npos) throw UsageError("--custom-thresholds R,F,M");
      cmd.analysis["thresholds"] = "custom";
      cmd.analysis["custom_thresholds"] = {{"recency", number_arg(flag, text.substr(0, a))},
                                           {"frequency", number_arg(flag, text.substr(a + 1, b - a - 1))},
                                           {"monetary", number_arg(flag, text.substr(b + 1))}};
    } else if (flag == "--churn-window") cmd.analysis["churn_window_days"] = number_arg(flag, value());
    else if (flag == "--at-risk") cmd.analysis["at_risk_multiplier"] = number_arg(flag, value());
    else if (flag == "--churned") cmd.analysis["churned_multiplier"] = number_arg(flag, value());
    else if (flag == "--ignore-returns") cmd.analysis["returns"] = "ignore";
    else if (flag == "--encoding") cmd.ingest["encoding"] = value();
    else if (flag == "--delimiter") cmd.ingest["delimiter"] = value();
    else if (flag == "--header") {
      const std::string yes_no = value();
      if (yes_no != "yes" && yes_no != "no") throw UsageError("--header yes|no");
      cmd.ingest["has_header"] = yes_no == "yes";
    }
    else if (flag == "--date-order") cmd.ingest["date_order"] = value();
    else if (flag == "--identity") cmd.ingest["identity"] = value();
    else if (flag == "--csv-lang") cmd.analysis["csv_lang"] = value();
    else if (flag == "--since" || flag == "--until") cmd.ingest[flag.substr(2)] = value();
    else if (flag == "--amount-unit") cmd.ingest["amount_unit"] = value();
    else if (flag == "--amount-level") cmd.ingest["amount_level"] = value();
    else if (flag == "--threads") cmd.ingest["threads"] = number_arg(flag, value());
    else if (flag == "--column") {
      const std::string mapping = value();
      const size_t eq = mapping.find('=');
      if (eq == std::string::npos) throw UsageError("--column ROLE=NAME");
      cmd.ingest["columns"][mapping.substr(0, eq)] = mapping.substr(eq + 1);
    } else if (flag == "--out") cmd.out = value();
    else if (flag == "--segment") cmd.filter["segment_eight"] = value();
    else if (flag == "--grid") cmd.filter["segment_grid"] = value();
    else if (flag == "--status") cmd.filter["status"] = value();
    else if (flag == "--calibration-end") cmd.predict["calibration_end"] = value();
    else if (flag == "--unit") cmd.predict["unit"] = value();
    else if (flag == "--horizon-days") cmd.predict["horizon_days"] = number_arg(flag, value());
    else if (flag == "--discount-rate") cmd.predict["discount_rate"] = number_arg(flag, value());
    else if (flag == "--model") cmd.predict["model"] = value();
    else if (flag == "--no-predict") cmd.with_models = false;
    else if (flag == "--members") cmd.members = value();
    else if (flag == "--tier") cmd.filter["tier"] = value();
    else if (flag == "--winback-tier") cmd.filter["winback_tier"] = value();
    else if (flag == "--lang") cmd.lang = value();
    else if (flag == "--predict") cmd.rank_by_clv = true;
    else if (flag == "--consumption") cmd.consumption = value();
    else if (flag == "--audience") cmd.audience = value();
    else if (std::string key; is_number_option(flag, key)) cmd.analysis[key] = number_arg(flag, value());
    else if (!tier_flag(cmd, flag, value)) throw UsageError("unknown option " + flag);
  }
  if (writes_csv && cmd.out.empty()) throw UsageError(cmd.name + " needs --out FILE.csv");
  return cmd;
}

std::string read_whole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw huike::HuikeError(huike::ErrorCode::E_OPEN, "cannot open " + path + ": " + std::strerror(errno));
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw huike::HuikeError(huike::ErrorCode::E_READ, "error reading " + path);
  return bytes;
}

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  if (!out) throw huike::HuikeError(huike::ErrorCode::E_OPEN, "cannot write " + path);
  out << text;
  if (!out.flush()) throw huike::HuikeError(huike::ErrorCode::E_WRITE, "error writing " + path);
}

void read_file(huike::Session& session, const std::string& path) {
  FILE* file = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (!file) throw huike::HuikeError(huike::ErrorCode::E_OPEN, "cannot open " + path + ": " + std::strerror(errno));
  constexpr size_t kChunk = 4 << 20;
  const std::unique_ptr<char[]> chunk(new char[kChunk]);  // not zero-filled: fread overwrites it
  size_t got;
  while ((got = std::fread(chunk.get(), 1, kChunk, file)) > 0) session.feed({chunk.get(), got});
  const bool failed = std::ferror(file);
  if (file != stdin) std::fclose(file);
  if (failed) throw huike::HuikeError(huike::ErrorCode::E_READ, "error reading " + path);
}

// The data cannot be modelled (no purchase before the calibration end, dates out of
// range): the CSV is still useful without the prediction columns. A bad prediction option
// the user typed stays an error.
bool models_do_not_apply(huike::ErrorCode code) {
  using huike::ErrorCode;
  return code == ErrorCode::E_PREDICT_NO_PURCHASES || code == ErrorCode::E_PREDICT_CALIBRATION_END ||
         code == ErrorCode::E_PREDICT_RANGE;
}

std::string customers_csv(const huike::Session& session, const Command& cmd) {
  try {
    return session.customers_csv(cmd.analysis, cmd.filter, cmd.with_models ? cmd.predict : json());
  } catch (const huike::HuikeError& e) {
    if (!models_do_not_apply(e.code())) throw;
    std::cerr << "huike: note: no prediction columns (" << e.code_name() << ": " << e.what() << ")\n";
    return session.customers_csv(cmd.analysis, cmd.filter);
  }
}

// The data warnings go to stderr, so a report piped elsewhere still shows them.
void print_warnings(const json& warnings) {
  for (const json& item : warnings["items"]) {
    std::cerr << "huike: " << item["severity"].get<std::string>() << ' ' << item["code"].get<std::string>() << ": "
              << item["message"].get<std::string>() << '\n';
  }
}

}  // namespace

int main(int argc, char** argv) {
  Command cmd;
  try {
    cmd = parse_args(argc, argv);
  } catch (const huike::HuikeError& e) {
    std::cerr << "huike: error " << e.code_name() << ": " << e.what() << '\n';
    return 64;
  } catch (const std::exception& e) {
    std::cerr << "huike: " << e.what() << "\n\n" << kUsage;
    return 64;
  }
  try {
    huike::Session session;
    if (!cmd.consumption.empty()) {
      try {
        session.set_consumption_table(read_whole(cmd.consumption));
      } catch (const huike::HuikeError& e) {  // its lines are the table's, not the order file's
        throw huike::HuikeError(e.code(), cmd.consumption + ": " + e.what(), e.line());
      }
    }
    std::error_code no_size;  // stdin, a pipe: the tables grow as they fill
    const auto size = cmd.file == "-" ? 0 : std::filesystem::file_size(cmd.file, no_size);
    if (!no_size && size > 0 && !cmd.ingest.contains("size_bytes")) cmd.ingest["size_bytes"] = size;
    session.begin(cmd.ingest);
    read_file(session, cmd.file);
    session.finish();
    if (!cmd.members.empty()) session.load_member_list(read_whole(cmd.members), json::object());
    // Before a fit (outlier dates slow it and skew it); after the other commands' work, so an
    // error stays the first line.
    if (cmd.name == "predict") print_warnings(session.data_warnings(cmd.analysis));
    if (cmd.name == "winback") {
      if (cmd.rank_by_clv) session.predict(cmd.predict);
      write_file(cmd.out, session.winback_csv(cmd.analysis, cmd.filter, cmd.lang));
    } else if (cmd.name == "analyze") {
      const json report = session.report(cmd.analysis);
      print_warnings(report["warnings"]);
      std::cout << report.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
    } else if (cmd.name == "reminders") {
      write_file(cmd.out, session.reminders_csv(cmd.analysis));
    } else if (cmd.name == "products") {
      write_file(cmd.out, session.products_csv(cmd.analysis));
      if (!cmd.audience.empty()) write_file(cmd.audience, session.promotion_audience_csv(cmd.analysis));
    } else if (cmd.name == "predict") {
      std::cout << session.predict(cmd.predict).dump(2, ' ', false, json::error_handler_t::replace) << '\n';
    } else {
      std::string csv;
      if (cmd.name == "cohorts") csv = session.cohorts_csv(cmd.analysis);
      else if (cmd.name == "migration") csv = session.migration_csv(cmd.analysis);
      else csv = customers_csv(session, cmd);
      write_file(cmd.out, csv);
    }
    if (cmd.name != "analyze" && cmd.name != "predict") print_warnings(session.data_warnings(cmd.analysis));
    return 0;
  } catch (const huike::HuikeError& e) {
    const bool bad_option = e.code() == huike::ErrorCode::E_BAD_OPTION;
    std::cerr << "huike: error " << e.code_name() << ": " << (bad_option ? with_flag(e.what()) : e.what());
    if (e.line() > 0) std::cerr << " (line " << e.line() << ")";
    std::cerr << '\n';
    return e.code() == huike::ErrorCode::E_BAD_OPTION ? 64 : 2;  // 64: a usage error (sysexits)
  } catch (const std::exception& e) {
    std::cerr << "huike: error " << huike::error_code_name(huike::ErrorCode::E_INTERNAL) << ": " << e.what() << '\n';
    return 70;
  }
}
