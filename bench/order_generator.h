#pragma once
// Writes a realistic Taobao-style order export for benchmarks and browser tests:
// line items sharing an order id, repeat customers with their own rhythm, a few
// cancelled / refunded / unpaid orders, ¥ amounts with decimals. Deterministic per seed.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <random>
#include <string>

#include "ingest/date_parse.h"

namespace huike::bench {

// With `product_count` > 0 the products are 商品0001… (each customer keeps to a favourite
// most of the time, so products are bought again) and a 数量 (quantity) column is added.
inline void generate_orders(FILE* out, uint64_t rows, uint64_t seed = 1, uint32_t product_count = 0) {
  std::mt19937_64 rng(seed);
  const uint64_t customers = std::max<uint64_t>(1, rows / 4);
  std::fputs(product_count ? "订单编号,买家会员名,订单创建时间,买家实际支付金额,订单状态,宝贝标题,数量\n"
                           : "订单编号,买家会员名,订单创建时间,买家实际支付金额,订单状态,宝贝标题\n",
             out);
  char product_name[32];
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::lognormal_distribution<double> price(4.0, 0.8);
  // Already CSV-quoted where needed.
  static const char* const products[] = {"羊毛衫 灰色", "婴儿奶粉 900g", "Cat food 2kg", "绿茶 250g",
                                         "运动袜 5双装", "\"\"\"Deluxe\"\" mug, large\"", "坚果礼盒", "Phone case"};
  const int64_t start_day = 18262;  // 2020-01-01
  char line[256];
  uint64_t order_id = 100000000;
  for (uint64_t row = 0; row < rows;) {
    // Skewed customer choice: a minority of customers place most orders.
    const double u = unit(rng);
    const uint64_t customer = static_cast<uint64_t>(std::pow(u, 2.2) * customers);
    const int64_t day = start_day + static_cast<int64_t>(unit(rng) * 730);
    const int64_t seconds = static_cast<int64_t>(unit(rng) * 86400);
    const double status_draw = unit(rng);
    const char* status = status_draw < 0.95 ? "交易成功" : status_draw < 0.98 ? "交易关闭" : status_draw < 0.99 ? "退款成功" : "等待买家付款";
    int32_t y;
    unsigned m, d;
    civil_from_days(static_cast<int32_t>(day), y, m, d);
    const int items = unit(rng) < 0.8 ? 1 : 2 + static_cast<int>(unit(rng) * 2);
    ++order_id;
    for (int item = 0; item < items && row < rows; ++item, ++row) {
      const char* product = products[rng() % 8];
      if (product_count) {
        const uint64_t favourite = (customer * 2654435761u + item) % product_count;
        const uint64_t pick = unit(rng) < 0.7 ? favourite : static_cast<uint64_t>(std::pow(unit(rng), 2) * product_count);
        std::snprintf(product_name, sizeof product_name, "商品%04llu,%d", static_cast<unsigned long long>(pick + 1),
                      1 + static_cast<int>(rng() % 3));
        product = product_name;
      }
      const int n = std::snprintf(line, sizeof line, "%llu,buyer_%07llu,%04lld-%02lld-%02lld %02lld:%02lld:%02lld,%.2f,%s,%s\n",
                                  static_cast<unsigned long long>(order_id), static_cast<unsigned long long>(customer),
                                  static_cast<long long>(y), static_cast<long long>(m), static_cast<long long>(d),
                                  static_cast<long long>(seconds / 3600), static_cast<long long>(seconds / 60 % 60),
                                  static_cast<long long>(seconds % 60), price(rng),
                                  status, product);
      std::fwrite(line, 1, n, out);
    }
  }
}

}  // namespace huike::bench
