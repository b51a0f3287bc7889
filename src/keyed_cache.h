#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/analysis_options.h"

namespace huike {

// One cached result and the key of exactly the settings it was made from (issue 14: a
// changed setting re-runs only the sections that read it).
template <class T>
class Keyed {
 public:
  template <class Make>
  const T& get(const std::string& key, Make&& make) {
    if (!value_ || key != key_) {
      value_.reset();  // a throwing make() leaves nothing stale behind
      value_.emplace(make());
      key_ = key;
    }
    return *value_;
  }
  const T* current() const { return value_ ? &*value_ : nullptr; }
  const std::string& key() const { return key_; }
  void clear() { value_.reset(); }

 private:
  std::string key_;
  std::optional<T> value_;
};

// The given keys of an analysis-options object, as text (absent keys are left out).
inline std::string options_key(const nlohmann::json& options, const std::vector<std::string>& keys) {
  nlohmann::json own = nlohmann::json::object();
  if (options.is_object()) {
    for (const std::string& key : keys) {
      if (options.contains(key)) own[key] = options[key];
    }
  }
  return own.dump();
}

// Keys of the parsed analysis settings, each naming only what its readers read.
inline std::string date_key(const AnalysisOptions& o) { return o.as_of_day ? std::to_string(*o.as_of_day) : "-"; }
inline std::string money_key(const AnalysisOptions& o) { return date_key(o) + (o.subtract_returns ? "|net" : "|gross"); }
inline std::string status_key(const AnalysisOptions& o) {
  return date_key(o) + '|' + nlohmann::json(o.at_risk_multiplier).dump() + '|' + nlohmann::json(o.churned_multiplier).dump();
}
inline std::string sleeping_key(const AnalysisOptions& o) { return date_key(o) + '|' + std::to_string(o.churn_window_days); }
inline std::string analysis_key(const AnalysisOptions& o) {
  return money_key(o) + '|' + status_key(o) + '|' + sleeping_key(o) + '|' + std::to_string(static_cast<int>(o.thresholds)) +
         '|' + nlohmann::json({o.custom_recency, o.custom_frequency, o.custom_monetary}).dump();
}

}  // namespace huike
