#pragma once
#include <nlohmann/json.hpp>

#include "analysis/member_tiers.h"

namespace huike {

// The report's `members` section: window, one object per tier (rule in words with the
// settings' values, availability, counts, revenue, share, action) and the tiers' overlap.
nlohmann::json members_json(const MemberTiers& tiers, const ShopAnalysis& shop);

}  // namespace huike
