#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/member_tiers.h"
#include "analysis/winback.h"

namespace huike {

// The member-tier and win-back settings, flat keys in the analysis options (the same JSON
// the CLI, wasm and the embed API pass): tier_window_days, high_spend_share, … (see
// tier_option_keys). A wrong type or a value out of range throws E_BAD_OPTION.
MemberTierOptions parse_member_tier_options(const nlohmann::json& options);
WinbackOptions parse_winback_options(const nlohmann::json& options);

// Every such key; the CLI takes each as a flag (high_spend_share → --high-spend-share).
const std::vector<std::string>& tier_option_keys();

}  // namespace huike
