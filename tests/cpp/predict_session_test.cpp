// End to end: the CDNOW sample through the real ingest and Session::predict, as
// `huike predict` and the page run it, against the published estimates.
#include <gtest/gtest.h>

#include <sstream>

#include "test_support.h"

namespace huike {
namespace {

using nlohmann::json;

TEST(PredictSession, CdnowSampleReproducesPublishedFits) {
  const auto session = test::finished_session(test::read_bytes(test::shared_data_path("cdnow/cdnowElog.csv")));
  const json report = session->predict({{"calibration_end", "1997-09-30"}, {"unit", "week"}});
  const json& bg = report["bgnbd"];
  EXPECT_TRUE(bg["converged"].get<bool>());
  // Fader, Hardie & Lee (2005): r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.4.
  EXPECT_NEAR(bg["r"].get<double>(), 0.243, 0.0005);
  EXPECT_NEAR(bg["alpha"].get<double>(), 4.414, 0.0005);
  EXPECT_NEAR(bg["a"].get<double>(), 0.793, 0.0005);
  EXPECT_NEAR(bg["b"].get<double>(), 2.426, 0.0005);
  EXPECT_NEAR(bg["log_likelihood"].get<double>(), -9582.4, 0.05);
  // Fader & Hardie (2013): p = 6.25, q = 3.74, γ = 15.44 over 946 repeat buyers.
  const json& gg = report["gamma_gamma"];
  EXPECT_EQ(gg["customers"], 946);
  EXPECT_NEAR(gg["p"].get<double>(), 6.25, 0.005);
  EXPECT_NEAR(gg["q"].get<double>(), 3.74, 0.005);
  EXPECT_NEAR(gg["gamma"].get<double>(), 15.44, 0.005);

  // The customers CSV carries the per-customer predictions.
  const std::string csv = session->customers_csv(json::object(), json::object(), {{"calibration_end", "1997-09-30"}});
  EXPECT_NE(csv.find(",p_alive,expected_next_order_date,expected_purchases,expected_aov,clv\r\n"), std::string::npos);
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 2357 + 1);
  // The "likely to churn" export: exactly the customers with P(alive) < 0.5.
  const json predict_options = {{"calibration_end", "1997-09-30"}};
  const std::string likely_gone = session->customers_csv(json::object(), {{"p_alive_below", 0.5}}, predict_options);
  std::istringstream lines(likely_gone);
  std::string line;
  std::getline(lines, line);  // header
  size_t rows = 0;
  while (std::getline(lines, line)) {
    std::vector<std::string> cells;
    std::istringstream row(line);
    for (std::string cell; std::getline(row, cell, ',');) cells.push_back(cell);
    ASSERT_GE(cells.size(), 5u);
    EXPECT_LT(std::stod(cells[cells.size() - 5]), 0.5) << line;  // p_alive, 5th from the end
    ++rows;
  }
  EXPECT_GT(rows, 100u);
  EXPECT_LT(rows, 2357u);
  EXPECT_THROW(session->customers_csv(json::object(), {{"p_alive_below", 0.5}}), HuikeError);
}

}  // namespace
}  // namespace huike
