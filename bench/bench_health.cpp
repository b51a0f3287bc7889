// bench_health [ROWS]: times the health view on a generated order export (default 1.37M
// rows = 1.0M orders, two years): the monthly and weekly series with the cohorts, the
// overview at the earlier migration date, the migration matrices and both report sections.
// The goal (issue 10): under 300 ms natively for 1M orders.
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "analysis/health.h"
#include "analysis/migration.h"
#include "bench_files.h"
#include "report/health_json.h"
#include "session.h"

namespace {

using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point start) { return std::chrono::duration<double, std::milli>(Clock::now() - start).count(); }

}  // namespace

int main(int argc, char** argv) {
  const uint64_t rows = argc > 1 ? std::stoull(argv[1]) : 1370000;
  const std::string path = huike::bench::orders_file(rows);
  huike::Session session;
  session.begin(nlohmann::json::object());
  huike::bench::feed_file(session, path);
  session.finish();
  const huike::OrderTable& table = session.table();
  const huike::CustomerOrders& grouped = session.grouped();
  std::printf("rows %llu  orders %zu  customers %u\n", static_cast<unsigned long long>(rows), table.orders.size(),
              table.customer_count());

  double best_total = 1e300;
  for (int run = 0; run < 5; ++run) {
    const auto start = Clock::now();
    const huike::ShopAnalysis later = huike::analyze_customers(table, grouped, {});  // the overview, for reference
    const double overview_ms = ms_since(start);

    const auto health_start = Clock::now();
    const huike::CustomerHealth health =
        huike::analyze_health(table, grouped, {later.as_of_day, later.options.churn_window_days, true});
    const double series_ms = ms_since(health_start);
    const auto earlier_start = Clock::now();
    const huike::ShopAnalysis earlier =
        huike::analyze_at(table, grouped, later.options, later.as_of_day - huike::kDefaultCompareDays);
    const double earlier_ms = ms_since(earlier_start);
    const auto json_start = Clock::now();
    const nlohmann::json sections = {{"health", huike::health_json(health)},
                                     {"migration", huike::migration_json(earlier, later)}};
    const double json_ms = ms_since(json_start);
    const double total = series_ms + earlier_ms + json_ms;
    best_total = std::min(best_total, total);
    std::printf("run %d: series+cohorts (month and week) %.1f ms, overview at the earlier date %.1f ms, "
                "migration + JSON %.1f ms → health view %.1f ms (the overview itself %.1f ms)\n",
                run + 1, series_ms, earlier_ms, json_ms, total, overview_ms);
    if (run == 0) {
      std::printf("  check: %zu months, %zu weeks, %zu cohorts, moved into important value %s\n", health.monthly.size(),
                  health.weekly.size(), health.cohorts.size(),
                  sections["migration"]["highlights"]["moved_into_important_value"].dump().c_str());
    }
  }
  std::printf("best health view: %.1f ms (goal < 300 ms)\n", best_total);
}
