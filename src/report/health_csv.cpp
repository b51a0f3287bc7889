// The health view's exports, written like the customers CSV (BOM, formula-safe cells).
#include <algorithm>
#include <cstdio>

#include "ingest/date_parse.h"
#include "report/customer_csv.h"
#include "report/health_json.h"

namespace huike {

namespace {

void append_number(std::string& out, double value, int decimals) {
  char buffer[64];
  const int n = std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  out.append(buffer, n);
}

}  // namespace

std::string cohorts_csv(const CustomerHealth& health) {
  std::string out(kUtf8Bom);
  size_t width = 0;
  for (const CohortRow& row : health.cohorts) width = std::max(width, row.buyers.size());
  out += "cohort,customers,measure";
  for (size_t k = 0; k < width; ++k) out += ",month_" + std::to_string(k);
  out += ",last_cell_incomplete\r\n";
  const char* incomplete = health.last_month_complete ? "no" : "yes";
  for (const CohortRow& row : health.cohorts) {
    const std::string head = format_day(row.month_start_day).substr(0, 7) + ',' + std::to_string(row.customers) + ',';
    const auto line = [&](const char* measure, auto cell) {
      out += head + measure;
      for (size_t k = 0; k < width; ++k) {
        out += ',';
        if (k < row.buyers.size()) cell(k);
      }
      out += ',';
      out += incomplete;
      out += "\r\n";
    };
    line("buyers", [&](size_t k) { out += std::to_string(row.buyers[k]); });
    line("retention", [&](size_t k) { append_number(out, static_cast<double>(row.buyers[k]) / row.customers, 4); });
    double sum = 0;
    line("revenue_per_customer_cumulative", [&](size_t k) {
      sum += row.revenue[k];
      append_number(out, sum / row.customers, 2);
    });
  }
  return out;
}

std::string migration_csv(const OrderTable& table, const ShopAnalysis& earlier, const ShopAnalysis& later) {
  std::string out(kUtf8Bom);
  out += "customer_id,segment_eight_before,segment_eight,moved,segment_grid_before,segment_grid,"
         "segment_eight_before_zh,segment_eight_zh,earlier_as_of,later_as_of\r\n";
  const std::string dates = format_day(earlier.as_of_day) + ',' + format_day(later.as_of_day) + "\r\n";
  for (uint32_t c = 0; c < table.customer_count(); ++c) {
    const CustomerMetrics& now = later.customers[c];
    if (!now.analysed) continue;
    const CustomerMetrics& before = earlier.customers[c];
    const SegmentInfo& eight_now = segment8_info(now.segment8);
    const SegmentInfo* eight_before = before.analysed ? &segment8_info(before.segment8) : nullptr;
    append_csv_cell(out, table.customer_id(c));
    out += ',';
    out += eight_before ? eight_before->key : "new";
    out += ',';
    out += eight_now.key;
    out += eight_before == &eight_now ? ",no," : ",yes,";
    out += before.analysed ? grid_segment_info(before.grid).key : "new";
    out += ',';
    out += grid_segment_info(now.grid).key;
    out += ',';
    out += eight_before ? eight_before->name_zh : "新客";
    out += ',';
    out += eight_now.name_zh;
    out += ',';
    out += dates;
  }
  return out;
}

}  // namespace huike
