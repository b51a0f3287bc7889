// bench_member_tiers [ORDERS]: member tiers and the win-back plan re-run with changed
// settings on ORDERS orders (default 1M) held in memory (target: under 300 ms natively).
// The orders carry a coupon column (about 1 in 5 promotional) and a phone column.
#include <chrono>
#include <cstdio>
#include <random>
#include <string>

#include "analysis/member_tiers.h"
#include "analysis/winback.h"
#include "ingest/date_parse.h"
#include "session.h"

namespace {

using Clock = std::chrono::steady_clock;

std::string orders_csv(uint64_t orders) {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::lognormal_distribution<double> price(4.0, 0.8);
  const uint64_t customers = std::max<uint64_t>(1, orders / 4);
  std::string csv = "order_id,customer_id,order_date,amount,coupon,phone\n";
  char line[160];
  for (uint64_t i = 0; i < orders; ++i) {
    const uint64_t customer = static_cast<uint64_t>(std::pow(unit(rng), 2.2) * customers);
    const int32_t day = 18262 + static_cast<int32_t>(unit(rng) * 1095);  // 2020-01-01 + 3 years
    const bool promo = unit(rng) < 0.2;
    const int n = std::snprintf(line, sizeof line, "%llu,c%07llu,%s,%.2f,%s,%s\n", static_cast<unsigned long long>(i + 1),
                                static_cast<unsigned long long>(customer), huike::format_day(day).c_str(), price(rng),
                                promo ? "SAVE10" : "", customer % 3 ? "13800000000" : "");
    csv.append(line, n);
  }
  return csv;
}

double ms_since(Clock::time_point start) { return std::chrono::duration<double, std::milli>(Clock::now() - start).count(); }

}  // namespace

int main(int argc, char** argv) {
  const uint64_t orders = argc > 1 ? std::stoull(argv[1]) : 1000000;
  const std::string csv = orders_csv(orders);
  huike::Session session;
  session.begin(nlohmann::json::object());
  session.feed(csv);
  session.finish();
  std::printf("orders %zu  customers %u  (file %.1f MB in memory)\n", session.table().orders.size(),
              session.table().customer_count(), csv.size() / 1e6);

  // The whole report (RFM, segments, tiers, win-back, JSON) with a changed setting each time,
  // so nothing comes from the cache.
  const double shares[] = {0.2, 0.15, 0.25, 0.1, 0.3};
  double worst = 0, sum = 0;
  for (double share : shares) {
    const auto start = Clock::now();
    const nlohmann::json report = session.report({{"high_spend_share", share}, {"loyalty_max_gap_days", 45}});
    const double ms = ms_since(start);
    worst = std::max(worst, ms);
    sum += ms;
    if (report["members"]["tiers"][0]["customers"].get<uint32_t>() == 0) std::printf("  (no high spenders?)\n");
  }
  std::printf("  report with changed tier settings: mean %.1f ms, worst %.1f ms (%zu runs)\n", sum / 5, worst,
              std::size(shares));

  // The tier and win-back passes alone, on the analysis in hand.
  const huike::ShopAnalysis shop = huike::analyze_customers(session.table(), session.grouped(), {});
  auto start = Clock::now();
  huike::MemberTierOptions options;
  options.churning_drop_ratio = 0.4;
  const huike::MemberTiers tiers = huike::compute_member_tiers(session.table(), session.grouped(), shop, options);
  std::printf("  member tiers alone: %.1f ms (high_spend %u, churning %u)\n", ms_since(start), tiers.tiers[0].customers,
              tiers.tiers[5].customers);
  start = Clock::now();
  const huike::WinbackPlan plan = huike::plan_winback(session.table(), shop, {}, nullptr);
  std::printf("  win-back plan alone: %.1f ms (%u lapsed)\n", ms_since(start), plan.lapsed_customers);
  const nlohmann::json same = {{"high_spend_share", 0.2}};
  session.report(same);
  start = Clock::now();
  const std::string plan_csv = session.winback_csv(same, nlohmann::json::object(), "en");
  std::printf("  contact plan CSV (all tiers, cached analysis): %.1f ms, %.1f MB\n", ms_since(start), plan_csv.size() / 1e6);
  return 0;
}
