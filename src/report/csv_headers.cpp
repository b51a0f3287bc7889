#include "report/csv_headers.h"

#include <algorithm>

#include "core/error.h"
#include "report/customer_csv.h"

namespace huike {
namespace {

struct HeaderName {
  std::string_view key, zh;
};

// Every column of every export (customers, win-back plan, reminders, products, promotion
// audience, cohorts, migration). A key means the same wherever it appears.
constexpr HeaderName kHeaders[] = {
    // Who and how to reach them.
    {"customer_id", "客户"},
    {"phone", "手机"},
    {"email", "邮箱"},
    {"channel", "触达渠道"},
    // RFM and segments.
    {"recency_days", "最近购买距今天数"},
    {"frequency", "购买次数"},
    {"monetary", "消费金额"},
    {"r_score", "R分"},
    {"f_score", "F分"},
    {"m_score", "M分"},
    {"segment_eight", "八类分群代码"},
    {"segment_grid", "十一宫格分群代码"},
    {"segment_eight_zh", "八类分群"},
    {"segment_grid_zh", "十一宫格分群"},
    {"segment_eight_before", "对比日八类分群代码"},
    {"segment_eight_before_zh", "对比日八类分群"},
    {"segment_grid_before", "对比日十一宫格分群代码"},
    {"moved", "分群是否变化"},
    {"earlier_as_of", "对比日期"},
    {"later_as_of", "分析日期"},
    {"status", "流失状态"},
    {"sleeping", "沉睡"},
    {"first_purchase", "首次购买日"},
    {"last_purchase", "最近购买日"},
    {"purchase_days", "购买天数"},
    {"average_order_value", "客单价"},
    {"cycle_days", "购买周期(天)"},
    {"returned", "退货金额"},
    {"next_purchase_date", "预计复购日"},
    {"reminder_date", "提醒日"},
    // Member tiers and win-back.
    {"tier_high_spend", "高消费会员"},
    {"tier_high_unit_price", "高客单会员"},
    {"tier_high_loyalty", "高忠诚会员"},
    {"tier_promo_high_frequency", "活动高频会员"},
    {"tier_promo_low_frequency", "活动低频会员"},
    {"tier_churning", "流失中会员"},
    {"tier_sleeping", "沉睡会员"},
    {"winback_tier", "挽回层级"},
    {"tier", "挽回层级代码"},
    {"tier_name", "挽回层级名称"},
    {"orders", "订单数"},
    {"spend", "消费金额"},
    {"days_since", "距今天数"},
    {"offer", "挽回方案"},
    {"max_touches", "最多触达次数"},
    {"min_days_between", "最少间隔天数"},
    {"first_touch", "首次触达日"},
    {"signup_date", "注册日期"},
    // Predictions.
    {"p_alive", "存活概率"},
    {"expected_next_order_date", "预计下单日"},
    {"expected_purchases", "预计购买次数"},
    {"expected_aov", "预计客单价"},
    {"clv", "客户终身价值"},
    // Replenishment reminders.
    {"list", "名单"},
    {"product", "商品"},
    {"source", "依据"},
    {"quantity", "数量"},
    {"days_per_unit", "每件可用天数"},
    {"due_date", "预计用完日"},
    {"days_until_due", "距用完天数"},
    // Products and the promotion audience.
    {"role", "商品角色"},
    {"units", "件数"},
    {"revenue", "销售额"},
    {"buyers", "购买人数"},
    {"first_order_buyers", "首单购买人数"},
    {"first_buyer_repeat_rate", "首单客复购率"},
    {"repeat_buyer_share", "复购客占比"},
    {"average_unit_price", "平均单价"},
    {"revenue_recent", "近期销售额"},
    {"revenue_previous", "前期销售额"},
    {"growth", "增长率"},
    {"recent_orders", "近期订单数"},
    {"new", "新品"},
    {"order_value", "订单金额"},
    {"products", "购买商品"},
    // Cohorts (month_0, month_1, … are 第0月, 第1月, …).
    {"cohort", "首购月份"},
    {"customers", "客户数"},
    {"measure", "指标"},
    {"last_cell_incomplete", "最后一格未满月"},
};

constexpr std::string_view kMonthPrefix = "month_";

}  // namespace

CsvLang csv_lang_option(const nlohmann::json& options) {
  if (!options.is_object()) return CsvLang::en;
  const auto it = options.find("csv_lang");
  if (it == options.end() || it->is_null()) return CsvLang::en;
  if (it->is_string()) {
    const std::string value = it->get<std::string>();
    if (value == "en") return CsvLang::en;
    if (value == "zh" || value == "zh-CN") return CsvLang::zh;
  }
  throw HuikeError(ErrorCode::E_BAD_OPTION, "option 'csv_lang' is en or zh");
}

std::string csv_header_name(std::string_view key, CsvLang lang) {
  if (lang == CsvLang::en) return std::string(key);
  for (const HeaderName& header : kHeaders) {
    if (header.key == key) return std::string(header.zh);
  }
  if (key.substr(0, kMonthPrefix.size()) == kMonthPrefix) {
    return "第" + std::string(key.substr(kMonthPrefix.size())) + "月";
  }
  return std::string(key);
}

void localise_csv_header(std::string& csv, CsvLang lang) {
  if (lang == CsvLang::en) return;
  const size_t start = csv.compare(0, kUtf8Bom.size(), kUtf8Bom) == 0 ? kUtf8Bom.size() : 0;
  const size_t end = csv.find("\r\n", start);
  if (end == std::string::npos) return;
  std::string line;
  // The keys hold no comma or quote, so the line splits on ','.
  for (size_t at = start; at <= end;) {
    const size_t comma = std::min(csv.find(',', at), end);
    if (at > start) line += ',';
    append_csv_cell(line, csv_header_name(std::string_view(csv).substr(at, comma - at), lang));
    at = comma + 1;
  }
  csv.replace(start, end - start, line);
}

}  // namespace huike
