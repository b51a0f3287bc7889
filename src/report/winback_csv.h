#pragma once
#include <string>
#include <vector>

#include "analysis/winback.h"

namespace huike {

// The contact plan as CSV (UTF-8 with BOM, formula-safe, the customers CSV's cells): one row
// per entry of `ranked`; offer and tier name in `lang` ("zh-CN" or "en").
std::string winback_plan_csv(const OrderTable& table, const ShopAnalysis& shop, const WinbackPlan& plan,
                             const std::vector<WinbackEntry>& ranked, const MemberDirectory* members,
                             const std::string& lang);

}  // namespace huike
