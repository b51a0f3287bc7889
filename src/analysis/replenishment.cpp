#include "analysis/replenishment.h"

#include <algorithm>
#include <cmath>

namespace huike {

const char* reminder_source_key(ReminderSource source) {
  static const char* const keys[kReminderSourceCount] = {"rhythm", "consumption_table", "learned"};
  return keys[static_cast<int>(source)];
}

namespace {
// std::lround for the spans (0 to 1e6 days), without a libm call per reminder (wasm has
// floor as an instruction): x - floor(x) is exact there.
int32_t round_days(double x) {
  if (!(x >= 0 && x <= 1e9)) return static_cast<int32_t>(std::lround(x));
  const double whole = std::floor(x);
  return static_cast<int32_t>(whole) + (x - whole >= 0.5);
}
}  // namespace

int32_t rhythm_next_purchase(const CustomerMetrics& m) {
  if (!m.analysed || m.purchase_days < 2) return INT32_MIN;
  return m.last_day + round_days(std::min(m.cycle_days(), 1e6));
}

double selected_quantile(std::vector<double>& values, double p) {
  if (values.empty()) return NAN;
  const double h = (values.size() - 1) * p;
  const size_t low = static_cast<size_t>(std::floor(h));
  const auto at = values.begin() + static_cast<ptrdiff_t>(std::min(low, values.size() - 1));
  std::nth_element(values.begin(), at, values.end());
  if (low + 1 >= values.size()) return *at;
  const double next = *std::min_element(at + 1, values.end());  // the (low + 1)-th in order
  return *at + (h - low) * (next - *at);
}

namespace {

constexpr double kMaxSpanDays = 1e6;

struct PurchaseDay {
  int32_t day;
  double quantity;
};

// One customer's purchase days of one product (lines of a day added up).
class CustomerRuns {
 public:
  // Product p's lines.
  CustomerRuns(const ProductLines& lines, uint32_t p, int32_t cutoff)
      : lines_(lines), k_(lines.begin[p]), last_(lines.begin[p + 1]), cutoff_(cutoff) {}

  // The next customer's days into `days`; false when no customer is left.
  bool next(uint32_t& customer, std::vector<PurchaseDay>& days) {
    days.clear();
    return next_customer(customer, [&](int32_t day, float quantity) {
      if (!days.empty() && days.back().day == day) days.back().quantity += quantity;
      else days.push_back({day, quantity});
    });
  }

  // The next customer's latest purchase day (its lines added up), as next()'s days.back(),
  // without keeping the earlier days: the reminders read only the latest (6M at 10M rows).
  bool next_latest(uint32_t& customer, PurchaseDay& latest) {
    bool any = false;
    return next_customer(customer, [&](int32_t day, float quantity) {
      if (any && latest.day == day) latest.quantity += quantity;
      else latest = {day, quantity};
      any = true;
    });
  }

 private:
  // The next customer with a line before the cutoff with a positive quantity: line(day,
  // quantity) for each such line, in order; false when no customer is left.
  template <class Line>
  bool next_customer(uint32_t& customer, Line line) {
    while (k_ != last_) {
      customer = lines_.customer[k_];
      bool any = false;
      for (; k_ != last_ && lines_.customer[k_] == customer; ++k_) {
        const int32_t day = lines_.day[k_];
        const float quantity = lines_.quantity[k_];
        if (day >= cutoff_ || !(quantity > 0)) continue;
        line(day, quantity);
        any = true;
      }
      if (any) return true;
    }
    return false;
  }

  const ProductLines& lines_;
  uint32_t k_, last_;
  int32_t cutoff_;
};

// By reminder day, due day, customer, product: two 64-bit keys (a sign bit flipped keeps the
// order of a signed day), fewer branches to mispredict in the sort of millions.
uint64_t day_key(const Reminder& r) {
  return static_cast<uint64_t>(static_cast<uint32_t>(r.reminder_day) ^ 0x80000000u) << 32 |
         (static_cast<uint32_t>(r.due_day) ^ 0x80000000u);
}
bool earlier(const Reminder& a, const Reminder& b) {
  const uint64_t x = day_key(a), y = day_key(b);
  if (x != y) return x < y;
  return (static_cast<uint64_t>(a.customer) << 32 | a.product) < (static_cast<uint64_t>(b.customer) << 32 | b.product);
}

}  // namespace

ProductRhythms learn_product_rhythms(const OrderTable& table, const ShopAnalysis& shop, const ConsumptionDays& consumption) {
  ProductRhythms out;
  const ProductLines& products = table.products;
  const size_t count = products.begin.empty() ? 0 : products.begin.size() - 1;
  out.table_days.assign(count, NAN);
  out.in_table.assign(count, 0);
  out.seen_index.assign(count, -1);
  std::vector<PurchaseDay> days;
  std::vector<double> intervals;
  const int32_t cutoff = shop.options.as_of_day ? *shop.options.as_of_day : INT32_MAX;
  for (uint32_t p = 0; p < count; ++p) {
    const auto found = consumption.find(std::string(table.products.names.at(p)));
    if (found != consumption.end()) {
      out.table_days[p] = found->second;
      out.in_table[p] = 1;
      ++out.table_entries_matched;
      continue;
    }
    LearnedProduct learned{p, 0, 0, NAN, NAN, NAN, false};
    intervals.clear();
    uint32_t customer;
    for (CustomerRuns runs(products, p, cutoff); runs.next(customer, days);) {
      if (days.size() < 2) continue;
      ++learned.customers;
      for (size_t k = 0; k + 1 < days.size(); ++k) intervals.push_back((days[k + 1].day - days[k].day) / days[k].quantity);
    }
    if (learned.customers == 0) continue;
    learned.intervals = intervals.size();
    learned.q1 = selected_quantile(intervals, 0.25);
    learned.median = selected_quantile(intervals, 0.5);
    learned.q3 = selected_quantile(intervals, 0.75);
    out.seen_index[p] = static_cast<int32_t>(out.seen.size());
    out.seen.push_back(learned);
  }
  return out;
}

ReplenishmentResult replenishment(const OrderTable& table, const ShopAnalysis& shop, const ConsumptionDays& consumption,
                                  const ReplenishmentOptions& options) {
  return replenishment(table, shop, learn_product_rhythms(table, shop, consumption),
                       static_cast<uint32_t>(consumption.size()), options);
}

ReplenishmentResult replenishment(const OrderTable& table, const ShopAnalysis& shop, const ProductRhythms& rhythms,
                                  uint32_t table_entries, const ReplenishmentOptions& options) {
  ReplenishmentResult out;
  out.options = options;
  out.as_of_day = shop.as_of_day;
  out.has_products = table.products.has_product_column;
  out.per_day.assign(std::max(0, options.series_days), 0);
  out.customer_reminder_day.assign(table.customer_count(), INT32_MIN);
  out.table_entries = table_entries;
  out.table_entries_matched = rhythms.table_entries_matched;
  const int32_t as_of = shop.as_of_day;

  const auto place = [&](Reminder r) {
    ++out.estimates[static_cast<int>(r.source)];
    r.reminder_day = std::max(r.due_day - options.remind_days_before, as_of);
    const int64_t ahead = static_cast<int64_t>(r.due_day) - as_of;
    if (ahead >= -options.overdue_max_days && r.product != kNoProduct) {
      int32_t& earliest = out.customer_reminder_day[r.customer];
      if (earliest == INT32_MIN || r.reminder_day < earliest) earliest = r.reminder_day;
    }
    if (ahead >= 0 && r.reminder_day - as_of < options.series_days) ++out.per_day[r.reminder_day - as_of];
    if (ahead >= 0 && ahead <= options.remind_within_days) {
      ++out.remind_now_by_source[static_cast<int>(r.source)];
      out.remind_now.push_back(r);
    } else if (ahead < 0 && ahead >= -options.overdue_max_days) {
      ++out.overdue_by_source[static_cast<int>(r.source)];
      out.overdue.push_back(r);
    }
  };

  std::vector<uint8_t> has_product_estimate(table.customer_count(), 0);
  const int32_t cutoff = shop.options.as_of_day ? *shop.options.as_of_day : INT32_MAX;
  const ProductLines& products = table.products;
  for (uint32_t p = 0; p < rhythms.table_days.size(); ++p) {
    double days_per_unit = rhythms.table_days[p];
    ReminderSource source = ReminderSource::consumption_table;
    if (!rhythms.in_table[p]) {
      if (rhythms.seen_index[p] < 0) continue;
      LearnedProduct learned = rhythms.seen[rhythms.seen_index[p]];
      learned.learned = learned.customers >= options.learn_min_customers;
      out.products_seen.push_back(learned);
      if (!learned.learned) continue;
      source = ReminderSource::learned;
      days_per_unit = learned.median;
    }
    uint32_t customer;
    PurchaseDay latest;
    for (CustomerRuns runs(products, p, cutoff); runs.next_latest(customer, latest);) {
      // Capped so that a huge quantity cannot overflow the day (it is far beyond any list).
      const double span = std::min(latest.quantity * days_per_unit, kMaxSpanDays);
      const int32_t due = latest.day + round_days(span);
      has_product_estimate[customer] = 1;
      place({customer, p, source, latest.day, latest.quantity, days_per_unit, due, 0});
    }
  }
  for (uint32_t c = 0; c < table.customer_count(); ++c) {
    const CustomerMetrics& m = shop.customers[c];
    const int32_t due = rhythm_next_purchase(m);
    if (due == INT32_MIN || has_product_estimate[c]) continue;
    place({c, kNoProduct, ReminderSource::rhythm, m.last_day, 0, m.cycle_days(), due, 0});
  }
  const auto by_day = [](const Reminder& a, const Reminder& b) { return earlier(a, b); };  // inlined, unlike a pointer
  std::sort(out.remind_now.begin(), out.remind_now.end(), by_day);
  std::sort(out.overdue.begin(), out.overdue.end(), by_day);
  std::stable_sort(out.products_seen.begin(), out.products_seen.end(),
                   [](const LearnedProduct& a, const LearnedProduct& b) { return a.customers > b.customers; });
  return out;
}

}  // namespace huike
