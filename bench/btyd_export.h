#pragma once
// The benchmark file of issue 14: a 7-column shop export (order id, customer, time, line
// amount, status, product title, quantity) from a BTYD-like process. Each customer arrives
// at a uniform time in a 3-year window, buys at a gamma-distributed Poisson rate and, after
// each purchase, drops out with a beta-distributed probability (BG/NBD). Rows come out in
// time order, one row per line item; the lines of an order share its id and status.
// Statuses are exactly three words, so one WHERE reproduces the engine's rule:
//   en: paid | cancelled | refunded      zh: 交易成功 | 交易关闭 | 退款成功
// Only `paid` / 交易成功 rows count; the amount is the line's value (an order = Σ its lines).
// Deterministic per seed on every platform: own RNG and distributions, no std:: ones.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "gbk_subset.h"
#include "ingest/date_parse.h"

namespace huike::bench {

struct ExportSpec {
  uint64_t rows = 1000000;
  uint64_t seed = 1;
  bool chinese = false;  // Taobao-style headers, statuses and titles
  bool gbk = false;      // GBK instead of UTF-8 (only with chinese)
};

// splitmix64: tiny, fast and the same everywhere.
class SplitMix {
 public:
  explicit SplitMix(uint64_t seed) : state_(seed) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }  // [0, 1)
  double exponential() { return -std::log(1.0 - unit()); }
  double normal() {  // Box-Muller, one value per call
    const double u = 1.0 - unit(), v = unit();
    return std::sqrt(-2.0 * std::log(u)) * std::cos(6.283185307179586 * v);
  }
  double gamma(double shape) {  // Marsaglia-Tsang; shape < 1 by the boost u^(1/shape)
    if (shape < 1.0) return gamma(shape + 1.0) * std::pow(1.0 - unit(), 1.0 / shape);
    const double d = shape - 1.0 / 3.0, c = 1.0 / std::sqrt(9.0 * d);
    for (;;) {
      double x, v;
      do {
        x = normal();
        v = 1.0 + c * x;
      } while (v <= 0.0);
      v = v * v * v;
      const double u = 1.0 - unit();
      if (std::log(u) < 0.5 * x * x + d - d * v + d * std::log(v)) return d * v;
    }
  }
  double beta(double a, double b) {
    const double x = gamma(a);
    return x / (x + gamma(b));
  }

 private:
  uint64_t state_;
};

namespace btyd {

constexpr uint32_t kWindowDays = 1096;  // 2023-01-01 .. 2025-12-31
constexpr int64_t kFirstDay = 19358;    // 2023-01-01 as days since 1970-01-01
// Purchase rate per day ~ Gamma(shape, scale); dropout after a purchase ~ Beta(a, b).
constexpr double kRateShape = 0.9, kRateScale = 1.0 / 45.0, kDropA = 1.4, kDropB = 2.9;

// The same products in both languages, already CSV-quoted where they hold commas or quotes.
inline const char* const kTitlesEn[] = {
    "\"Merino wool sweater, grey\"", "Infant formula stage 3 900g tin",
    "\"Spring green tea, grade A 250g\"",       "\"\"\"Alpine\"\" oolong tea gift box\"",
    "\"Running socks, 5 pairs, cotton\"",       "Daily mixed nuts 750g",
    "\"Phone case \"\"Clear\"\" shockproof\"",  "\"Cat food salmon, adult 2kg\"",
    "Insulated bottle 500ml",         "Bluetooth earbuds",
    "Cotton towel and bath towel set",          "Anti-dandruff shampoo 400ml",
    "Hydrating face serum 30ml",                "\"Kids building blocks, 300 pcs\""};
inline const char* const kTitlesZh[] = {
    "\"羊毛衫 女 灰色,加厚款\"", "婴儿奶粉 3段 900g罐装", "明前绿茶 特级 250g",
    "\"\"\"高山\"\"乌龙茶 礼盒\"", "运动袜 5双装 纯棉",   "每日坚果 混合装 750g",
    "\"手机壳 \"\"透明\"\" 防摔\"", "猫粮 三文鱼味 成猫 2kg", "保温杯 不锈钢 大容量 500ml",
    "蓝牙耳机 降噪",            "纯棉毛巾 浴巾套装",     "洗发水 去屑 400ml",
    "护肤精华液 补水 30ml",     "儿童积木 益智玩具"};
constexpr int kTitles = sizeof(kTitlesEn) / sizeof(kTitlesEn[0]);
static_assert(kTitles == sizeof(kTitlesZh) / sizeof(kTitlesZh[0]));

struct Order {
  uint32_t second;  // since the window's start
  uint32_t customer;
  uint8_t lines;
  uint8_t status;  // 0 paid, 1 cancelled, 2 refunded
  bool operator<(const Order& o) const {  // a total order: the same bytes whatever the sort
    if (second != o.second) return second < o.second;
    if (customer != o.customer) return customer < o.customer;
    if (lines != o.lines) return lines < o.lines;
    return status < o.status;
  }
};

// Every order of customers drawn one by one until `rows` line items; the last order is cut.
inline std::vector<Order> draw_orders(uint64_t rows, SplitMix& rng) {
  std::vector<Order> orders;
  orders.reserve(rows * 10 / 13 + 16);
  constexpr double window = kWindowDays * 86400.0;
  uint64_t lines_so_far = 0;
  for (uint32_t customer = 0; lines_so_far < rows; ++customer) {
    const double rate = rng.gamma(kRateShape) * kRateScale / 86400.0;  // per second
    const double drop = rng.beta(kDropA, kDropB);
    double t = rng.unit() * window;
    while (t < window && lines_so_far < rows) {
      const double l = rng.unit();
      const uint64_t lines = std::min<uint64_t>(l < 0.78 ? 1 : l < 0.93 ? 2 : l < 0.98 ? 3 : 4, rows - lines_so_far);
      const double s = rng.unit();
      const uint8_t status = s < 0.93 ? 0 : s < 0.97 ? 1 : 2;
      orders.push_back({static_cast<uint32_t>(t), customer, static_cast<uint8_t>(lines), status});
      lines_so_far += lines;
      if (rng.unit() < drop) break;  // dropped out after this purchase
      t += rng.exponential() / rate;
    }
  }
  std::sort(orders.begin(), orders.end());
  return orders;
}

// "YYYY-MM-DD " of a day since 1970.
inline std::string day_text(int64_t days) {
  int32_t year;
  unsigned month, day;
  civil_from_days(static_cast<int32_t>(days), year, month, day);
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u ", static_cast<int>(year), month, day);
  return text;
}

inline char* put_digits(char* at, uint64_t value, int width) {
  for (int i = width - 1; i >= 0; --i, value /= 10) at[i] = static_cast<char>('0' + value % 10);
  return at + width;
}

inline char* put_text(char* at, const std::string& text) {
  std::copy(text.begin(), text.end(), at);
  return at + text.size();
}

}  // namespace btyd

inline void write_btyd_export(FILE* out, const ExportSpec& spec) {
  using namespace btyd;
  const auto encode = [&](const std::string& utf8) { return spec.gbk ? utf8_to_gbk_subset(utf8) : utf8; };
  const std::string header =
      encode(spec.chinese ? "订单编号,买家会员名,订单创建时间,买家实际支付金额,订单状态,宝贝标题,购买数量\n"
                          : "order_id,customer_id,created_at,amount,status,product_name,quantity\n");
  const std::string statuses[3] = {encode(spec.chinese ? "交易成功" : "paid"),
                                   encode(spec.chinese ? "交易关闭" : "cancelled"),
                                   encode(spec.chinese ? "退款成功" : "refunded")};
  std::vector<std::string> titles, days;
  for (int i = 0; i < kTitles; ++i) titles.push_back(encode(spec.chinese ? kTitlesZh[i] : kTitlesEn[i]));
  for (uint32_t d = 0; d < kWindowDays + 1; ++d) days.push_back(day_text(kFirstDay + d));
  const std::string customer_prefix = spec.chinese ? "tb" : "C";

  SplitMix rng(spec.seed * 0x2545F4914F6CDD1Dull + 1);
  const std::vector<Order> orders = draw_orders(spec.rows, rng);
  std::fwrite(header.data(), 1, header.size(), out);
  std::vector<char> buffer(1 << 20);
  char* at = buffer.data();
  const char* flush_at = buffer.data() + buffer.size() - 512;
  uint64_t order_id = 100000000000ull;  // 12 digits
  for (const Order& order : orders) {
    ++order_id;
    const uint32_t day = order.second / 86400, second_of_day = order.second % 86400;
    int title = static_cast<int>((order.customer * 2654435761u) % kTitles);  // the customer's favourite first
    for (int line = 0; line < order.lines; ++line) {
      if (line > 0 || rng.unit() < 0.4) title = static_cast<int>((title + 1 + rng.next() % (kTitles - 1)) % kTitles);
      const double q = rng.unit();
      const uint64_t quantity = q < 0.82 ? 1 : q < 0.96 ? 2 : 3;
      // Unit price: lognormal around ¥55, in cents; the line's amount = quantity × price.
      const uint64_t cents = quantity * static_cast<uint64_t>(std::exp(4.0 + 0.75 * rng.normal()) * 100.0 + 1.0);
      at = put_digits(at, order_id, 12);
      *at++ = ',';
      at = put_text(at, customer_prefix);
      at = put_digits(at, order.customer, 8);
      *at++ = ',';
      at = put_text(at, days[day]);
      at = put_digits(at, second_of_day / 3600, 2);
      *at++ = ':';
      at = put_digits(at, second_of_day / 60 % 60, 2);
      *at++ = ':';
      at = put_digits(at, second_of_day % 60, 2);
      *at++ = ',';
      int whole_digits = 1;
      for (uint64_t v = cents / 100; v >= 10; v /= 10) ++whole_digits;
      at = put_digits(at, cents / 100, whole_digits);
      *at++ = '.';
      at = put_digits(at, cents % 100, 2);
      *at++ = ',';
      at = put_text(at, statuses[order.status]);
      *at++ = ',';
      at = put_text(at, titles[title]);
      *at++ = ',';
      at = put_digits(at, quantity, 1);
      *at++ = '\n';
      if (at >= flush_at) {
        std::fwrite(buffer.data(), 1, at - buffer.data(), out);
        at = buffer.data();
      }
    }
  }
  std::fwrite(buffer.data(), 1, at - buffer.data(), out);
}

// The same bytes in memory (the tests' small files).
inline std::string btyd_export_text(const ExportSpec& spec) {
  FILE* file = std::tmpfile();
  write_btyd_export(file, spec);
  std::string bytes(static_cast<size_t>(std::ftell(file)), '\0');
  std::rewind(file);
  const size_t got = std::fread(bytes.data(), 1, bytes.size(), file);
  std::fclose(file);
  bytes.resize(got);
  return bytes;
}

}  // namespace huike::bench
