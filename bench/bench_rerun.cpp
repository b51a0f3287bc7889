// bench_rerun [ROWS...]: issue 14's "re-running the analyses with a changed setting" —
// reads bench/out/orders_N.csv once (default 1M rows), then times the full report again with
// churn_window_days changed (a new value each run, so no cached result is reused) and with
// the same settings, and with tier_window_days changed. Median of 5 runs each.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "bench_files.h"
#include "session.h"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// Median time of report(options(k)) for k = 0..4.
template <class Options>
double median_report(const huike::Session& session, Options options) {
  std::vector<double> times;
  for (int k = 0; k < 5; ++k) {
    const nlohmann::json o = options(k);
    const auto start = Clock::now();
    const nlohmann::json report = session.report(o);
    times.push_back(seconds_since(start));
  }
  return median(times);
}

void run(uint64_t rows) {
  const std::string path = huike::bench::orders_file(rows);
  huike::Session session;
  auto start = Clock::now();
  session.begin(nlohmann::json::object());
  huike::bench::feed_file(session, path);
  session.finish();
  const double ingest = seconds_since(start);
  start = Clock::now();
  session.report(nlohmann::json::object());
  const double first = seconds_since(start);

  const double churn = median_report(session, [](int k) { return nlohmann::json{{"churn_window_days", 200 + 10 * k}}; });
  const double same = median_report(session, [](int) { return nlohmann::json{{"churn_window_days", 240}}; });
  const double tier = median_report(session, [](int k) { return nlohmann::json{{"tier_window_days", 300 + 10 * k}}; });
  std::printf("rows %llu  orders %zu  customers %u\n", static_cast<unsigned long long>(rows), session.table().orders.size(),
              session.table().customer_count());
  std::printf("  ingest %.3f s   first report %.3f s\n", ingest, first);
  std::printf("  re-run, churn_window_days changed: %.0f ms (median of 5)\n", churn * 1e3);
  std::printf("  re-run, same settings:             %.0f ms (median of 5)\n", same * 1e3);
  std::printf("  re-run, tier_window_days changed:  %.0f ms (median of 5)\n", tier * 1e3);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<uint64_t> sizes;
  for (int i = 1; i < argc; ++i) sizes.push_back(std::stoull(argv[i]));
  if (sizes.empty()) sizes = {1000000};
  for (uint64_t rows : sizes) run(rows);
}
