#include "ingest/order_reader.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <tuple>

#include "core/error.h"
#include "ingest/amount_level.h"
#include "ingest/amount_parse.h"
#include "ingest/column_roles.h"
#include "ingest/csv_tokenizer.h"
#include "ingest/customer_identity.h"
#include "ingest/identity_choice.h"
#include "ingest/date_parse.h"
#include "ingest/platform_layouts.h"
#include "ingest/product_line_builder.h"
#include "ingest/promotion_value.h"
#include "ingest/status_words.h"

namespace huike {

const char* column_role_key(ColumnRole role) {
  static const char* const keys[kColumnRoleCount] = {"customer", "date",   "amount",  "order_id", "quantity",
                                                     "unit_price", "status", "product", "contact",
                                                     "after_sale", "promotion"};
  return keys[static_cast<int>(role)];
}

namespace {

constexpr size_t kSniffLines = 30;          // delimiter and header are decided from these
constexpr size_t kSniffMaxBytes = 1u << 20;  // ... or from the first MiB, if lines are longer
constexpr size_t kBinaryCheckBytes = 4096;
constexpr size_t kSniffRecords = 30;
constexpr size_t kPreviewRows = 10;
constexpr size_t kExampleLines = 5;
constexpr size_t kPreviewCellChars = 200;  // longer cells are cut in the preview, ending in …
// A pair-form date (12/1/2010) that fits both orders waits in Order::day as this key
// until the column's order is known.
constexpr int32_t kAmbiguousDateFlag = 1 << 30;

inline bool is_trimmed(char c) { return c == ' ' || c == '\t' || c == '\r'; }

inline std::string_view trim(std::string_view text) {
  if (text.empty() || (!is_trimmed(text.front()) && !is_trimmed(text.back()))) return text;  // the usual cell
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\r')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

// Old-Mac files (Excel "CSV (Macintosh)") end lines with a lone CR: the first line end decides.
bool has_cr_line_ends(std::string_view text) {
  const size_t end = text.find_first_of("\r\n");
  return end != std::string_view::npos && text[end] == '\r' && end + 1 < text.size() && text[end + 1] != '\n';
}

size_t count_replacements(std::string_view text) {
  size_t count = 0;
  for (size_t at = 0; (at = text.find("\xEF\xBF\xBD", at)) != std::string_view::npos; at += 3) ++count;
  return count;
}

// Counts `delimiter` outside quotes in one line.
size_t count_outside_quotes(std::string_view line, char delimiter) {
  size_t count = 0;
  bool quoted = false;
  for (char c : line) {
    if (c == '"') quoted = !quoted;
    else if (c == delimiter && !quoted) ++count;
  }
  return count;
}

size_t count_blank_runs(std::string_view line) {
  line = trim(line);
  size_t runs = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    if ((line[i] == ' ' || line[i] == '\t') && i > 0 && line[i - 1] != ' ' && line[i - 1] != '\t') ++runs;
  }
  return runs;
}

// The delimiter that splits the sample's lines into the same number of columns.
char detect_delimiter(std::string_view sample) {
  std::vector<std::string_view> lines;
  for (size_t start = 0; start < sample.size() && lines.size() < kSniffLines;) {
    size_t end = sample.find('\n', start);
    if (end == std::string_view::npos) end = sample.size();
    std::string_view line = trim(sample.substr(start, end - start));
    if (!line.empty()) lines.push_back(line);
    start = end + 1;
  }
  if (lines.empty()) return ',';
  char best = 0;
  double best_score = 0;
  for (char candidate : {',', '\t', ';', '|'}) {
    const size_t first = count_outside_quotes(lines[0], candidate);
    if (first == 0) continue;
    size_t agreeing = 0;
    for (std::string_view line : lines) agreeing += count_outside_quotes(line, candidate) == first;
    const double score = static_cast<double>(agreeing) / lines.size() * (1.0 + std::log2(1.0 + first));
    if (score > best_score) {
      best_score = score;
      best = candidate;
    }
  }
  if (best != 0 && best_score >= 0.5) return best;
  const size_t runs = count_blank_runs(lines[0]);
  if (runs > 0) {
    size_t agreeing = 0;
    for (std::string_view line : lines) agreeing += count_blank_runs(line) == runs;
    if (agreeing * 2 >= lines.size()) return ' ';
  }
  return best != 0 ? best : ',';
}

// A preview row: cells past kPreviewCellChars characters are cut at a character boundary
// and end in "…", so a huge field is not echoed whole into the report.
std::vector<std::string> preview_row(const std::string_view* fields, size_t count) {
  std::vector<std::string> row;
  row.reserve(count);
  for (size_t i = 0; i < count; ++i) {
    const std::string_view cell = fields[i];
    size_t end = 0;
    for (size_t chars = 0; end < cell.size() && chars < kPreviewCellChars; ++chars) {
      ++end;
      while (end < cell.size() && (static_cast<unsigned char>(cell[end]) & 0xC0) == 0x80) ++end;
    }
    row.emplace_back(cell.substr(0, end));
    if (end < cell.size()) row.back() += "\xE2\x80\xA6";  // …
  }
  return row;
}

bool is_uci_cancellation(std::string_view order_id) {
  if (order_id.size() < 2 || (order_id[0] != 'C' && order_id[0] != 'c')) return false;
  return std::all_of(order_id.begin() + 1, order_id.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The order key: the order id's hash made distinct per customer.
inline uint64_t mix_customer(uint64_t order_id_hash, uint64_t customer_hash) {
  return order_id_hash ^ (customer_hash * 0x9E3779B97F4A7C15ull);
}

constexpr size_t kLookupBatch = 16;  // rows whose table lookups are prefetched together

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
  std::array<int, kColumnRoleCount> column{};
  size_t needed_width = 0;

  OrderTable table;
  // Order id → order, for merging line items: open addressing over order indexes.
  std::vector<uint64_t> order_keys;     // per order; 0 = no order id
  std::vector<uint32_t> order_slots;    // index + 1; 0 = empty
  uint64_t last_order_key = 0;
  uint32_t last_order = 0;
  // Usable rows whose customer and order are still to be looked up (see flush_lookups).
  struct Lookup {
    uint64_t customer_hash, key;
    double amount;
    int32_t day;
    uint32_t text_offset, text_size;  // the customer id in lookup_text (then contacts, product)
    int64_t line;
    uint32_t phone_size, email_size;  // the row's contacts, after the id in lookup_text
    bool promotional;
    uint32_t product_size;
    float quantity;
    double weight;  // for sharing the order's value over its product lines
  };
  std::vector<Lookup> lookups;
  std::string lookup_text;

  uint64_t month_first_only = 0, day_first_only = 0, ambiguous_dates = 0;
  std::optional<DateForm> date_form;    // the column's date form, once a row decides it
  bool cr_line_ends = false;
  std::string cr_text;                  // text with CR line ends turned into LF
  uint64_t replacements_located = 0;    // U+FFFD found in records, for the invalid-byte lines
  std::string last_status_text, last_after_sale_text, last_excluded_order;
  OrderStatus last_status = OrderStatus::purchase;  // of the empty status
  OrderStatus last_after_sale = OrderStatus::purchase;
  AmountLevelHint amount_hint = AmountLevelHint::unknown;
  OrderLines order_lines;  // per order: lines, whether they repeat one amount, refunds
  std::vector<std::pair<uint32_t, int64_t>> negative_rows;  // order index, line
  ContactColumns contact_cols;  // phone / e-mail cells kept per customer for the contact plan
  ProductLineBuilder product_lines;

  explicit State(IngestOptions opts) : options(std::move(opts)), decoder(options.encoding) {
    column.fill(-1);
  }

  int col(ColumnRole role) const { return column[static_cast<int>(role)]; }

  // A row left out for its status; its order's further lines follow it (Shopify).
  void exclude_order_row(const char* reason, std::string_view order_id, int64_t line) {
    last_excluded_order.assign(order_id);
    exclude(reason, line);
  }

  void exclude(const char* reason, int64_t line) {
    ExclusionCount& count = summary.excluded[reason];
    ++count.rows;
    if (count.example_lines.size() < kExampleLines) count.example_lines.push_back(line);
  }

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
      if (!sniff_line_has_text) sniff_line_has_text = !trim(text.substr(i, stop - i)).empty();
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

  void check_binary() {
    if (binary_probe.rfind("PK\x03\x04", 0) == 0) {
      throw HuikeError(ErrorCode::E_SPREADSHEET_FILE,
                       "this is an Excel .xlsx (zip) file; save it as CSV (UTF-8 or GBK) and open that");
    }
    if (binary_probe.rfind("\xFF\xFE", 0) == 0 || binary_probe.rfind("\xFE\xFF", 0) == 0) {
      throw HuikeError(ErrorCode::E_UTF16_FILE,
                       "this file is UTF-16 (Excel \"Unicode text\"); save it as CSV UTF-8 and open that");
    }
    // Text exports never hold NUL bytes (UTF-16 is caught above).
    if (binary_probe.find('\0') != std::string::npos) {
      throw HuikeError(ErrorCode::E_BINARY_FILE, "this is not a text order file (it contains binary data)");
    }
  }

  void start_tokenizer() {
    check_binary();
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

  // The most common date form among the first rows is the column's (see parse_day).
  void decide_date_form(const std::vector<std::vector<std::string>>& rows) {
    const int c = col(ColumnRole::date);
    std::array<size_t, kDateFormCount> seen{};
    for (size_t i = summary.has_header ? 1 : 0; i < rows.size(); ++i) {
      ParsedDate date;
      if (static_cast<size_t>(c) < rows[i].size() && parse_date(trim(rows[i][c]), date)) {
        ++seen[static_cast<int>(date.form)];
      }
    }
    const auto most = std::max_element(seen.begin(), seen.end());
    if (*most > 0) date_form = static_cast<DateForm>(most - seen.begin());
  }

  int column_by_option(const std::string& value) const {
    for (size_t i = 0; i < summary.header.size(); ++i) {
      if (trim(summary.header[i]) == trim(value)) return static_cast<int>(i);
    }
    if (!value.empty() && std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      const size_t index = std::stoul(value);
      if (index < summary.header.size()) return static_cast<int>(index);
    }
    return -2;
  }

  void decide_roles() {
    roles_decided = true;
    if (sniff_rows.empty()) {
      throw HuikeError(summary.bytes == 0 ? ErrorCode::E_EMPTY_FILE : ErrorCode::E_NO_ROWS,
                       summary.bytes == 0 ? "the file is empty" : "the file has no rows");
    }
    const std::vector<std::string>& first = sniff_rows.front();
    summary.has_header = options.has_header.value_or(looks_like_header(first));
    size_t width = 0;
    for (const auto& row : sniff_rows) width = std::max(width, row.size());
    if (summary.has_header) {
      for (const std::string& name : first) summary.header.emplace_back(trim(name));
    }
    while (summary.header.size() < width) summary.header.push_back("column_" + std::to_string(summary.header.size() + 1));
    // First rows for a mapping panel, also when the mapping fails below.
    for (size_t i = summary.has_header ? 1 : 0; i < sniff_rows.size() && summary.preview.size() < kPreviewRows; ++i) {
      const std::vector<std::string_view> views(sniff_rows[i].begin(), sniff_rows[i].end());
      summary.preview.push_back(preview_row(views.data(), views.size()));
    }

    const PlatformLayout* platform = nullptr;
    if (summary.has_header) {
      column = roles_from_header(summary.header, &platform);
      if (platform) {
        summary.platform = platform->key;
        summary.platform_name = platform->name;
      }
    } else {
      column = roles_from_values(sniff_rows);
    }
    std::map<int, int> mapped_role;  // column → the role the user chose for it
    for (const auto& [role_name, value] : options.columns) {
      int role = -1;
      for (int r = 0; r < kColumnRoleCount; ++r) {
        if (role_name == column_role_key(static_cast<ColumnRole>(r))) role = r;
      }
      if (role < 0) throw HuikeError(ErrorCode::E_BAD_OPTION, "unknown column role '" + role_name + "'");
      if (value.empty()) {
        column[role] = -1;
        continue;
      }
      const int index = column_by_option(value);
      if (index < 0) {
        throw HuikeError(ErrorCode::E_UNKNOWN_COLUMN, "column '" + value + "' (for " + role_name + ") is not in the file");
      }
      if (const auto chosen = mapped_role.find(index); chosen != mapped_role.end() && chosen->second != role) {
        throw HuikeError(ErrorCode::E_BAD_OPTION,
                         "column '" + value + "' is mapped to both " +
                             column_role_key(static_cast<ColumnRole>(chosen->second)) + " and " + role_name +
                             "; a column holds one role");
      }
      mapped_role[index] = role;
      for (int& other : column) {
        if (other == index) other = -1;
      }
      column[role] = index;
    }
    summary.role_column = column;
    if (col(ColumnRole::customer) < 0 && platform && platform->refusal_code) {
      throw HuikeError(*platform->refusal_code, platform->refusal_message);
    }
    summary.identity.mode = options.identity;
    // Without a header only the customer column can be the identity (a chosen other one is refused).
    if (summary.has_header || options.identity != IdentityMode::automatic) {
      find_identity_columns(summary.header, col(ColumnRole::customer), summary.identity);
    }
    contact_cols = contact_columns(summary.header, col(ColumnRole::customer), col(ColumnRole::contact), summary.identity);
    table.has_promotion_column = col(ColumnRole::promotion) >= 0;
    if (col(ColumnRole::amount) < 0) amount_hint = AmountLevelHint::line;  // quantity × unit price
    else if (platform && !options.columns.count("amount")) amount_hint = platform->amount_level;
    else amount_hint = amount_hint_from_header(summary.header[col(ColumnRole::amount)]);

    const auto missing = [&](ColumnRole role, ErrorCode code, const char* what) {
      std::string found;
      for (size_t i = 0; i < summary.header.size() && i < 20; ++i) {
        found += (found.empty() ? "" : ", ") + summary.header[i].substr(0, 40);
      }
      if (summary.header.size() > 20) found += ", …";
      throw HuikeError(code, std::string("no ") + what + " column; looked for headers like " + role_examples(role) +
                                 "; the file has: " + found + ". Map one with the column option.");
    };
    if (col(ColumnRole::customer) < 0 && identity_needs_customer_column(options.identity)) {
      missing(ColumnRole::customer, ErrorCode::E_NO_CUSTOMER_COLUMN, "customer");
    }
    if (col(ColumnRole::date) < 0) missing(ColumnRole::date, ErrorCode::E_NO_DATE_COLUMN, "order date");
    if (col(ColumnRole::amount) < 0 && (col(ColumnRole::quantity) < 0 || col(ColumnRole::unit_price) < 0)) {
      missing(ColumnRole::amount, ErrorCode::E_NO_AMOUNT_COLUMN, "amount");
    }
    for (ColumnRole role : {ColumnRole::customer, ColumnRole::date, ColumnRole::amount, ColumnRole::order_id,
                            ColumnRole::quantity, ColumnRole::unit_price, ColumnRole::status,
                            ColumnRole::after_sale}) {
      needed_width = std::max<size_t>(needed_width, col(role) + 1);
    }

    std::vector<std::vector<std::string>> rows;
    rows.swap(sniff_rows);
    decide_date_form(rows);
    summary.preview.clear();  // the rows below fill it again as they are read
    std::vector<std::string_view> views;
    for (size_t i = summary.has_header ? 1 : 0; i < rows.size(); ++i) {
      views.assign(rows[i].begin(), rows[i].end());
      record(views.data(), views.size(), sniff_lines[i]);
    }
  }

  // Returns the order's index and whether it is new.
  std::pair<uint32_t, bool> find_or_add_order(uint64_t key, const Order& order) {
    if (key == last_order_key) return {last_order, false};
    if ((table.orders.size() + 1) * 2 > order_slots.size()) grow_slots();
    const size_t mask = order_slots.size() - 1;
    size_t slot = key & mask;
    for (; order_slots[slot] != 0; slot = (slot + 1) & mask) {
      if (order_keys[order_slots[slot] - 1] == key) {
        last_order_key = key;
        last_order = order_slots[slot] - 1;
        return {last_order, false};
      }
    }
    const uint32_t index = static_cast<uint32_t>(table.orders.size());
    table.orders.push_back(order);
    order_keys.push_back(key);
    order_slots[slot] = index + 1;
    last_order_key = key;
    last_order = index;
    return {index, true};
  }

  uint32_t find_order(uint64_t key) const {  // UINT32_MAX when absent
    if (order_slots.empty()) return UINT32_MAX;
    const size_t mask = order_slots.size() - 1;
    for (size_t slot = key & mask; order_slots[slot] != 0; slot = (slot + 1) & mask) {
      if (order_keys[order_slots[slot] - 1] == key) return order_slots[slot] - 1;
    }
    return UINT32_MAX;
  }

  // The product and quantity of a row, when the file has a product column.
  float row_quantity(std::string_view text) {
    double quantity;
    if (col(ColumnRole::quantity) < 0) return 1.0f;
    if (!parse_amount(text, quantity) || !std::isfinite(quantity) || std::fabs(quantity) > 1e9) {
      ++table.products.lines_without_quantity;
      return 1.0f;
    }
    return static_cast<float>(quantity);
  }
  double row_weight(float quantity, std::string_view price_text, double amount) {
    double price;
    if (col(ColumnRole::unit_price) >= 0 && parse_amount(price_text, price)) return quantity * price;
    return amount;
  }

  static uint64_t order_key(std::string_view order_id, uint64_t customer_hash) {
    const uint64_t key = mix_customer(hash_bytes(order_id), customer_hash);
    return key == 0 ? 1 : key;
  }

  // A blank amount on a row of an order already read is one more line item of it.
  void line_item_without_amount(std::string_view order_id, std::string_view customer_text, IdentitySource via,
                                int64_t line, std::string_view product, std::string_view quantity_text,
                                std::string_view price_text) {
    flush_lookups();
    const uint32_t order = find_order(order_key(order_id, hash_bytes(customer_text)));
    if (order == UINT32_MAX) {
      return exclude(order_id == last_excluded_order ? "line_item_of_excluded_order" : "bad_amount", line);
    }
    if (col(ColumnRole::product) >= 0) {
      const float quantity = row_quantity(quantity_text);
      product_lines.add(table.products, order, product, quantity, row_weight(quantity, price_text, 0.0));
    }
    ++summary.rows_used;
    count_identified_row(summary.identity, via);
    ExclusionCount& count = summary.line_items_without_amount;
    ++count.rows;
    if (count.example_lines.size() < kExampleLines) count.example_lines.push_back(line);
  }

  void grow_slots() {
    order_slots.assign(std::max<size_t>(1024, order_slots.size() * 2), 0);
    const size_t mask = order_slots.size() - 1;
    for (uint32_t i = 0; i < order_keys.size(); ++i) {
      if (order_keys[i] == 0) continue;
      size_t slot = order_keys[i] & mask;
      while (order_slots[slot] != 0) slot = (slot + 1) & mask;
      order_slots[slot] = i + 1;
    }
  }

  bool parse_day(std::string_view text, int32_t& day) {
    ParsedDate date;
    if (!parse_date(text, date) || date.year < 1900 || date.year > 2200) return false;
    if (!date_form) date_form = date.form;
    if (date.form != *date_form) return false;
    if (!date.pair_form) {
      day = days_from_civil(date.year, date.month, date.day);
      return true;
    }
    bool month_first = date.month_first_valid, day_first = date.day_first_valid;
    if (options.date_order == DateOrder::month_first) day_first = !month_first;
    if (options.date_order == DateOrder::day_first) month_first = !day_first;
    if (month_first && day_first) {
      ++ambiguous_dates;
      day = kAmbiguousDateFlag | (date.year << 9) | (date.month << 5) | date.day;
    } else if (month_first) {
      ++month_first_only;
      day = days_from_civil(date.year, date.month, date.day);
    } else if (day_first) {
      ++day_first_only;
      day = days_from_civil(date.year, date.day, date.month);
    } else {
      return false;
    }
    return true;
  }

  void use_row(const std::string_view* fields, size_t count, int64_t line) {
    if (count < needed_width) {
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
      return c >= 0 && static_cast<size_t>(c) < count ? trim(fields[c]) : std::string_view();
    };
    IdentitySource via;
    const std::string_view customer_text =
        identify_customer(cell(ColumnRole::customer), fields, count, summary.identity, via);
    if (customer_text.empty()) return exclude("missing_customer", line);

    const std::string_view order_id = cell(ColumnRole::order_id);
    if (col(ColumnRole::status) >= 0) {
      // A status column repeats a handful of words: classify each new word once.
      const std::string_view status_text = cell(ColumnRole::status);
      if (status_text != last_status_text) {
        last_status_text.assign(status_text);
        last_status = classify_status(status_text);
      }
      if (last_status != OrderStatus::purchase) {
        return exclude_order_row(status_reason_key(last_status), order_id, line);
      }
    }
    if (col(ColumnRole::after_sale) >= 0) {
      const std::string_view after_sale_text = cell(ColumnRole::after_sale);
      if (after_sale_text != last_after_sale_text) {
        last_after_sale_text.assign(after_sale_text);
        last_after_sale = classify_after_sale(after_sale_text);
      }
      if (last_after_sale != OrderStatus::purchase) {
        return exclude_order_row(status_reason_key(last_after_sale), order_id, line);
      }
    }
    if (col(ColumnRole::amount) >= 0 && !order_id.empty() && cell(ColumnRole::amount).empty()) {
      return line_item_without_amount(order_id, customer_text, via, line, cell(ColumnRole::product),
                                      cell(ColumnRole::quantity), cell(ColumnRole::unit_price));
    }
    int32_t day;
    if (!parse_day(cell(ColumnRole::date), day)) return exclude("bad_date", line);

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

    ++summary.rows_used;
    count_identified_row(summary.identity, via);
    if (amount < 0) ++summary.return_rows;
    // The table lookups wait in a batch, their slots prefetched, so cache misses overlap.
    const uint64_t customer_hash = hash_bytes(customer_text);
    table.customer_ids.prefetch(customer_hash);
    uint64_t key = 0;  // 0 = no order id
    if (!order_id.empty()) {
      key = order_key(order_id, customer_hash);
      if (!order_slots.empty()) prefetch(&order_slots[key & (order_slots.size() - 1)]);
    }
    std::string_view phone, email;
    if (contact_cols.any()) contact_cells(contact_cols, fields, count, phone, email);
    const bool promotional = table.has_promotion_column && is_promotional_value(cell(ColumnRole::promotion));
    Lookup lookup{customer_hash, key, amount, day, static_cast<uint32_t>(lookup_text.size()),
                  static_cast<uint32_t>(customer_text.size()), line, static_cast<uint32_t>(phone.size()),
                  static_cast<uint32_t>(email.size()), promotional, 0, 1.0f, 0.0};
    lookup_text.append(customer_text);
    lookup_text.append(phone);
    lookup_text.append(email);
    if (col(ColumnRole::product) >= 0) {  // after the contacts in lookup_text
      const std::string_view product = cell(ColumnRole::product);
      lookup.product_size = static_cast<uint32_t>(product.size());
      lookup.quantity = row_quantity(cell(ColumnRole::quantity));
      lookup.weight = row_weight(lookup.quantity, cell(ColumnRole::unit_price), amount);
      lookup_text.append(product);
    }
    lookups.push_back(lookup);
    if (lookups.size() == kLookupBatch) flush_lookups();
  }

  void flush_lookups() {
    for (const Lookup& row : lookups) {
      const std::string_view customer_text = std::string_view(lookup_text).substr(row.text_offset, row.text_size);
      const Order order{row.amount, table.customer_ids.intern(customer_text, row.customer_hash), row.day};
      if (row.phone_size + row.email_size > 0) {
        const std::string_view contacts = std::string_view(lookup_text).substr(row.text_offset + row.text_size);
        table.contacts.note(order.customer, contacts.substr(0, row.phone_size),
                            contacts.substr(row.phone_size, row.email_size));
      }
      if (row.amount < 0) negative_rows.emplace_back(static_cast<uint32_t>(table.orders.size()), row.line);
      uint32_t index = static_cast<uint32_t>(table.orders.size());
      if (row.key == 0) {
        if (table.has_promotion_column) mark_promotional(static_cast<uint32_t>(table.orders.size()), row.promotional);
        table.orders.push_back(order);
        order_keys.push_back(0);
        order_lines.add_order(row.amount);
      } else {
        bool added;
        std::tie(index, added) = find_or_add_order(row.key, order);
        if (table.has_promotion_column) mark_promotional(index, row.promotional);
        if (added) {
          order_lines.add_order(row.amount);
        } else {
          if (row.amount < 0) negative_rows.back().first = index;
          order_lines.add_line(index, table.orders[index].amount, row.amount);  // a further line item
          table.orders[index].amount += row.amount;
        }
      }
      if (col(ColumnRole::product) >= 0) {
        const std::string_view product = std::string_view(lookup_text).substr(
            row.text_offset + row.text_size + row.phone_size + row.email_size, row.product_size);
        product_lines.add(table.products, index, product, row.quantity, row.weight);
      }
    }
    lookups.clear();
    lookup_text.clear();
  }

  // A new order gets the row's flag; a further line item ORs its own in.
  void mark_promotional(uint32_t index, bool promotional) {
    if (index == table.promotional.size()) table.promotional.push_back(promotional);
    else if (promotional) table.promotional[index] = true;
  }

  void resolve_dates() {
    bool month_first = true;
    if (options.date_order == DateOrder::day_first) month_first = false;
    else if (options.date_order == DateOrder::automatic) month_first = day_first_only <= month_first_only;
    if (options.date_order != DateOrder::automatic) {
      summary.date_order = options.date_order == DateOrder::day_first ? "day_first" : "month_first";
    } else if (month_first_only + day_first_only + ambiguous_dates == 0) {
      summary.date_order = "unambiguous";
    } else {
      summary.date_order = month_first ? "month_first" : "day_first";
      summary.date_order_assumed = month_first_only == 0 && day_first_only == 0;
      summary.date_orders_mixed = month_first_only > 0 && day_first_only > 0;
    }
    if (ambiguous_dates == 0) return;
    for (Order& order : table.orders) {
      if (!(order.day & kAmbiguousDateFlag)) continue;
      const int32_t key = order.day & ~kAmbiguousDateFlag;
      const int32_t year = key >> 9;
      const unsigned first = (key >> 5) & 15, second = key & 31;
      order.day = month_first ? days_from_civil(year, first, second) : days_from_civil(year, second, first);
    }
  }
};

OrderReader::OrderReader(IngestOptions options) : state_(std::make_unique<State>(std::move(options))) {}
OrderReader::~OrderReader() = default;

void OrderReader::feed(std::string_view bytes) {
  State& s = *state_;
  if (s.finished) throw HuikeError(ErrorCode::E_STATE, "feed after finish");
  s.summary.bytes += bytes.size();
  if (s.binary_probe.size() < kBinaryCheckBytes) {
    s.binary_probe.append(bytes.substr(0, kBinaryCheckBytes - s.binary_probe.size()));
  }
  s.take_text(s.decoder.decode(bytes));
}

OrderTable OrderReader::finish() {
  State& s = *state_;
  if (s.finished) throw HuikeError(ErrorCode::E_STATE, "finish called twice");
  s.finished = true;
  s.take_text(s.decoder.finish());
  if (!s.tokenizer) s.start_tokenizer();
  s.tokenizer->finish(s);
  if (!s.roles_decided) s.decide_roles();
  s.flush_lookups();
  s.summary.lines = s.tokenizer->lines();
  s.summary.blank_lines = s.tokenizer->blank_lines();
  s.summary.encoding = s.decoder.encoding();
  s.summary.had_bom = s.decoder.had_bom();
  s.summary.invalid_byte_sequences = s.decoder.invalid_sequences();
  if (s.date_form) s.summary.date_format = date_form_key(*s.date_form);
  if (s.summary.rows_read == 0) throw HuikeError(ErrorCode::E_NO_ROWS, "the file has a header but no order rows");
  s.summary.amount_level = resolve_amount_level(s.table.orders, s.order_lines, s.amount_hint);
  const RefundedOrders refunded = drop_refunded_orders(s.table.orders, s.order_lines, s.negative_rows, kExampleLines,
                                                         s.table.has_promotion_column ? &s.table.promotional : nullptr);
  if (refunded.orders > 0) {
    // A sale whose refund rows bring it to zero (a POS refund of the same transaction)
    // is no purchase: its rows are counted under `refunded_in_file`.
    s.summary.refunded_orders = refunded.orders;
    s.summary.rows_used -= refunded.rows;
    s.summary.return_rows -= refunded.negative_rows;
    s.summary.excluded["refunded_in_file"] = {refunded.rows, refunded.example_lines};
  }
  s.order_lines.release();
  if (s.table.orders.empty()) {
    throw HuikeError(ErrorCode::E_NO_USABLE_ROWS, "none of the " + std::to_string(s.summary.rows_read) +
                                             " rows is a usable order; see the excluded rows by reason");
  }
  if (std::none_of(s.table.orders.begin(), s.table.orders.end(), [](const Order& o) { return o.amount >= 0; })) {
    throw HuikeError(ErrorCode::E_NO_PURCHASES, "all " + std::to_string(s.table.orders.size()) +
                                           " orders are returns (negative amounts); there are no purchases to analyse");
  }
  s.resolve_dates();
  s.table.products.has_product_column = s.col(ColumnRole::product) >= 0;
  s.table.products.has_quantity_column = s.col(ColumnRole::quantity) >= 0;
  s.product_lines.finish(s.table.products, s.table.orders, refunded.new_index);
  std::vector<uint64_t>().swap(s.order_keys);
  std::vector<uint32_t>().swap(s.order_slots);
  s.table.orders.shrink_to_fit();
  return std::move(s.table);
}

const IngestSummary& OrderReader::summary() const {
  State& s = *state_;
  if (s.summary.encoding == Encoding::undecided) s.summary.encoding = s.decoder.encoding();
  return s.summary;
}

}  // namespace huike
