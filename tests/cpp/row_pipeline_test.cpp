// The table built on a second thread (ingest option "threads": 2) must be the table of one
// thread: the same report, lists and input summary, whatever the chunks. The counts of the
// line items come from the generator below, which knows what it wrote.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "../../bench/btyd_export.h"
#include "core/error.h"
#include "test_support.h"

namespace {

using huike::Session;
using nlohmann::json;

std::unique_ptr<Session> read(const std::string& bytes, json ingest, int threads, const std::vector<size_t>& sizes) {
  ingest["threads"] = threads;
  ingest["size_bytes"] = bytes.size();  // the tables are reserved ahead as the rows come
  auto session = std::make_unique<Session>();
  session->begin(ingest);
  huike::test::feed_in_chunks(*session, bytes, sizes);
  session->finish();
  return session;
}

void expect_threads_agree(const std::string& bytes, const json& ingest = json::object()) {
  std::mt19937 rng(20261208);
  const auto one = read(bytes, ingest, 1, {});
  const std::vector<json> settings = {json::object(), {{"thresholds", "median"}, {"as_of", "2024-06-01"}}};
  for (const std::vector<size_t>& sizes :
       {std::vector<size_t>{}, huike::test::random_sizes(rng, bytes.size(), 70000),
        huike::test::random_sizes(rng, bytes.size(), 500)}) {
    const auto two = read(bytes, ingest, 2, sizes);
    EXPECT_EQ(two->input_summary(), one->input_summary());
    for (const json& options : settings) {
      EXPECT_EQ(two->report(options), one->report(options)) << options.dump();
      EXPECT_EQ(two->customers_csv(options), one->customers_csv(options)) << options.dump();
      EXPECT_EQ(two->reminders_csv(options), one->reminders_csv(options)) << options.dump();
      EXPECT_EQ(two->products_csv(options), one->products_csv(options)) << options.dump();
    }
    const huike::OrderTable& a = one->table();
    const huike::OrderTable& b = two->table();
    ASSERT_EQ(a.orders.size(), b.orders.size());
    for (size_t i = 0; i < a.orders.size(); ++i) {
      ASSERT_EQ(a.orders[i].amount, b.orders[i].amount) << i;
      ASSERT_EQ(a.orders[i].customer, b.orders[i].customer) << i;
      ASSERT_EQ(a.orders[i].day, b.orders[i].day) << i;
    }
    EXPECT_EQ(a.products.revenue, b.products.revenue);
    EXPECT_EQ(a.products.customer, b.products.customer);
  }
}

// Shopify-style orders: further lines with a blank total, refunded orders with further lines,
// unreadable totals and quantities, line items of orders never read, discount codes, phones.
struct LineItemFile {
  std::string text;
  uint64_t of_excluded_order = 0, bad_amount = 0, line_items_used = 0;
  std::vector<int64_t> bad_amount_lines;  // the first five
};

LineItemFile line_item_file(int orders) {
  LineItemFile file;
  file.text =
      "Name,Email,Financial Status,Paid at,Fulfillment Status,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,"
      "Created at,Lineitem quantity,Lineitem name,Lineitem price,Billing Name,Phone\n";
  int64_t line = 1;
  const auto bad_amount = [&] {
    ++file.bad_amount;
    if (file.bad_amount_lines.size() < 5) file.bad_amount_lines.push_back(line);
  };
  for (int k = 1; k <= orders; ++k) {
    const std::string id = "#" + std::to_string(1000 + k);
    const std::string email = "c" + std::to_string(k % 3000) + "@example.com";
    const std::string date = "2024-" + std::string(k % 12 < 9 ? "0" : "") + std::to_string(k % 12 + 1) + "-" +
                             std::to_string(10 + k % 18) + " 10:00:00 +0800";
    const bool refunded = k % 10 == 0, unreadable = k % 10 == 7;
    const std::string total = unreadable ? "abc" : std::to_string(20 + k % 90) + ".50";
    const std::string phone = k % 5 == 0 ? "1380013" + std::to_string(1000 + k % 3000) : "";
    ++line;
    file.text += id + "," + email + "," + (refunded ? "refunded" : "paid") + "," + date + ",fulfilled,CNY,0,0,0," +
                 total + "," + (k % 4 == 0 ? "SALE" : "") + "," + date + ",1,Item " + std::to_string(k % 40) + ",5," +
                 "Buyer," + phone + "\n";
    if (unreadable) bad_amount();
    const int further = k % 3;
    for (int j = 0; j < further; ++j) {
      ++line;
      const std::string quantity = k % 13 == 0 ? "x" : std::to_string(1 + j);
      file.text += id + "," + email + ",,,,,,,,,," + date + "," + quantity + ",Part " + std::to_string((k + j) % 25) +
                   ",3,,\n";
      if (refunded) ++file.of_excluded_order;
      else if (unreadable) bad_amount();
      else ++file.line_items_used;
    }
    if (k % 10 == 3) {  // a further line of an order id never read
      ++line;
      file.text += "#X" + std::to_string(k) + "," + email + ",,,,,,,,,," + date + ",1,Stray,3,,\n";
      bad_amount();
    }
  }
  return file;
}

TEST(RowPipeline, LineItemsAreCountedAsOneThreadCountsThem) {
  const LineItemFile file = line_item_file(15000);
  const auto session = read(file.text, json::object(), 2, {});
  const json input = session->input_summary();
  EXPECT_EQ(input["excluded"]["line_item_of_excluded_order"]["rows"], file.of_excluded_order);
  EXPECT_EQ(input["excluded"]["bad_amount"]["rows"], file.bad_amount);
  EXPECT_EQ(input["excluded"]["bad_amount"]["example_lines"], json(file.bad_amount_lines));
  EXPECT_EQ(input["line_items_without_amount"]["rows"], file.line_items_used);
  expect_threads_agree(file.text);
}

TEST(RowPipeline, GeneratedAndGbkOrdersGiveTheSameTable) {
  expect_threads_agree(huike::bench::btyd_export_text({30000, 7, false, false}));
  expect_threads_agree(huike::bench::btyd_export_text({12000, 3, true, true}));
}

TEST(RowPipeline, RealFilesGiveTheSameTable) {
  for (const char* name : {"online-retail-ii/online_retail_II_subset.csv", "cdnow/cdnowElog.csv"}) {
    const std::string path = huike::test::shared_data_path(name);
    SCOPED_TRACE(path);
    expect_threads_agree(huike::test::read_bytes(path));
  }
}

// An error in the middle of the file, or a session dropped half-read, ends the builder's
// thread: nothing hangs, and the error is the one-thread error.
TEST(RowPipeline, AnAbandonedOrFailedReadEndsTheThread) {
  const std::string bytes = huike::bench::btyd_export_text({30000, 7, false, false});
  {
    Session session;
    session.begin({{"threads", 2}});
    session.feed(std::string_view(bytes).substr(0, bytes.size() / 2));
  }  // dropped while its thread may still be building
  Session session;
  session.begin({{"threads", 2}});
  session.feed(bytes);
  EXPECT_GT(session.rows_read(), 0u);
  session.finish();
  EXPECT_THROW(session.feed("more"), huike::HuikeError);
}

}  // namespace
