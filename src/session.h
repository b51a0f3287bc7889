#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/analysis_options.h"
#include "analysis/customer_analysis.h"
#include "ingest/order_reader.h"

namespace huike {

// The engine's one facade, used by the CLI, the benchmark and wasm/:
// begin → feed(chunk)… → finish, then any number of reports with different settings.
// Options travel as JSON so every host (CLI flags, JS objects) speaks the same words:
//   ingest:   {"encoding":"gb18030","delimiter":"\t","has_header":true,
//              "columns":{"customer":"买家会员名","date":"3"},"date_order":"day_first"}
//   analysis: {"as_of":"2011-12-10","thresholds":"mean|median|custom",
//              "custom_thresholds":{"recency":30,"frequency":2,"monetary":100},
//              "churn_window_days":365,"at_risk_multiplier":1.5,
//              "churned_multiplier":2,"returns":"subtract|ignore",
//              "period":"month|week","compare_as_of":"YYYY-MM-DD"}  (health and migration),
//              member tiers and win-back: "tier_window_days":365,"high_spend_share":0.2,… (tier_options.h)}
class Session {
 public:
  Session();
  ~Session();

  void begin(const nlohmann::json& ingest_options);
  void feed(std::string_view bytes);
  void finish();
  bool finished() const;

  uint64_t bytes_fed() const;
  uint64_t rows_read() const;
  uint64_t reserved_bytes() const;  // while reading: OrderReader::reserved_bytes (0 after)
  uint64_t wanted_bytes() const;    // while reading: OrderReader::wanted_bytes (0 after)

  // The report of `huike analyze` (schema in README).
  nlohmann::json report(const nlohmann::json& analysis_options) const;
  // The report's `warnings` section alone (data warnings; thresholds `warn_…` in the
  // analysis options, see warning_options.h).
  nlohmann::json data_warnings(const nlohmann::json& analysis_options) const;
  // Per-customer rows as CSV (UTF-8 with BOM, formula-safe). `filter`: optional
  // {"segment_eight":"important_value"} / {"segment_grid":"lost"} / {"status":"churned"} /
  // {"tier":"high_spend"} (a member tier) / {"winback_tier":"loyal_lapsed"}.
  // With `predict_options` (an object, possibly empty) the CSV gains p_alive,
  // expected_next_order_date, expected_purchases, expected_aov and clv; null leaves the models out. Then the
  // filter may also hold {"p_alive_below":0.5} (the "likely to churn" list).
  std::string customers_csv(const nlohmann::json& analysis_options,
                            const nlohmann::json& filter = nlohmann::json::object(),
                            const nlohmann::json& predict_options = nullptr) const;

  // The health view's exports (options as report(), with "period" and "compare_as_of"):
  // the cohort matrix, and one row per customer with the segments at both migration dates.
  std::string cohorts_csv(const nlohmann::json& analysis_options) const;
  std::string migration_csv(const nlohmann::json& analysis_options) const;

  // The report of `huike predict`: BG/NBD, MBG/NBD and Pareto/NBD fits compared (the
  // chosen one predicts), Gamma-Gamma, hold-out check, next order dates, shop-level
  // predictions. Options: see session_options.h.
  nlohmann::json predict(const nlohmann::json& predict_options) const;

  // One page of customers for the page's tables (never all of them at once).
  // query: {"filter":{...as above...},"sort":"monetary|recency_days|frequency|customer_id|...",
  //         "descending":true,"offset":0,"limit":50} → {"total":N,"rows":[{...},...]}
  // The rows' fields and the sort keys are the columns of report/customer_columns.h; an
  // unknown sort key or filter throws E_BAD_OPTION.
  nlohmann::json customers_page(const nlohmann::json& analysis_options,
                                const nlohmann::json& query) const;
  // The optional member list of the win-back plan (a second file, read whole; any supported
  // encoding and delimiter). ingest_options: encoding, delimiter, columns {member_id, phone,
  // email, signup}. Replaces an earlier list; returns its summary (winback.member_list).
  // Needs a finished order file.
  nlohmann::json load_member_list(std::string_view bytes, const nlohmann::json& ingest_options);
  void clear_member_list();
  // The win-back contact plan as CSV (UTF-8 with BOM, formula-safe). filter: optional
  // {"tier":"loyal_lapsed"}; "lang":"zh-CN"|"en" for the offer texts (default zh-CN). Ranked
  // by CLV when predictions have been run (predict()), else by net spend.
  std::string winback_csv(const nlohmann::json& analysis_options, const nlohmann::json& filter = nlohmann::json::object(),
                          const std::string& lang = "zh-CN") const;
  // Replenishment reminders and product roles (issue 9; options in product_options.h).
  // The consumption table (a small CSV: product, days one unit lasts) stays across order
  // files; empty bytes remove it. Returns what was read, or throws E_CONSUMPTION_… with the line.
  nlohmann::json set_consumption_table(std::string_view csv);
  // query {"list":"remind_now"|"overdue","offset","limit"}; the CSV holds both lists.
  nlohmann::json reminders_page(const nlohmann::json& analysis_options, const nlohmann::json& query) const;
  std::string reminders_csv(const nlohmann::json& analysis_options) const;
  // Split mode, for a file beyond one engine's memory (README "How large a file the page takes"): one
  // session reads it with the ingest option "product_lines":false, another whole; the
  // report is the first's with these two sections (replenishment, products) of the second,
  // and the first shows the second's reminder_days in its customer lists (use_reminder_days,
  // for the same analysis options; empty: its own again). Each computes only what it needs.
  nlohmann::json product_sections(const nlohmann::json& analysis_options) const;
  const std::vector<int32_t>& reminder_days(const nlohmann::json& analysis_options) const;  // per customer
  void use_reminder_days(std::vector<int32_t> days);
  // query {"sort":"revenue","descending":true,"offset":0,"limit":50,"role":"traffic"}.
  nlohmann::json products_page(const nlohmann::json& analysis_options, const nlohmann::json& query) const;
  std::string products_csv(const nlohmann::json& analysis_options) const;
  std::string promotion_audience_csv(const nlohmann::json& analysis_options) const;

  // The report's `input` section; available also after a failed begin/feed/finish,
  // so a host can show the header and first rows and let the user fix the mapping.
  nlohmann::json input_summary() const;

  const OrderTable& table() const;
  const CustomerOrders& grouped() const;
  const IngestSummary& ingest_summary() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace huike
