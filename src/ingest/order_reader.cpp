#include "ingest/order_reader.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "core/error.h"
#include "ingest/amount_level.h"
#include "ingest/amount_parse.h"
#include "ingest/cell_trim.h"
#include "ingest/column_mapping.h"
#include "ingest/csv_tokenizer.h"
#include "ingest/customer_identity.h"
#include "ingest/date_column.h"
#include "ingest/file_sniff.h"
#include "ingest/order_index.h"
#include "ingest/order_table_builder.h"
#include "ingest/promotion_value.h"
#include "ingest/row_pipeline.h"
#include "ingest/status_words.h"

namespace huike {

const char* column_role_key(ColumnRole role) {
  static const char* const keys[kColumnRoleCount] = {"customer", "date",   "amount",  "order_id", "quantity",
                                                     "unit_price", "status", "product", "contact",
                                                     "after_sale", "promotion"};
  return keys[static_cast<int>(role)];
}

namespace {

constexpr size_t kSniffRecords = 30;
constexpr size_t kExampleLines = 5;
constexpr size_t kBatchRows = 4096;  // usable rows handed to the table builder at a time

bool is_uci_cancellation(std::string_view order_id) {
  if (order_id.size() < 2 || (order_id[0] != 'C' && order_id[0] != 'c')) return false;
  return std::all_of(order_id.begin() + 1, order_id.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

struct OrderReader::State : RecordSink {
  IngestOptions options;
  IngestSummary summary;
  TextDecoder decoder;
  std::unique_ptr<CsvTokenizer> tokenizer;
  std::string sniff_text;               // decoded text held until the delimiter is known
  size_t sniff_text_lines = 0;          // non-blank lines complete in sniff_text
  bool sniff_line_has_text = false;     // the line being read so far
  bool sniff_done = false;              // sniff_text holds all that detect_delimiter reads
  std::string binary_probe;             // the first raw bytes
  std::vector<std::vector<std::string>> sniff_rows;
  std::vector<int64_t> sniff_lines;
  bool roles_decided = false;
  bool finished = false;
  ColumnMapping mapping;

  OrderTableBuilder built;  // the usable rows become the order table there
  OrderTable& table = built.table;  // the reader reads only what is set before the first row
  RowBatch batch;           // the usable rows not yet handed to the builder
  RowPipeline pipeline;     // hands them over (after `built`: ends before it)
  uint64_t lines_without_quantity = 0;  // rows with an order value: ProductLines::lines_without_quantity

  DateColumn dates;
  bool cr_line_ends = false;
  std::string cr_text;                  // text with CR line ends turned into LF
  uint64_t replacements_located = 0;    // U+FFFD found in records, for the invalid-byte lines
  std::string last_excluded_order;
  StatusMemo status_of{classify_status}, after_sale_of{classify_after_sale};
  // The previous identified row's order and customer: a line-item row right below it with a
  // blank identity cell (Shopify leaves order fields blank after the first line) is that order's.
  std::string last_order_id, last_order_customer;
  IdentitySource last_order_via = IdentitySource::customer_column;

  explicit State(IngestOptions opts)
      : options(std::move(opts)), decoder(options.encoding), pipeline(built, options.threads), dates(options.date_order) {
    mapping.column.fill(-1);
  }

  int col(ColumnRole role) const { return mapping.col(role); }

  // A row left out for its status; its order's further lines follow it (Shopify).
  void exclude_order_row(const char* reason, std::string_view order_id, int64_t line) {
    last_excluded_order.assign(order_id);
    exclude(reason, line);
  }

  void exclude(const char* reason, int64_t line) { summary.excluded[reason].add(line, kExampleLines); }

  void take_text(std::string_view text) {
    if (!tokenizer) {
      // Hold only what the delimiter sample needs; the rest goes straight to the tokenizer.
      const size_t needed = sniff_take(text);
      const bool ready = sniff_done && binary_probe.size() >= kBinaryCheckBytes;
      const size_t take = ready ? needed : text.size();
      sniff_text.append(text.data(), take);
      text.remove_prefix(take);
      if (!ready) return;
      start_tokenizer();
    }
    if (text.empty()) return;
    if (cr_line_ends) {
      cr_text.assign(text);
      std::replace(cr_text.begin(), cr_text.end(), '\r', '\n');
      text = cr_text;
    }
    tokenizer->feed(text, *this);
  }

  // How much of `text` detect_delimiter still reads: up to the end of the kSniffLines-th
  // non-blank line, or until kSniffMaxBytes are held. Sets sniff_done when that is reached.
  size_t sniff_take(std::string_view text) {
    size_t i = 0;
    while (!sniff_done && i < text.size()) {
      const size_t held = sniff_text.size() + i;
      if (held >= kSniffMaxBytes) {
        sniff_done = true;
        break;
      }
      const size_t end = std::min(text.size(), i + (kSniffMaxBytes - held));
      const void* newline = std::memchr(text.data() + i, '\n', end - i);
      const size_t stop = newline ? static_cast<const char*>(newline) - text.data() : end;
      if (!sniff_line_has_text) sniff_line_has_text = !trim_cell(text.substr(i, stop - i)).empty();
      i = stop;
      if (newline) {
        ++i;
        sniff_text_lines += sniff_line_has_text;
        sniff_line_has_text = false;
        sniff_done = sniff_text_lines >= kSniffLines;
      }
    }
    return i;
  }

  void start_tokenizer() {
    check_binary_probe(binary_probe);
    cr_line_ends = has_cr_line_ends(sniff_text);
    if (cr_line_ends) std::replace(sniff_text.begin(), sniff_text.end(), '\r', '\n');
    const size_t sample_end = std::min(sniff_text.size(), kSniffMaxBytes);
    summary.delimiter = options.delimiter ? options.delimiter
                                          : detect_delimiter(std::string_view(sniff_text).substr(0, sample_end));
    tokenizer = std::make_unique<CsvTokenizer>(summary.delimiter);
    std::string held;
    held.swap(sniff_text);
    tokenizer->feed(held, *this);
  }

  // RecordSink: every record of the file.
  void record(const std::string_view* fields, size_t count, int64_t line) override {
    if (replacements_located < decoder.invalid_sequences() && summary.invalid_byte_lines.size() < kExampleLines) {
      locate_replacements(fields, count, line);
    }
    if (!roles_decided) {
      sniff_rows.emplace_back(fields, fields + count);
      sniff_lines.push_back(line);
      if (sniff_rows.size() >= kSniffRecords) decide_roles();
      return;
    }
    ++summary.rows_read;
    if (summary.preview.size() < kPreviewRows) summary.preview.push_back(preview_row(fields, count));
    use_row(fields, count, line);
  }

  // The decoder turned invalid bytes into U+FFFD: the first records holding one give the lines.
  void locate_replacements(const std::string_view* fields, size_t count, int64_t line) {
    size_t found = 0;
    for (size_t i = 0; i < count; ++i) found += count_replacements(fields[i]);
    if (found == 0) return;
    replacements_located += found;
    summary.invalid_byte_lines.push_back(line);
  }

  void decide_roles() {
    roles_decided = true;
    if (sniff_rows.empty()) {
      throw HuikeError(summary.bytes == 0 ? ErrorCode::E_EMPTY_FILE : ErrorCode::E_NO_ROWS,
                       summary.bytes == 0 ? "the file is empty" : "the file has no rows");
    }
    mapping = decide_columns(sniff_rows, options, summary);
    table.has_promotion_column = col(ColumnRole::promotion) >= 0;
    built.has_product = col(ColumnRole::product) >= 0 && options.keep_product_lines;
    std::vector<std::vector<std::string>> rows;
    rows.swap(sniff_rows);
    if (col(ColumnRole::date) >= 0) dates.decide_form(rows, col(ColumnRole::date), summary.has_header ? 1 : 0);
    summary.preview.clear();  // the rows below fill it again as they are read
    std::vector<std::string_view> views;
    for (size_t i = summary.has_header ? 1 : 0; i < rows.size(); ++i) {
      views.assign(rows[i].begin(), rows[i].end());
      record(views.data(), views.size(), sniff_lines[i]);
    }
  }

  // The product and quantity of a row, when the file has a product column.
  float row_quantity(std::string_view text) {
    float quantity;
    if (!read_quantity(text, quantity)) ++lines_without_quantity;
    return quantity;
  }
  bool read_quantity(std::string_view text, float& out) {
    double quantity;
    out = 1.0f;
    if (col(ColumnRole::quantity) < 0) return true;
    if (!parse_amount(text, quantity) || !std::isfinite(quantity) || std::fabs(quantity) > 1e9) return false;
    out = static_cast<float>(quantity);
    return true;
  }
  double row_weight(float quantity, std::string_view price_text, double amount) {
    double price;
    if (col(ColumnRole::unit_price) >= 0 && parse_amount(price_text, price)) return quantity * price;
    return amount;
  }


  // A blank amount on a row of an order already read is one more line item of it: the
  // builder looks the order up (OrderTableBuilder::add_line_item).
  void line_item_without_amount(std::string_view order_id, std::string_view customer_text, IdentitySource via,
                                int64_t line, std::string_view product, std::string_view quantity_text,
                                std::string_view price_text) {
    float quantity = 1.0f;
    bool readable = true;
    double weight = 0.0;
    if (built.has_product) {
      readable = read_quantity(quantity_text, quantity);
      weight = row_weight(quantity, price_text, 0.0);
    } else {
      product = {};
    }
    batch.add_line_item(OrderIndex::key(order_id, hash_bytes(customer_text)), line, product, quantity, weight, !readable,
                        order_id == last_excluded_order, via);
    if (batch.rows.size() >= kBatchRows) pipeline.push(batch);
  }

  void use_row(const std::string_view* fields, size_t count, int64_t line) {
    if (count < mapping.needed_width) {
      // A short row still counts when its required cells are there (trailing empties dropped).
      const auto has = [&](ColumnRole role) { return col(role) < 0 || static_cast<size_t>(col(role)) < count; };
      if (!has(ColumnRole::customer) || !has(ColumnRole::date) ||
          !(has(ColumnRole::amount) || (has(ColumnRole::quantity) && has(ColumnRole::unit_price)))) {
        exclude("short_row", line);
        return;
      }
    }
    const auto cell = [&](ColumnRole role) -> std::string_view {
      const int c = col(role);
      return c >= 0 && static_cast<size_t>(c) < count ? trim_cell(fields[c]) : std::string_view();
    };
    IdentitySource via;
    std::string_view customer_text =
        identify_customer(cell(ColumnRole::customer), fields, count, summary.identity, via);
    const std::string_view order_id = cell(ColumnRole::order_id);
    if (customer_text.empty()) {
      if (order_id.empty()) return exclude("missing_customer", line);
      if (order_id == last_excluded_order) return exclude("line_item_of_excluded_order", line);
      if (order_id != last_order_id) return exclude("missing_customer", line);
      customer_text = last_order_customer;
      via = last_order_via;
    } else if (!order_id.empty() && (order_id != last_order_id || customer_text != last_order_customer)) {
      last_order_id.assign(order_id);
      last_order_customer.assign(customer_text);
      last_order_via = via;
    }
    if (col(ColumnRole::status) >= 0) {
      const OrderStatus status = status_of(cell(ColumnRole::status));
      if (status != OrderStatus::purchase) return exclude_order_row(status_reason_key(status), order_id, line);
    }
    if (col(ColumnRole::after_sale) >= 0) {
      const OrderStatus after_sale = after_sale_of(cell(ColumnRole::after_sale));
      if (after_sale != OrderStatus::purchase) return exclude_order_row(status_reason_key(after_sale), order_id, line);
    }
    if (col(ColumnRole::amount) >= 0 && !order_id.empty() && cell(ColumnRole::amount).empty()) {
      return line_item_without_amount(order_id, customer_text, via, line, cell(ColumnRole::product),
                                      cell(ColumnRole::quantity), cell(ColumnRole::unit_price));
    }
    int32_t day;
    if (!dates.parse(cell(ColumnRole::date), day)) return exclude("bad_date", line);

    double amount;
    if (col(ColumnRole::amount) >= 0) {
      if (!parse_amount(cell(ColumnRole::amount), amount)) return exclude("bad_amount", line);
    } else {
      double quantity, price;
      if (!parse_amount(cell(ColumnRole::quantity), quantity) || !parse_amount(cell(ColumnRole::unit_price), price)) {
        return exclude("bad_amount", line);
      }
      amount = quantity * price;
    }
    if (!std::isfinite(amount) || std::fabs(amount) > 1e13) return exclude("bad_amount", line);

    if (is_uci_cancellation(order_id) && amount >= 0) return exclude("cancelled_invoice", line);
    // The corrections a data warning points to, and the lines it cites (ingest_corrections.h).
    if (!options.corrections.in_range(DateColumn::provisional_day(day))) return exclude(kOutsideDateRange, line);
    amount = options.corrections.amount(amount);
    summary.warning_notes.note(DateColumn::provisional_day(day), line,
                               cell(col(ColumnRole::amount) >= 0 ? ColumnRole::amount : ColumnRole::unit_price));

    ++summary.rows_used;
    count_identified_row(summary.identity, via);
    if (amount < 0) ++summary.return_rows;
    UsableRow row{customer_text, hash_bytes(customer_text), 0, amount, day, line, {}, {}, false, {}, 1.0f, 0.0};
    if (!order_id.empty()) row.key = OrderIndex::key(order_id, row.customer_hash);
    if (mapping.contacts.any()) contact_cells(mapping.contacts, fields, count, row.phone, row.email);
    row.promotional = table.has_promotion_column && is_promotional_value(cell(ColumnRole::promotion));
    if (built.has_product) {
      row.product = cell(ColumnRole::product);
      row.quantity = row_quantity(cell(ColumnRole::quantity));
      row.weight = row_weight(row.quantity, cell(ColumnRole::unit_price), amount);
    }
    batch.add(row);
    if (batch.rows.size() >= kBatchRows) pipeline.push(batch);
  }

  // The tables reserved for the whole input at the rate read so far (IngestOptions::size_bytes).
  // The builder reserves after the rows read so far, before the next.
  void reserve_ahead(uint64_t bytes_read) {
    if (options.size_bytes <= bytes_read || bytes_read == 0 || summary.rows_read < 1000) return;
    batch.reserve_scale = static_cast<double>(options.size_bytes) / static_cast<double>(bytes_read);
    pipeline.push(batch);
  }

  // The last rows into the builder, and what it counted into the summary.
  void finish_building() {
    pipeline.push(batch);
    pipeline.drain();
    table.products.lines_without_quantity += lines_without_quantity;
    const LineItemTally& items = built.line_items;
    summary.rows_used += items.rows_used;
    summary.identity.rows_by_customer_column += items.identified.rows_by_customer_column;
    summary.identity.rows_by_email += items.identified.rows_by_email;
    summary.identity.rows_by_phone += items.identified.rows_by_phone;
    summary.identity.rows_by_name += items.identified.rows_by_name;
    summary.line_items_without_amount = items.used;
    if (items.of_excluded_order.rows > 0) {
      summary.excluded["line_item_of_excluded_order"].merge(items.of_excluded_order, kExampleLines);
    }
    if (items.without_order.rows > 0) summary.excluded["bad_amount"].merge(items.without_order, kExampleLines);
  }
};

OrderReader::OrderReader(IngestOptions options) : state_(std::make_unique<State>(std::move(options))) {}
OrderReader::~OrderReader() = default;

void OrderReader::feed(std::string_view bytes) {
  State& s = *state_;
  if (s.finished) throw HuikeError(ErrorCode::E_STATE, "feed after finish");
  s.reserve_ahead(s.summary.bytes);
  s.summary.bytes += bytes.size();
  if (s.binary_probe.size() < kBinaryCheckBytes) {
    s.binary_probe.append(bytes.substr(0, kBinaryCheckBytes - s.binary_probe.size()));
  }
  if (const std::string_view joined = s.decoder.join_held(bytes); !joined.empty()) s.take_text(joined);
  s.take_text(s.decoder.decode(bytes));
  if (!s.batch.rows.empty()) s.pipeline.push(s.batch);  // the table holds what was fed (the host's heap guard)
}

OrderTable OrderReader::finish() {
  State& s = *state_;
  if (s.finished) throw HuikeError(ErrorCode::E_STATE, "finish called twice");
  s.finished = true;
  s.take_text(s.decoder.finish());
  if (!s.tokenizer) s.start_tokenizer();
  s.tokenizer->finish(s);
  if (!s.roles_decided) s.decide_roles();
  s.finish_building();
  s.summary.lines = s.tokenizer->lines();
  s.summary.blank_lines = s.tokenizer->blank_lines();
  s.summary.encoding = s.decoder.encoding();
  s.summary.had_bom = s.decoder.had_bom();
  s.summary.invalid_byte_sequences = s.decoder.invalid_sequences();
  if (s.summary.rows_read == 0) throw HuikeError(ErrorCode::E_NO_ROWS, "the file has a header but no order rows");
  s.summary.amount_level = resolve_amount_level(s.table.orders, s.built.order_lines, s.mapping.amount_hint,
                                                   s.options.corrections.amount_level);
  const RefundedOrders refunded =
      drop_refunded_orders(s.table.orders, s.built.order_lines, s.built.negative_rows, kExampleLines,
                           s.table.has_promotion_column ? &s.table.promotional : nullptr);
  if (refunded.orders > 0) {
    // A sale whose refund rows bring it to zero (a POS refund of the same transaction)
    // is no purchase: its rows are counted under `refunded_in_file`.
    s.summary.refunded_orders = refunded.orders;
    s.summary.rows_used -= refunded.rows;
    s.summary.return_rows -= refunded.negative_rows;
    s.summary.excluded["refunded_in_file"] = {refunded.rows, refunded.example_lines};
  }
  s.built.order_lines.release();
  if (s.table.orders.empty()) {
    throw HuikeError(ErrorCode::E_NO_USABLE_ROWS, "none of the " + std::to_string(s.summary.rows_read) +
                                             " rows is a usable order; see the excluded rows by reason");
  }
  if (std::none_of(s.table.orders.begin(), s.table.orders.end(), [](const Order& o) { return o.amount >= 0; })) {
    throw HuikeError(ErrorCode::E_NO_PURCHASES, "all " + std::to_string(s.table.orders.size()) +
                                           " orders are returns (negative amounts); there are no purchases to analyse");
  }
  s.dates.resolve(s.table.orders, s.summary);
  s.table.products.has_product_column = s.col(ColumnRole::product) >= 0;
  s.table.products.has_quantity_column = s.col(ColumnRole::quantity) >= 0;
  s.built.order_index.release();  // before the product lines' sort, the peak of memory
  s.built.product_lines.finish(s.table.products, s.table.orders, refunded.new_index);
  // Reserved from the input's size, the table has little room left: copy it only for much.
  if (s.table.orders.capacity() - s.table.orders.size() > s.table.orders.size() / 8) s.table.orders.shrink_to_fit();
  s.table.customer_ids.compact();
  return std::move(s.table);
}

uint64_t OrderReader::reserved_bytes() const {
  state_->pipeline.drain();
  return state_->built.reserved_bytes();
}
uint64_t OrderReader::wanted_bytes() const {
  state_->pipeline.drain();
  return static_cast<uint64_t>(state_->built.wanted_bytes());
}

const IngestSummary& OrderReader::summary() const {
  State& s = *state_;
  if (s.summary.encoding == Encoding::undecided) s.summary.encoding = s.decoder.encoding();
  return s.summary;
}

}  // namespace huike
