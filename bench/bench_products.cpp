// bench_products [ORDERS...]: reads a generated order file with a product and a quantity
// column (default about 1M orders, 2000 products) and prints the time of the first report
// and of re-runs with other settings (each re-run computes the customer analysis,
// replenishment and product roles again from the order table in memory), and the memory
// the product lines take. Target: re-runs under 500 ms natively on 1M orders.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include "bench_files.h"
#include "session.h"

namespace {

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

void run(uint64_t orders, const std::string& dir) {
  // About 1.3 rows an order (one to three line items).
  const uint64_t rows = orders * 13 / 10;
  const std::string path = huike::bench::orders_file(rows, dir, 2000);
  const auto start = Clock::now();
  huike::Session session;
  session.begin(nlohmann::json::object());
  huike::bench::feed_file(session, path);
  session.finish();
  const double ingest_s = seconds_since(start);

  const auto first = Clock::now();
  nlohmann::json report = session.report(nlohmann::json::object());
  const double first_s = seconds_since(first);

  // Re-runs: each changes a setting of every part, so nothing is served from a cache.
  std::vector<double> reruns, cpu;
  for (int i = 0; i < 6; ++i) {
    const nlohmann::json options = {{"churn_window_days", 300 + i},
                                    {"remind_within_days", 10 + i},
                                    {"learn_min_customers", 15 + i},
                                    {"profit_top_share", 0.15 + 0.01 * i}};
    const auto t = Clock::now();
    const std::clock_t c = std::clock();
    report = session.report(options);
    reruns.push_back(seconds_since(t));
    cpu.push_back(static_cast<double>(std::clock() - c) / CLOCKS_PER_SEC);
  }
  std::sort(cpu.begin(), cpu.end());
  std::vector<double> sorted = reruns;
  std::sort(sorted.begin(), sorted.end());
  const auto& table = session.table();
  const auto t = Clock::now();
  const std::string reminders = session.reminders_csv(nlohmann::json::object());
  const std::string products = session.products_csv(nlohmann::json::object());
  const double exports_s = seconds_since(t);

  std::printf("orders %zu  rows %llu  customers %u  products %u  product lines %zu\n", table.orders.size(),
              static_cast<unsigned long long>(rows), table.customer_count(), table.products.names.size(),
              table.products.size());
  std::printf("  ingest %.3f s\n", ingest_s);
  std::printf("  first report %.3f s\n", first_s);
  std::printf("  re-runs (new settings): min %.3f s  median %.3f s  max %.3f s  (target < 0.500 s)\n", sorted.front(),
              (sorted[2] + sorted[3]) / 2, sorted.back());
  std::printf("  re-runs, CPU time (less sensitive to a busy machine): min %.3f s  median %.3f s\n", cpu.front(),
              (cpu[2] + cpu[3]) / 2);
  std::printf("  reminders + products CSV (cached results) %.3f s, %zu + %zu bytes\n", exports_s, reminders.size(),
              products.size());
  const double line_bytes = table.products.memory_bytes();
  std::printf("  product lines: %.1f bytes/line (%.1f bytes/order)\n", line_bytes / table.products.size(),
              line_bytes / table.orders.size());
  std::printf("  check: learned products %zu, remind now %llu, traffic %llu, audience %llu\n",
              report["replenishment"]["learned_products"].size(),
              report["replenishment"]["remind_now"]["count"].get<unsigned long long>(),
              report["products"]["roles"]["traffic"]["count"].get<unsigned long long>(),
              report["products"]["audience"]["customers"].get<unsigned long long>());
}

}  // namespace

int main(int argc, char** argv) {
  const std::string dir = "bench/out";
  std::filesystem::create_directories(dir);
  std::vector<uint64_t> sizes;
  for (int i = 1; i < argc; ++i) sizes.push_back(std::stoull(argv[i]));
  if (sizes.empty()) sizes = {1000000};
  for (uint64_t orders : sizes) run(orders, dir);
}
