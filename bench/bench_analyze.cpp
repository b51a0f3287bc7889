// bench_analyze [ROWS...]: generates order files (default 1M and 10M rows) under bench/out
// and prints end-to-end MB/s (read → report) and memory for `huike analyze`.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "bench_files.h"
#include "session.h"

namespace {

size_t peak_rss_bytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<size_t>(usage.ru_maxrss) * 1024;
}

void run(uint64_t rows, const std::string& dir) {
  const std::string path = huike::bench::orders_file(rows, dir);
  const double megabytes = std::filesystem::file_size(path) / 1e6;
  const size_t rss_before = peak_rss_bytes();

  const auto start = std::chrono::steady_clock::now();
  huike::Session session;
  session.begin({{"size_bytes", std::filesystem::file_size(path)}});  // as the CLI and the page do
  huike::bench::feed_file(session, path);
  session.finish();
  const auto ingested = std::chrono::steady_clock::now();
  const size_t rss_after_ingest = peak_rss_bytes();
  const nlohmann::json report = session.report(nlohmann::json::object());
  const auto done = std::chrono::steady_clock::now();

  const double ingest_s = std::chrono::duration<double>(ingested - start).count();
  const double total_s = std::chrono::duration<double>(done - start).count();
  const auto& table = session.table();
  const size_t orders = table.orders.size();
  const size_t engine_bytes = table.memory_bytes() + session.grouped().begin.capacity() * 4;
  std::printf("rows %llu  file %.1f MB  orders %zu  customers %u\n", static_cast<unsigned long long>(rows), megabytes,
              orders, table.customer_count());
  std::printf("  ingest %.3f s (%.0f MB/s)   end to end %.3f s (%.0f MB/s)\n", ingest_s, megabytes / ingest_s, total_s,
              megabytes / total_s);
  std::printf("  order table + grouping: %.1f bytes/order; customer ids %.1f MB\n",
              static_cast<double>(engine_bytes) / orders, table.customer_ids.memory_bytes() / 1e6);
  const double id_bytes = static_cast<double>(table.customer_ids.memory_bytes());
  // Peak RSS only rises: run sizes smallest first (the default) for a figure per size.
  if (rss_after_ingest > rss_before) {
    std::printf("  peak RSS while reading: +%.0f MB = %.1f bytes/order beyond customer ids (read buffer included)\n",
                (rss_after_ingest - rss_before) / 1e6, (rss_after_ingest - rss_before - id_bytes) / orders);
  } else {
    std::printf("  peak RSS while reading: not measurable (an earlier, larger run set the peak)\n");
  }
  std::printf("  peak RSS overall %.0f MB (the analysis adds per-customer results)\n", peak_rss_bytes() / 1e6);
  std::printf("  check: revenue %.2f, repeat rate %.4f\n", report["totals"]["revenue"].get<double>(),
              report["totals"]["repeat_rate"].get<double>());
}

}  // namespace

int main(int argc, char** argv) {
  const std::string dir = "bench/out";
  std::filesystem::create_directories(dir);
  std::vector<uint64_t> sizes;
  for (int i = 1; i < argc; ++i) sizes.push_back(std::stoull(argv[i]));
  if (sizes.empty()) sizes = {1000000, 10000000};
  for (uint64_t rows : sizes) run(rows, dir);
}
