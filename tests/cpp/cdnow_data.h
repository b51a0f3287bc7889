#pragma once
// The CDNOW sample (BTYD's cdnowElog.csv) read straight from the CSV, shared by the
// predictive-model tests.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ingest/date_parse.h"
#include "model/order_table.h"

namespace huike::test {

// The CDNOW sample as shipped with BTYD: masterid,sampleid,date(YYYYMMDD),cds,sales.
// Customer id = masterid; `master_of_sample` maps the BTYD/lifetimes numbering (sampleid).
struct Cdnow {
  OrderTable table;
  CustomerOrders grouped;
  std::map<int, std::string> master_of_sample;
  struct Row {
    std::string master;
    int date;  // YYYYMMDD
    double sales;
  };
  std::vector<Row> rows;
};

inline int32_t day_of(int yyyymmdd) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", yyyymmdd / 10000, yyyymmdd / 100 % 100, yyyymmdd % 100);
  int32_t day = 0;
  EXPECT_TRUE(parse_iso_day(text, day)) << text;
  return day;
}

inline const Cdnow& cdnow() {
  static const Cdnow data = [] {
    Cdnow d;
    const char* env = std::getenv("HUIKE_SHARED_DATA");  // overrides the build-time path
    const std::string dir = env ? env : HUIKE_SHARED_DATA;
    std::ifstream in(dir + "/cdnow/cdnowElog.csv");
    EXPECT_TRUE(in) << "cdnowElog.csv not found under " << dir;
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
      std::stringstream fields(line);
      std::string master, sample, date, cds, sales;
      std::getline(fields, master, ',');
      std::getline(fields, sample, ',');
      std::getline(fields, date, ',');
      std::getline(fields, cds, ',');
      std::getline(fields, sales, ',');
      const int yyyymmdd = std::stoi(date);
      d.rows.push_back({master, yyyymmdd, std::stod(sales)});
      d.master_of_sample[std::stoi(sample)] = master;
      d.table.orders.push_back({std::stod(sales), d.table.customer_ids.intern(master), day_of(yyyymmdd)});
    }
    d.grouped = group_by_customer(d.table);
    return d;
  }();
  return data;
}

inline uint32_t customer_index(const std::string& master) {
  const StringInterner& ids = cdnow().table.customer_ids;
  for (uint32_t c = 0; c < ids.size(); ++c) {
    if (ids.at(c) == master) return c;
  }
  ADD_FAILURE() << "no customer " << master;
  return 0;
}

}  // namespace huike::test
