#pragma once
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/customer_stages.h"
#include "analysis/data_warnings.h"
#include "analysis/health.h"
#include "analysis/member_tiers.h"
#include "analysis/predictive/predictive_models.h"
#include "analysis/winback.h"
#include "ingest/member_list.h"
#include "ingest/order_reader.h"
#include "keyed_cache.h"
#include "product_views.h"
#include "session.h"

namespace huike {

// The session's data and its cached analyses. Every cached result is keyed by exactly the
// settings it reads (keyed_cache.h), so a report after any sequence of settings equals a
// fresh session's report for the same settings.
struct Session::State {
  std::unique_ptr<OrderReader> reader;
  IngestSummary summary;
  IngestCorrections corrections;  // the ingest options the data warnings point to
  OrderTable table;
  CustomerOrders grouped;  // the table's orders are grouped by customer (at finish)
  bool finished = false;
  bool two_threads = false;  // the report's product sections on a second thread (ingest option threads)
  std::unique_ptr<MemberDirectory> members;  // the optional member list
  uint64_t members_version = 0;              // changes with the list: the win-back plan reads it

  // The overview at the analysis date and at the earlier migration date, in stages.
  mutable CustomerStages later, earlier{false};  // the earlier one up to the segments
  mutable Keyed<double> purchase_median;  // of the purchase orders before the analysis date
  mutable Keyed<MemberWindows> windows;
  mutable Keyed<MemberTiers> tiers;
  mutable Keyed<WinbackPlan> winback;
  mutable Keyed<WarningCounts> warning_counts;  // the data warnings' counts, once per file
  mutable Keyed<CustomerHealth> health_walk, health_result;  // at the first window; at the one asked for
  // The report's sections as JSON, keyed like the results they show.
  mutable Keyed<nlohmann::json> analysis_section, charts_section, date_charts_section, health_section, migration_section, members_section,
      winback_section, warnings_section;
  mutable std::string view_key;  // the settings of the analysis, tiers and plan the lists show
  mutable std::string cached_list_key;
  mutable std::vector<uint32_t> cached_list;

  mutable std::string cached_predict_options;
  mutable std::unique_ptr<PredictiveModels> models;
  mutable std::vector<CustomerPrediction> predictions;
  ProductViews products;  // replenishment and product roles
  // Each customer's next reminder day made by the engine that holds the product lines, when
  // this one holds none (Session::use_reminder_days); empty: this engine's own.
  std::vector<int32_t> host_reminder_days;
  const std::vector<int32_t>& reminder_days(const ShopAnalysis& shop, const nlohmann::json& options) const;

  void fit(const nlohmann::json& options) const;
  // The overview for these settings and the median order value (what the product views read).
  const ShopAnalysis& overview(const nlohmann::json& options) const;
  // The overview for these settings, with the member tiers and the win-back plan.
  const ShopAnalysis& analysis(const nlohmann::json& options) const;
  // The overview at the earlier migration date (compare_as_of, default 90 days before as_of),
  // up to the segments: no churn status or sleeping flag.
  const ShopAnalysis& earlier_analysis(const nlohmann::json& options) const;
  const CustomerHealth& health(const nlohmann::json& options) const;
  // The median purchase order value at the date of the last overview() (win-back, products).
  double median() const { return *purchase_median.current(); }
  // The whole report for these settings, each section made again only when its settings changed.
  nlohmann::json report(const nlohmann::json& options) const;
  nlohmann::json warnings(const nlohmann::json& options) const;
};

}  // namespace huike
