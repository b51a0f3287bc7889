#include "ingest/consumption_table.h"

#include <cmath>
#include <vector>

#include "core/error.h"
#include "ingest/amount_parse.h"
#include "ingest/column_roles.h"
#include "ingest/csv_tokenizer.h"
#include "ingest/text_decode.h"

namespace huike {

namespace {

constexpr const char* kProductHeaders[] = {"product", "productid", "productname", "sku", "name", "item", "stockcode",
                                           "description", "商品", "商品名称", "商品编号", "商品id", "货号", "产品",
                                           "宝贝", "宝贝标题"};
constexpr const char* kDaysHeaders[] = {"daysperunit", "days", "unitdays", "daysoneunitlasts", "天数", "每件天数",
                                        "可用天数", "使用天数", "消耗天数", "每件可用天数"};

template <size_t N>
bool is_one_of(const std::string& header, const char* const (&names)[N]) {
  for (const char* name : names) {
    if (header == name) return true;
  }
  return false;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

struct TableSink : RecordSink {
  ConsumptionDays days;
  ConsumptionTableInfo& info;
  int product = -1, days_column = -1;
  bool header_seen = false;
  std::unordered_map<std::string, int64_t> first_line;

  explicit TableSink(ConsumptionTableInfo& i) : info(i) {}

  void record(const std::string_view* fields, size_t count, int64_t line) override {
    if (!header_seen) {
      header_seen = true;
      for (size_t c = 0; c < count; ++c) {
        const std::string name = normalise_header(trim(fields[c]), true);
        if (product < 0 && is_one_of(name, kProductHeaders)) {
          product = static_cast<int>(c);
          info.product_column = std::string(trim(fields[c]));
        } else if (days_column < 0 && is_one_of(name, kDaysHeaders)) {
          days_column = static_cast<int>(c);
          info.days_column = std::string(trim(fields[c]));
        }
      }
      if (product < 0 || days_column < 0) {
        throw HuikeError(ErrorCode::E_CONSUMPTION_COLUMNS,
                         std::string("the consumption table needs a product column (product, sku, 商品名称…) and a ") +
                             "days-per-unit column (days_per_unit, days, 每件天数…) in its first line",
                         line);
      }
      return;
    }
    const std::string_view name =
        static_cast<size_t>(product) < count ? trim(fields[product]) : std::string_view();
    const std::string_view value =
        static_cast<size_t>(days_column) < count ? trim(fields[days_column]) : std::string_view();
    if (name.empty() && value.empty()) return;  // an empty row (only separators)
    if (name.empty() || value.empty()) {
      throw HuikeError(ErrorCode::E_CONSUMPTION_ROW,
                       "this row of the consumption table lacks its " + std::string(name.empty() ? "product" : "days"),
                       line);
    }
    double d;
    if (!parse_amount(value, d) || !std::isfinite(d) || d <= 0 || d > 36500) {
      throw HuikeError(ErrorCode::E_CONSUMPTION_DAYS,
                       "days per unit '" + std::string(value.substr(0, 40)) + "' is not a positive number of days",
                       line);
    }
    const auto [it, added] = days.emplace(std::string(name), d);
    if (!added && it->second != d) {
      throw HuikeError(ErrorCode::E_CONSUMPTION_DUPLICATE,
                       "'" + std::string(name.substr(0, 60)) + "' is already in the table (line " +
                           std::to_string(first_line[it->first]) + ") with other days",
                       line);
    }
    if (added) first_line[it->first] = line;
    ++info.rows;
  }
};

char delimiter_of(std::string_view text) {
  const std::string_view first = text.substr(0, text.find('\n'));
  char best = ',';
  size_t most = 0;
  for (char c : {',', '\t', ';'}) {
    size_t n = 0;
    for (char x : first) n += x == c;
    if (n > most) most = n, best = c;
  }
  return best;
}

}  // namespace

ConsumptionDays read_consumption_table(std::string_view bytes, ConsumptionTableInfo& info) {
  if (bytes.find('\0') != std::string_view::npos) {
    throw HuikeError(ErrorCode::E_BINARY_FILE, "the consumption table is not a text CSV");
  }
  TextDecoder decoder;
  std::string text(decoder.decode(bytes));
  text += decoder.finish();
  info.encoding = encoding_name(decoder.encoding());
  TableSink sink(info);
  CsvTokenizer tokenizer(delimiter_of(text));
  tokenizer.feed(text, sink);
  tokenizer.finish(sink);
  if (sink.days.empty()) throw HuikeError(ErrorCode::E_NO_ROWS, "the consumption table has no product rows");
  return std::move(sink.days);
}

}  // namespace huike
