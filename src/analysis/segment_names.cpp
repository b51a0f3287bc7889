#include "analysis/customer_analysis.h"

namespace huike {

// Names and actions: DOMAIN.md and seed 000 (冰可乐, 2020).
const SegmentInfo& segment8_info(Segment8 s) {
  static const SegmentInfo infos[kSegment8Count] = {
      {"important_value", "重要价值客户", "Important value",
       "重点维护:VIP 专属服务、新品优先体验,让他们持续满意", "Your best customers: VIP service and early access; keep them delighted"},
      {"important_develop", "重要发展客户", "Important develop",
       "守护每一次服务体验,用会员权益和复购券提升购买频次", "Guard every service experience; raise purchase frequency with member perks and repeat-purchase coupons"},
      {"important_keep", "重要保持客户", "Important keep",
       "主动保持联系(短信、电话回访),唤起再次购买", "Keep in touch (SMS, calls) and bring them back before they drift away"},
      {"important_win_back", "重要挽留客户", "Important win back",
       "流失之前电话或问卷回访,了解原因并挽回", "Call or survey them before they are lost; learn why and win them back"},
      {"general_value", "一般价值客户", "General value",
       "提升客单价:搭配推荐、满减活动", "Raise order value: bundles and spend-threshold offers"},
      {"general_develop", "一般发展客户", "General develop",
       "新客培育:引导关注、入会和第二次购买", "Nurture: invite to follow, join the membership and buy a second time"},
      {"general_keep", "一般保持客户", "General keep",
       "低成本召回:活动通知、优惠券", "Low-cost reactivation: campaign notices and coupons"},
      {"general_win_back", "一般挽留客户", "General win back",
       "低优先级,仅在大促时低成本触达", "Low priority: reach cheaply only during major sales"},
  };
  return infos[static_cast<int>(s)];
}

const SegmentInfo& grid_segment_info(GridSegment s) {
  static const SegmentInfo infos[kGridSegmentCount] = {
      {"champions", "冠军客户", "Champions", "奖励他们,邀请试用新品和口碑推荐", "Reward them; early adopters for new products and referrals"},
      {"loyal", "忠诚客户", "Loyal", "推荐更高价值商品,邀请评价", "Upsell higher-value products; ask for reviews"},
      {"potential_loyalist", "潜力忠诚客户", "Potential loyalist", "会员计划与个性化推荐", "Offer membership and personalised recommendations"},
      {"new", "新客户", "New", "做好首单体验,引导第二次购买", "Make the first order great; guide the second purchase"},
      {"promising", "有潜力客户", "Promising", "建立品牌认知,发放小额优惠", "Build awareness; small introductory offers"},
      {"need_attention", "需要关注", "Need attention", "限时优惠,按购买历史推荐", "Limited-time offers based on past purchases"},
      {"about_to_sleep", "即将沉睡", "About to sleep", "推荐热门商品和折扣,重新建立联系", "Share bestsellers and discounts; reconnect"},
      {"at_risk", "有流失风险", "At risk", "个性化召回邮件/短信,提供有吸引力的优惠", "Personalised win-back messages with a strong offer"},
      {"cannot_lose", "不能失去", "Can't lose them", "优先电话回访,挽回高价值客户", "Call first: win back these high-value customers"},
      {"hibernating", "休眠客户", "Hibernating", "低成本触达,推荐相关商品", "Low-cost contact with relevant products"},
      {"lost", "已流失", "Lost", "仅在大促时低成本唤醒,否则不打扰", "Revive cheaply during big sales only; otherwise leave alone"},
  };
  return infos[static_cast<int>(s)];
}

const char* churn_status_key(ChurnStatus s) {
  static const char* const keys[] = {"active", "at_risk", "churned", "unknown"};
  return keys[static_cast<int>(s)];
}

}  // namespace huike
