#include "ingest/date_column.h"

#include <algorithm>
#include <array>

#include "ingest/cell_trim.h"

namespace huike {

namespace {
constexpr int32_t kAmbiguousDateFlag = 1 << 30;
}  // namespace

int32_t DateColumn::provisional_day(int32_t day) {
  if (!(day & kAmbiguousDateFlag)) return day;
  const int32_t key = day & ~kAmbiguousDateFlag;
  return days_from_civil(key >> 9, (key >> 5) & 15, key & 31);
}

void DateColumn::decide_form(const std::vector<std::vector<std::string>>& rows, int column, size_t first_row) {
  std::array<size_t, kDateFormCount> seen{};
  for (size_t i = first_row; i < rows.size(); ++i) {
    ParsedDate date;
    if (static_cast<size_t>(column) < rows[i].size() && parse_date(trim_cell(rows[i][column]), date)) {
      ++seen[static_cast<int>(date.form)];
    }
  }
  const auto most = std::max_element(seen.begin(), seen.end());
  if (*most > 0) form_ = static_cast<DateForm>(most - seen.begin());
}

bool DateColumn::parse(std::string_view text, int32_t& day) {
  ParsedDate date;
  if (!parse_date(text, date) || date.year < 1900 || date.year > 2200) return false;
  if (!form_) form_ = date.form;
  if (date.form != *form_) return false;
  if (!date.pair_form) {
    day = days_from_civil(date.year, date.month, date.day);
    return true;
  }
  bool month_first = date.month_first_valid, day_first = date.day_first_valid;
  if (order_ == DateOrder::month_first) day_first = !month_first;
  if (order_ == DateOrder::day_first) month_first = !day_first;
  if (month_first && day_first) {
    ++ambiguous_;
    day = kAmbiguousDateFlag | (date.year << 9) | (date.month << 5) | date.day;
  } else if (month_first) {
    ++month_first_only_;
    day = days_from_civil(date.year, date.month, date.day);
  } else if (day_first) {
    ++day_first_only_;
    day = days_from_civil(date.year, date.day, date.month);
  } else {
    return false;
  }
  return true;
}

void DateColumn::resolve(std::vector<Order>& orders, IngestSummary& summary) const {
  if (form_) summary.date_format = date_form_key(*form_);
  bool month_first = true;
  if (order_ == DateOrder::day_first) month_first = false;
  else if (order_ == DateOrder::automatic) month_first = day_first_only_ <= month_first_only_;
  if (order_ != DateOrder::automatic) {
    summary.date_order = order_ == DateOrder::day_first ? "day_first" : "month_first";
  } else if (month_first_only_ + day_first_only_ + ambiguous_ == 0) {
    summary.date_order = "unambiguous";
  } else {
    summary.date_order = month_first ? "month_first" : "day_first";
    summary.date_order_assumed = month_first_only_ == 0 && day_first_only_ == 0;
    summary.date_orders_mixed = month_first_only_ > 0 && day_first_only_ > 0;
  }
  if (ambiguous_ == 0) return;
  for (Order& order : orders) {
    if (!(order.day & kAmbiguousDateFlag)) continue;
    const int32_t key = order.day & ~kAmbiguousDateFlag;
    const int32_t year = key >> 9;
    const unsigned first = (key >> 5) & 15, second = key & 31;
    order.day = month_first ? days_from_civil(year, first, second) : days_from_civil(year, second, first);
  }
}

}  // namespace huike
