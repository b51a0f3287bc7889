#pragma once
#include <nlohmann/json.hpp>

#include "analysis/winback.h"

namespace huike {

// The report's `winback` section: the rule, the tiers (offer, cap, channel counts), the
// lapsed count and `member_list` (null without one).
nlohmann::json winback_json(const WinbackPlan& plan, const MemberDirectory* members);
// The member list's summary (also in the report, under winback.member_list); members
// without orders are those of the plan's members_no_order tier (an id with only returns too).
nlohmann::json member_list_json(const MemberDirectory& members, size_t without_orders);

}  // namespace huike
