// bench_rerun [--runs N] [--only A,B] [ROWS...]: issue 14's "re-running the analyses with a changed
// setting" — reads bench/out/orders_N.csv once (default 1M rows), then times the full report
// again for each setting a shop owner can change on the page (a new value each run, so no
// earlier result is reused; the other settings stay at their defaults), and with the same
// settings. One line per setting, the median of N runs (default 5).
// bench_rerun --print-settings YYYY-MM-DD (the last order day) prints the same settings as
// JSON, [{"name":…,"runs":[options…]}], for bench/wasm_rerun.mjs.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "bench_files.h"
#include "ingest/date_parse.h"
#include "product_options.h"
#include "session.h"
#include "tier_options.h"
#include "warning_options.h"

namespace {

using Clock = std::chrono::steady_clock;
using nlohmann::json;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// One setting: its name and its options in run k (different for consecutive k).
struct Setting {
  std::string name;
  std::function<json(int)> options;
};

// A numeric key: run k sets base + (k + 1) × step (never the default, always a new value).
Setting numeric(const std::string& key, double base, double step, bool whole) {
  return {key, [=](int k) {
            const double v = base + (k + 1) * step;
            return whole ? json{{key, static_cast<int64_t>(v)}} : json{{key, v}};
          }};
}

std::vector<Setting> settings(int32_t last_day) {
  const auto day = [](int32_t d) { return huike::format_day(d); };
  std::vector<Setting> out = {
      {"as_of", [=](int k) { return json{{"as_of", day(last_day - 7 * (k + 1))}}; }},
      {"thresholds median/mean", [](int k) { return json{{"thresholds", k % 2 ? "mean" : "median"}}; }},
      {"thresholds custom",
       [](int k) {
         return json{{"thresholds", "custom"},
                     {"custom_thresholds", {{"recency", 30 + k}, {"frequency", 2}, {"monetary", 100 + 10 * k}}}};
       }},
      numeric("churn_window_days", 190, 10, true),
      numeric("at_risk_multiplier", 1.1, 0.1, false),
      numeric("churned_multiplier", 2.1, 0.1, false),
      {"returns ignore/subtract", [](int k) { return json{{"returns", k % 2 ? "subtract" : "ignore"}}; }},
      {"period week/month", [](int k) { return json{{"period", k % 2 ? "month" : "week"}}; }},
      {"compare_as_of", [=](int k) { return json{{"compare_as_of", day(last_day - 60 - 7 * k)}}; }},
  };
  // Member tiers and win-back (tier_options.h): days and counts step by 1, shares by 0.05.
  for (const std::string& key : huike::tier_option_keys()) {
    const bool share = key.find("share") != std::string::npos || key.find("ratio") != std::string::npos;
    if (key == "tier_window_days") out.push_back(numeric(key, 290, 10, true));
    else if (key == "high_unit_price_multiple") out.push_back(numeric(key, 1.5, 0.25, false));
    else if (share) out.push_back(numeric(key, 0.1, 0.05, false));
    else out.push_back(numeric(key, key.find("days") != std::string::npos ? 20 : 2, 1, true));
  }
  // Reminders and product roles (product_options.h).
  for (const char* key : {"remind_within_days", "remind_days_before", "overdue_max_days", "reminder_series_days"})
    out.push_back(numeric(key, 10, 1, true));
  out.push_back(numeric("learn_min_customers", 10, 2, true));
  for (const char* key : {"product_min_orders", "median_min_buyers", "potential_min_orders"}) out.push_back(numeric(key, 5, 1, true));
  for (const char* key : {"potential_days", "growth_window_days"}) out.push_back(numeric(key, 60, 10, true));
  for (const char* key : {"profit_top_share", "traffic_top_share", "edge_bottom_share"}) out.push_back(numeric(key, 0.1, 0.05, false));
  out.push_back(numeric("potential_growth", 0.2, 0.1, false));
  // Data warnings (warning_options.h).
  for (const std::string& key : huike::warning_option_keys()) {
    if (key == "warn_date_floor_year") out.push_back(numeric(key, 1990, 1, true));
    else if (key == "warn_min_customers" || key == "warn_one_day_min_orders") out.push_back(numeric(key, 10, 5, true));
    else if (key == "warn_cents_median") out.push_back(numeric(key, 1000, 100, false));
    else if (key.find("years") != std::string::npos) out.push_back(numeric(key, 1, 0.5, false));
    else out.push_back(numeric(key, 0.1, 0.05, false));
  }
  out.push_back({"same settings", [](int) { return json::object(); }});
  return out;
}

// --only A,B: the settings whose name holds A or B (all when empty).
bool picked(const std::string& name, const std::string& only) {
  if (only.empty()) return true;
  for (size_t at = 0; at <= only.size();) {
    const size_t comma = std::min(only.find(',', at), only.size());
    if (name.find(only.substr(at, comma - at)) != std::string::npos) return true;
    at = comma + 1;
  }
  return false;
}

void run(uint64_t rows, int runs, const std::string& only) {
  const std::string path = huike::bench::orders_file(rows);
  huike::Session session;
  auto start = Clock::now();
  session.begin(json::object());
  huike::bench::feed_file(session, path);
  session.finish();
  const double ingest = seconds_since(start);
  start = Clock::now();
  const json first_report = session.report(json::object());
  const double first = seconds_since(start);
  int32_t as_of = 0;
  huike::parse_iso_day(first_report["analysis"]["as_of"].get<std::string>(), as_of);
  const int32_t last_day = as_of - 1;

  std::printf("rows %llu  orders %zu  customers %u\n", static_cast<unsigned long long>(rows), session.table().orders.size(),
              session.table().customer_count());
  std::printf("  ingest %.3f s   first report %.0f ms   report JSON %zu bytes\n", ingest, first * 1e3,
              first_report.dump().size());
  for (const Setting& setting : settings(last_day)) {
    if (!picked(setting.name, only)) continue;
    std::vector<double> times;
    for (int k = 0; k < runs; ++k) {
      const json options = setting.options(k);
      const auto t = Clock::now();
      const json report = session.report(options);
      times.push_back(seconds_since(t));
    }
    std::printf("  re-run, %-34s %7.1f ms\n", (setting.name + ":").c_str(), median(times) * 1e3);
    std::fflush(stdout);
  }
}

void print_settings(const std::string& last_day, int runs) {
  int32_t day = 0;
  if (!huike::parse_iso_day(last_day, day)) throw std::invalid_argument("--print-settings takes YYYY-MM-DD");
  json out = json::array();
  for (const Setting& setting : settings(day)) {
    json options = json::array();
    for (int k = 0; k < runs; ++k) options.push_back(setting.options(k));
    out.push_back({{"name", setting.name}, {"runs", options}});
  }
  std::printf("%s\n", out.dump().c_str());
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<uint64_t> sizes;
  int runs = 5;
  std::string only;  // --only A,B: the settings whose name holds A or B (for profiling)
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--runs") == 0 && i + 1 < argc) runs = std::stoi(argv[++i]);
    else if (std::strcmp(argv[i], "--only") == 0 && i + 1 < argc) only = argv[++i];
    else if (std::strcmp(argv[i], "--print-settings") == 0 && i + 1 < argc) return print_settings(argv[++i], runs), 0;
    else sizes.push_back(std::stoull(argv[i]));
  }
  if (sizes.empty()) sizes = {1000000};
  std::printf("median of %d runs per setting\n", runs);
  for (uint64_t rows : sizes) run(rows, runs, only);
}
