#include "tier_options.h"

#include <cmath>

#include "session_options.h"

namespace huike {

using nlohmann::json;

namespace {

struct IntKey {
  const char* key;
  int32_t MemberTierOptions::*field;
};
struct ShareKey {
  const char* key;
  double MemberTierOptions::*field;
  double max;  // shares are in (0, 1]; multiples and ratios up to this
};

constexpr IntKey kTierDays[] = {
    {"tier_window_days", &MemberTierOptions::window_days},
    {"loyalty_min_purchase_days", &MemberTierOptions::loyalty_min_purchase_days},
    {"loyalty_max_gap_days", &MemberTierOptions::loyalty_max_gap_days},
    {"churning_min_age_days", &MemberTierOptions::churning_min_age_days},
    {"churning_recent_days", &MemberTierOptions::churning_recent_days},
    {"churning_min_prior_orders", &MemberTierOptions::churning_min_prior_orders},
};
constexpr ShareKey kTierShares[] = {
    {"high_spend_share", &MemberTierOptions::high_spend_share, 1},
    {"high_unit_price_multiple", &MemberTierOptions::high_unit_price_multiple, 1000},
    {"loyalty_revenue_share", &MemberTierOptions::loyalty_revenue_share, 1},
    {"promo_high_share", &MemberTierOptions::promo_high_share, 1},
    {"promo_low_share", &MemberTierOptions::promo_low_share, 1},
    {"churning_drop_ratio", &MemberTierOptions::churning_drop_ratio, 1},
};
// winback_<tier>_max_touches / winback_<tier>_min_days, by WinbackTier.
std::string cap_key(int tier, bool touches) {
  return std::string("winback_") + winback_tier_info(static_cast<WinbackTier>(tier)).key +
         (touches ? "_max_touches" : "_min_days");
}

[[noreturn]] void out_of_range(const std::string& key, const char* range) {
  throw HuikeError(ErrorCode::E_BAD_OPTION, "option '" + key + "' must be " + range);
}

int32_t whole_number(const json& options, const std::string& key, int32_t fallback, int32_t min, int32_t max) {
  const auto it = options.find(key);
  if (it == options.end() || it->is_null()) return fallback;
  if (!it->is_number() || it->get<double>() != std::floor(it->get<double>()) || it->get<double>() < min ||
      it->get<double>() > max) {
    out_of_range(key, ("a whole number from " + std::to_string(min) + " to " + std::to_string(max)).c_str());
  }
  return it->get<int32_t>();
}

}  // namespace

MemberTierOptions parse_member_tier_options(const json& options) {
  MemberTierOptions out;
  if (!options.is_object()) return out;
  for (const IntKey& k : kTierDays) out.*k.field = whole_number(options, k.key, out.*k.field, 1, 36525);
  for (const ShareKey& k : kTierShares) {
    const double value = option_or<double>(options, k.key, out.*k.field);
    if (!(value > 0) || value > k.max) {
      out_of_range(k.key, k.max == 1 ? "above 0 and at most 1" : "above 0 and at most 1000");
    }
    out.*k.field = value;
  }
  return out;
}

WinbackOptions parse_winback_options(const json& options) {
  WinbackOptions out;
  if (!options.is_object()) return out;
  out.light_max_orders = whole_number(options, "winback_light_max_orders", out.light_max_orders, 1, 1000);
  for (int t = 0; t < kWinbackTierCount; ++t) {
    ContactCap& cap = out.caps[t];
    cap.max_touches = whole_number(options, cap_key(t, true), cap.max_touches, 1, 1000);
    cap.min_days_between = whole_number(options, cap_key(t, false), cap.min_days_between, 1, 3650);
  }
  return out;
}

const std::vector<std::string>& tier_option_keys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> list;
    for (const IntKey& k : kTierDays) list.emplace_back(k.key);
    for (const ShareKey& k : kTierShares) list.emplace_back(k.key);
    list.emplace_back("winback_light_max_orders");
    for (int t = 0; t < kWinbackTierCount; ++t) {
      list.push_back(cap_key(t, true));
      list.push_back(cap_key(t, false));
    }
    return list;
  }();
  return keys;
}

}  // namespace huike
