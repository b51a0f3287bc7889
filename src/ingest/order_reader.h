#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/amount_level.h"
#include "ingest/customer_identity.h"
#include "ingest/exclusion_count.h"
#include "ingest/warning_notes.h"
#include "ingest/ingest_corrections.h"
#include "ingest/text_decode.h"
#include "model/order_table.h"

namespace huike {

enum class ColumnRole : uint8_t {
  customer, date, amount, order_id, quantity, unit_price, status, product, contact,
  after_sale,  // a second status column (售后状态): only a completed refund there excludes the row
  promotion    // a discount, coupon or campaign cell: marks the order promotional (member tiers)
};
constexpr int kColumnRoleCount = 11;
const char* column_role_key(ColumnRole role);  // "customer", "date", ...

enum class DateOrder : uint8_t { automatic, month_first, day_first };

// What the user may set instead of letting the engine guess.
struct IngestOptions {
  Encoding encoding = Encoding::undecided;          // undecided = detect
  char delimiter = 0;                                // 0 = detect; ' ' = aligned columns
  std::optional<bool> has_header;                    // empty = detect
  // Role → column, by header name or 0-based position ("3"). Overrides guessing.
  std::map<std::string, std::string> columns;
  DateOrder date_order = DateOrder::automatic;
  IdentityMode identity = IdentityMode::automatic;   // which column tells customers apart
  IngestCorrections corrections;  // date range, amount unit, amount level (the data warnings' settings)
  // The whole input's size when the host knows it (`size_bytes`): the tables are reserved
  // from it as the rows come, so they grow a few times instead of doubling past the need.
  uint64_t size_bytes = 0;
  // "product_lines": false reads the product column but keeps no product lines (split mode,
  // Session::product_sections): the product sections are then another session's.
  bool keep_product_lines = true;
  // 2: the table is built on a second thread while the reader reads on (the same table); 1:
  // one thread. 0 = 2 when the machine has two cores. wasm: always 1.
  int threads = 0;
};

// What ingest saw and decided; goes into the report's `input` section.
struct IngestSummary {
  Encoding encoding = Encoding::undecided;
  bool had_bom = false;
  uint64_t invalid_byte_sequences = 0;             // each became U+FFFD
  std::vector<int64_t> invalid_byte_lines;          // first lines holding one
  char delimiter = 0;
  bool has_header = false;
  std::vector<std::string> header;                  // column names (or "column_1"...)
  std::array<int, kColumnRoleCount> role_column{};  // -1 = not present
  std::string date_order;                           // "month_first", "day_first", "unambiguous"
  bool date_order_assumed = false;                  // no row decided it
  bool date_orders_mixed = false;                   // rows valid only one way, both ways seen
  std::string date_format;                          // date_form_key of the column's form
  uint64_t bytes = 0;
  uint64_t lines = 0;
  uint64_t blank_lines = 0;
  uint64_t rows_read = 0;                           // data records (header excluded)
  uint64_t rows_used = 0;
  uint64_t return_rows = 0;                         // used, as returns
  std::map<std::string, ExclusionCount> excluded;   // reason key → count
  std::vector<std::vector<std::string>> preview;    // first rows, as text
  std::string platform;                             // platform_layouts key, "" = none recognised
  std::string platform_name;
  CustomerIdentity identity;                        // how customers were told apart
  AmountLevelDecision amount_level;                 // per order or per line
  // Rows with a blank amount on an order already read (Shopify's further line items):
  // used, they add nothing to the order's value.
  ExclusionCount line_items_without_amount;
  uint64_t refunded_orders = 0;                     // orders whose refund rows cancel them
  WarningNotes warning_notes;                       // lines of the extreme dates, amounts with cents (data warnings)
};

// Streaming ingest: bytes in chunks of any size → OrderTable. Same result however
// the input is split. Throws HuikeError for what cannot be read at all.
class OrderReader {
 public:
  explicit OrderReader(IngestOptions options = {});
  ~OrderReader();
  OrderReader(const OrderReader&) = delete;
  OrderReader& operator=(const OrderReader&) = delete;

  void feed(std::string_view bytes);
  // Ends the input; returns the finished table. The reader is spent afterwards.
  OrderTable finish();
  const IngestSummary& summary() const;
  // The bytes of the tables reserved for the whole input from its size (size_bytes): a host
  // judging whether the input will fit extrapolates the rest of its memory, not these.
  uint64_t reserved_bytes() const;
  uint64_t wanted_bytes() const;  // what those tables need for the whole input, got or not

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace huike
