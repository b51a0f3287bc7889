#include "product_views.h"

#include "core/error.h"
#include "keyed_cache.h"
#include "product_options.h"
#include "report/products_json.h"
#include "report/replenishment_json.h"
#include "session_options.h"

namespace huike {

using nlohmann::json;

json ProductViews::set_consumption(std::string_view csv) {
  ++consumption_version_;
  replenishment_.reset();
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
  std::string key = date_key(shop.options) + '|' + options_key(options, replenishment_option_keys()) + '#' +
                    std::to_string(consumption_version_);
  if (!replenishment_ || key != replenishment_key_) {
    replenishment_ = std::make_unique<ReplenishmentResult>(
        huike::replenishment(table, shop, consumption_, parse_replenishment_options(options)));
    replenishment_key_ = std::move(key);
  }
  return *replenishment_;
}

const ProductRolesResult& ProductViews::roles(const OrderTable& table, const ShopAnalysis& shop,
                                              const json& options) const {
  // It reads the analysis date, the churn status (the audience) and its own settings.
  std::string key = status_key(shop.options) + '|' + options_key(options, product_roles_option_keys());
  if (!roles_ || key != roles_key_) {
    roles_ = std::make_unique<ProductRolesResult>(product_roles(table, shop, parse_product_roles_options(options)));
    roles_key_ = std::move(key);
  }
  return *roles_;
}

void ProductViews::add_sections(json& report, const OrderTable& table, const ShopAnalysis& shop,
                                const json& options) const {
  const ReplenishmentResult& due = replenishment(table, shop, options);
  report["replenishment"] = replenishment_json_.get(
      replenishment_key_, [&] { return replenishment_json(table, due, consumption_info_ ? &*consumption_info_ : nullptr); });
  const ProductRolesResult& found = roles(table, shop, options);
  report["products"] = products_json_.get(roles_key_, [&] { return products_json(table, found); });
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
