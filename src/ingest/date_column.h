#pragma once
// The order-date column read as a whole: one date form for the column (the most common
// among the first rows; a value in another form is a bad date), and one month/day order,
// decided once every row is read. Until then a date that fits both orders waits in
// Order::day as a key.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/date_parse.h"
#include "ingest/order_reader.h"

namespace huike {

class DateColumn {
 public:
  explicit DateColumn(DateOrder order) : order_(order) {}

  // From the first rows (rows[first_row..]): the most common form in `column`.
  void decide_form(const std::vector<std::vector<std::string>>& rows, int column, size_t first_row);
  // The day of one cell; false for a bad date (unreadable, out of 1900–2200, another form).
  bool parse(std::string_view text, int32_t& day);
  // After the last row: the month/day order, into `summary` and the waiting days of `orders`.
  void resolve(std::vector<Order>& orders, IngestSummary& summary) const;
  // A parsed day as a day even while its order is open (a waiting day read month first:
  // both readings fall in the same year), for the date range and the data warnings.
  static int32_t provisional_day(int32_t day);

 private:
  DateOrder order_;
  std::optional<DateForm> form_;
  uint64_t month_first_only_ = 0, day_first_only_ = 0, ambiguous_ = 0;
};

}  // namespace huike
