#include "analysis/predictive/model_comparison.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace huike {
namespace {

std::string format(const char* pattern, double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, pattern, value);
  return buffer;
}

// Expected customers per calibration frequency bin: Σ over ages T of n(T) P(X(T) = k).
void score_calibration(const CountModel& model, const std::map<int32_t, uint32_t>& ages, double unit,
                       ModelScore& score) {
  for (const auto& [T_days, customers] : ages) {
    double rest = 1;
    for (uint32_t k = 0; k + 1 < kCalibrationHistogramBins; ++k) {
      const double q = model.pmf(T_days / unit, k);
      score.calibration_expected[k] += customers * q;
      rest -= q;
    }
    score.calibration_expected.back() += customers * std::max(0.0, rest);
  }
}

void score_holdout(const RfmSummary& s, const CountModel& model, const std::vector<double>& p_alive, double length,
                   ModelScore& score) {
  const double unit = unit_days(s.unit);
  std::vector<double> predicted(s.groups.size());
  double if_alive = 0;  // depends on (x, T) only; groups are sorted by x, then T
  for (size_t i = 0; i < s.groups.size(); ++i) {
    const RfmGroup& g = s.groups[i];
    if (i == 0 || g.x != s.groups[i - 1].x || g.T_days != s.groups[i - 1].T_days) {
      if_alive = model.expected_if_alive(g.x, g.T_days / unit, length);
    }
    predicted[i] = p_alive[i] * if_alive;
  }
  double error = 0, n = 0;
  for (size_t c = 0; c < s.customers.size(); ++c) {
    if (!s.customers[c].in_fit) continue;
    const double p = predicted[s.group_of[c]];
    score.holdout_predicted += p;
    error += std::abs(p - s.customers[c].holdout_transactions);
    n += 1;
  }
  score.holdout_mae = n > 0 ? error / n : 0;
}

std::string others(const ModelComparison& out, double ModelScore::*field, const char* pattern) {
  std::string text;
  for (size_t k = 0; k < out.scores.size(); ++k) {
    if (k == out.chosen) continue;
    text += (text.empty() ? "" : " and ") + format(pattern, out.scores[k].*field) + " for " +
            model_display_name(out.scores[k].key);
    if (!out.scores[k].converged) text += " (its fit did not converge)";
  }
  return text;
}

}  // namespace

ModelComparison compare_models(const RfmSummary& s, const std::vector<CountModel>& candidates,
                               const std::vector<std::vector<double>>& group_p_alive, ModelChoice choice) {
  ModelComparison out;
  const double unit = unit_days(s.unit);
  out.holdout_available = s.holdout_end_day > s.calibration_end_day && s.fitted_customers > 0;
  out.holdout_units = (s.holdout_end_day - s.calibration_end_day) / unit;
  std::map<int32_t, uint32_t> ages;  // T in days → customers
  for (const RfmCustomer& c : s.customers) {
    if (!c.in_fit) continue;
    ++out.customers;
    ++out.calibration_actual[std::min(c.x, kCalibrationHistogramBins - 1)];
    out.holdout_actual += c.holdout_transactions;
    ++ages[c.T_days];
  }
  for (size_t k = 0; k < candidates.size(); ++k) {
    ModelScore score;
    score.key = candidates[k].key;
    score.log_likelihood = candidates[k].info().log_likelihood;
    score.converged = candidates[k].info().converged;
    score_calibration(candidates[k], ages, unit, score);
    if (out.holdout_available) score_holdout(s, candidates[k], group_p_alive[k], out.holdout_units, score);
    out.scores.push_back(score);
  }
  const auto index_of = [&](ModelKey key) {
    for (size_t k = 0; k < out.scores.size(); ++k) {
      if (out.scores[k].key == key) return k;
    }
    return size_t{0};
  };
  const bool any_converged = std::any_of(out.scores.begin(), out.scores.end(), [](const ModelScore& m) { return m.converged; });
  const auto eligible = [&](size_t k) { return out.scores[k].converged || !any_converged; };
  const std::string length = format("%.4g", out.holdout_units) + "-" + time_unit_key(s.unit) + " hold-out";
  if (const auto key = chosen_key(choice)) {
    out.chosen = index_of(*key);
    out.chosen_by = "option";
    out.reason = std::string(model_display_name(*key)) + " was chosen with the model option";
    if (out.holdout_available) {
      out.reason += "; its mean absolute error per customer on the " + length + " is " +
                    format("%.4f", out.scores[out.chosen].holdout_mae) + " purchases, against " +
                    others(out, &ModelScore::holdout_mae, "%.4f");
    }
    out.reason += ".";
  } else if (out.holdout_available) {
    size_t best = out.scores.size();
    for (size_t k = 0; k < out.scores.size(); ++k) {
      if (eligible(k) && (best == out.scores.size() || out.scores[k].holdout_mae < out.scores[best].holdout_mae)) best = k;
    }
    out.chosen = best;
    out.chosen_by = "holdout_mae";
    out.reason = std::string(model_display_name(out.scores[best].key)) +
                 " has the smallest mean absolute error per customer on the " + length + ": " +
                 format("%.4f", out.scores[best].holdout_mae) + " purchases, against " +
                 others(out, &ModelScore::holdout_mae, "%.4f") + (any_converged ? "" : "; no fit converged") + ".";
  } else {
    out.chosen = index_of(ModelKey::bgnbd);
    out.chosen_by = "default";
    out.reason =
        "There is no hold-out period (the calibration end is the last order day), so no model's predictions can be "
        "checked against later purchases. BG/NBD is the default: the most widely used of the three and the steadiest "
        "to fit. Set a calibration end before the last order day to compare the models, or choose one with the "
        "model option.";
    if (!eligible(out.chosen)) {
      size_t best = out.chosen;
      for (size_t k = 0; k < out.scores.size(); ++k) {
        if (eligible(k) && (!eligible(best) || out.scores[k].log_likelihood > out.scores[best].log_likelihood)) best = k;
      }
      out.chosen = best;
      out.reason += std::string(" The BG/NBD fit did not converge, so ") + model_display_name(out.scores[best].key) +
                    ", whose fit did and has the highest log-likelihood, is used instead.";
    }
  }
  return out;
}

}  // namespace huike
