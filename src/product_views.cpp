#include "product_views.h"

#include <cmath>

#include "core/error.h"
#include "keyed_cache.h"
#include "product_options.h"
#include "report/products_json.h"
#include "report/replenishment_json.h"
#include "session_options.h"

namespace huike {

using nlohmann::json;

json ProductViews::set_consumption(std::string_view csv) {
  ++consumption_version_;  // the reminders' keys change with it
  if (csv.empty()) {
    consumption_.clear();
    consumption_info_.reset();
    return nullptr;
  }
  ConsumptionTableInfo info;
  consumption_ = read_consumption_table(csv, info);  // throws before anything changes
  consumption_info_ = info;
  return {{"rows", info.rows}, {"product_column", info.product_column}, {"days_column", info.days_column},
          {"encoding", info.encoding}};
}

void ProductViews::keep_consumption_of(ProductViews& previous) {
  consumption_ = std::move(previous.consumption_);
  consumption_info_ = std::move(previous.consumption_info_);
  consumption_version_ = previous.consumption_version_ + 1;
}

const ReplenishmentResult& ProductViews::replenishment(const OrderTable& table, const ShopAnalysis& shop,
                                                       const json& options) const {
  // It reads the analysis date (purchases, own cycles), its own settings and the table.
  const std::string learn_key = date_key(shop.options) + '#' + std::to_string(consumption_version_);
  const ReplenishmentOptions parsed = parse_replenishment_options(options);
  return replenishment_.get(learn_key + '|' + options_key(options, replenishment_option_keys()), [&] {
    const ProductRhythms& rhythms = rhythms_.get(learn_key, [&] { return learn_product_rhythms(table, shop, consumption_); });
    return huike::replenishment(table, shop, rhythms, static_cast<uint32_t>(consumption_.size()), parsed);
  });
}

const ProductRolesResult& ProductViews::roles(const OrderTable& table, const ShopAnalysis& shop, const json& options,
                                              double median_order_value) const {
  // The figures read the analysis date and two spans; the roles also the churn status (the
  // audience) and the other settings.
  const ProductRolesOptions parsed = parse_product_roles_options(options);
  const std::string figures_key = date_key(shop.options) + '|' + std::to_string(parsed.potential_days) + '|' +
                                  std::to_string(parsed.growth_window_days);
  return roles_.get(status_key(shop.options) + '|' + options_key(options, product_roles_option_keys()), [&] {
    const auto& figures = figures_.get(figures_key, [&] { return product_figures(table, shop, parsed); });
    return classify_products(table, shop, figures, shop.analysed_customers ? median_order_value : NAN, parsed);
  });
}

void ProductViews::add_sections(json& report, const OrderTable& table, const ShopAnalysis& shop, const json& options,
                                double median_order_value) const {
  const ReplenishmentResult& due = replenishment(table, shop, options);
  report["replenishment"] = replenishment_json_.get(
      replenishment_.key(), [&] { return replenishment_json(table, due, consumption_info_ ? &*consumption_info_ : nullptr); });
  const ProductRolesResult& found = roles(table, shop, options, median_order_value);
  report["products"] = products_json_.get(roles_.key(), [&] { return products_json(table, found); });
}

json ProductViews::reminders_page(const OrderTable& table, const ShopAnalysis& shop, const json& options,
                                  const json& query, const MemberDirectory* members) const {
  if (!query.is_object()) throw HuikeError(ErrorCode::E_BAD_OPTION, "query must be an object");
  const ReplenishmentResult& r = replenishment(table, shop, options);
  const std::string list_key = option_or<std::string>(query, "list", "remind_now");
  if (list_key != "remind_now" && list_key != "overdue") {
    throw HuikeError(ErrorCode::E_BAD_OPTION, "list is remind_now or overdue");
  }
  const std::vector<Reminder>& list = list_key == "overdue" ? r.overdue : r.remind_now;
  const uint64_t offset = option_or<uint64_t>(query, "offset", 0);
  const uint64_t limit = std::min<uint64_t>(option_or<uint64_t>(query, "limit", 50), 1000);
  json rows = json::array();
  for (uint64_t i = offset; i < list.size() && i < offset + limit; ++i) rows.push_back(reminder_json(table, r, list[i], members));
  return {{"total", list.size()}, {"offset", offset}, {"rows", rows}};
}

}  // namespace huike
