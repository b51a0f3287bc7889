#include "analysis/predictive/optimizer.h"

#include <algorithm>
#include <cmath>

namespace huike {
namespace {

double dot(const std::vector<double>& u, const std::vector<double>& v) {
  double sum = 0;
  for (size_t i = 0; i < u.size(); ++i) sum += u[i] * v[i];
  return sum;
}

// A coordinate on its bound whose gradient points out of the box cannot move.
bool blocked(double x, double g, double lower, double upper) {
  return (x <= lower && g > 0) || (x >= upper && g < 0);
}

double projected_gradient_norm(const std::vector<double>& x, const std::vector<double>& g,
                               const std::vector<double>& lower, const std::vector<double>& upper) {
  double norm = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    if (!blocked(x[i], g[i], lower[i], upper[i])) norm = std::max(norm, std::abs(g[i]));
  }
  return norm;
}

void set_identity(std::vector<double>& h, size_t n, double scale) {
  std::fill(h.begin(), h.end(), 0.0);
  for (size_t i = 0; i < n; ++i) h[i * n + i] = scale;
}

}  // namespace

OptimizerResult minimize_bounded(const Objective& f, std::vector<double> x0, const std::vector<double>& lower,
                                 const std::vector<double>& upper, const OptimizerOptions& options) {
  const size_t n = x0.size();
  OptimizerResult result;
  for (size_t i = 0; i < n; ++i) x0[i] = std::clamp(x0[i], lower[i], upper[i]);
  std::vector<double> x = x0, g(n), xn(n), gn(n), p(n), s(n), y(n), hy(n), h(n * n);
  double fx = f(x, g);
  result.evaluations = 1;
  if (!std::isfinite(fx)) {
    result.x = x;
    result.value = fx;
    result.at_bound.assign(n, false);
    result.message = "the objective is not finite at the starting point";
    return result;
  }
  set_identity(h, n, 1.0);
  bool fresh = true;  // h is a (scaled) identity
  int restarts_left = options.restarts;
  std::string stop = "iteration limit reached";
  int iteration = 0;
  for (; iteration < options.max_iterations; ++iteration) {
    if (projected_gradient_norm(x, g, lower, upper) <= options.gradient_tolerance) {
      stop = "";
      break;
    }
    if (result.evaluations >= options.max_evaluations) {
      stop = "evaluation limit reached";
      break;
    }
    // Quasi-Newton direction on the free coordinates.
    std::vector<bool> free(n);
    for (size_t i = 0; i < n; ++i) free[i] = !blocked(x[i], g[i], lower[i], upper[i]);
    for (size_t i = 0; i < n; ++i) {
      p[i] = 0;
      if (!free[i]) continue;
      for (size_t j = 0; j < n; ++j) {
        if (free[j]) p[i] -= h[i * n + j] * g[j];
      }
    }
    if (!(dot(p, g) < 0)) {  // not a descent direction: fall back to steepest descent
      set_identity(h, n, 1.0);
      fresh = true;
      for (size_t i = 0; i < n; ++i) p[i] = free[i] ? -g[i] : 0.0;
    }
    double largest = 0;
    for (double v : p) largest = std::max(largest, std::abs(v));
    if (largest > options.max_step) {
      for (double& v : p) v *= options.max_step / largest;
    }
    // Backtracking on the projected path. Accept on Armijo, or, where f no longer
    // resolves the decrease (large sums near the optimum), on the approximate Wolfe
    // conditions of Hager & Zhang: f did not rise beyond rounding and the slope along p
    // shrank from d0 to between 0.9·d0 and −0.8·d0.
    bool accepted = false;
    double fn = fx;
    const double slope0 = dot(g, p), noise = 1e-12 * (1 + std::abs(fx));
    for (double t = 1; t > 1e-10;) {
      for (size_t i = 0; i < n; ++i) xn[i] = std::clamp(x[i] + t * p[i], lower[i], upper[i]);
      fn = f(xn, gn);
      ++result.evaluations;
      double predicted = 0;
      for (size_t i = 0; i < n; ++i) predicted += g[i] * (xn[i] - x[i]);
      if (std::isfinite(fn) && fn <= fx + 1e-4 * predicted) {
        accepted = true;
        break;
      }
      const double slope = dot(gn, p);
      if (std::isfinite(fn) && fn <= fx + noise && slope >= 0.9 * slope0 && slope <= -0.8 * slope0) {
        accepted = true;
        break;
      }
      t *= std::isfinite(fn) ? 0.5 : 0.1;
    }
    if (!accepted) {
      if (!fresh && restarts_left-- > 0) {  // the curvature model went stale: start afresh
        set_identity(h, n, 1.0);
        fresh = true;
        continue;
      }
      stop = "the line search made no further progress";
      break;
    }
    for (size_t i = 0; i < n; ++i) {
      s[i] = xn[i] - x[i];
      y[i] = gn[i] - g[i];
    }
    const double sy = dot(s, y);
    if (sy > 1e-12 * std::sqrt(dot(s, s) * dot(y, y))) {
      if (fresh) set_identity(h, n, sy / dot(y, y));
      // H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, with ρ = 1 / sᵀy.
      const double rho = 1 / sy;
      for (size_t i = 0; i < n; ++i) {
        hy[i] = 0;
        for (size_t j = 0; j < n; ++j) hy[i] += h[i * n + j] * y[j];
      }
      const double yhy = dot(y, hy);
      for (size_t i = 0; i < n; ++i) {
        for (size_t j = 0; j < n; ++j) {
          h[i * n + j] += -rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j];
        }
      }
      fresh = false;
    }
    x.swap(xn);
    g.swap(gn);
    fx = fn;
    if (options.stop_at_bound) {
      bool on_bound = false;
      for (size_t i = 0; i < n; ++i) on_bound = on_bound || x[i] <= lower[i] || x[i] >= upper[i];
      if (on_bound) {
        ++iteration;
        break;  // reported as "a parameter ended on its bound"
      }
    }
  }
  result.x = x;
  result.value = fx;
  result.iterations = iteration;
  result.gradient_norm = projected_gradient_norm(x, g, lower, upper);
  result.at_bound.assign(n, false);
  bool any_at_bound = false;
  for (size_t i = 0; i < n; ++i) {
    result.at_bound[i] = x[i] <= lower[i] || x[i] >= upper[i];
    any_at_bound = any_at_bound || result.at_bound[i];
  }
  const bool small_gradient = result.gradient_norm <= options.accept_tolerance;
  result.converged = small_gradient && !any_at_bound;
  if (any_at_bound) {
    result.message = "a parameter ended on its bound: no interior maximum";
  } else if (stop.empty()) {
    result.message = "converged";
  } else {
    result.message = small_gradient ? "converged (" + stop + " at a near-zero gradient)" : stop;
  }
  return result;
}

std::vector<std::vector<double>> numeric_hessian(const Objective& f, const std::vector<double>& x, double step) {
  const size_t n = x.size();
  std::vector<std::vector<double>> hessian(n, std::vector<double>(n));
  std::vector<double> plus(n), minus(n), shifted = x;
  for (size_t j = 0; j < n; ++j) {
    shifted[j] = x[j] + step;
    f(shifted, plus);
    shifted[j] = x[j] - step;
    f(shifted, minus);
    shifted[j] = x[j];
    for (size_t i = 0; i < n; ++i) hessian[i][j] = (plus[i] - minus[i]) / (2 * step);
  }
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < i; ++j) hessian[i][j] = hessian[j][i] = (hessian[i][j] + hessian[j][i]) / 2;
  }
  return hessian;
}

bool invert_spd(std::vector<std::vector<double>> a, std::vector<std::vector<double>>& inverse) {
  const size_t n = a.size();
  // Cholesky in place: a = L Lᵀ (lower triangle).
  for (size_t j = 0; j < n; ++j) {
    double d = a[j][j];
    for (size_t k = 0; k < j; ++k) d -= a[j][k] * a[j][k];
    if (!(d > 0) || !std::isfinite(d)) return false;
    a[j][j] = std::sqrt(d);
    for (size_t i = j + 1; i < n; ++i) {
      double v = a[i][j];
      for (size_t k = 0; k < j; ++k) v -= a[i][k] * a[j][k];
      a[i][j] = v / a[j][j];
    }
  }
  inverse.assign(n, std::vector<double>(n, 0.0));
  for (size_t col = 0; col < n; ++col) {
    std::vector<double> v(n, 0.0);
    v[col] = 1;
    for (size_t i = 0; i < n; ++i) {  // L v' = e
      for (size_t k = 0; k < i; ++k) v[i] -= a[i][k] * v[k];
      v[i] /= a[i][i];
    }
    for (size_t i = n; i-- > 0;) {  // Lᵀ x = v'
      for (size_t k = i + 1; k < n; ++k) v[i] -= a[k][i] * v[k];
      v[i] /= a[i][i];
    }
    for (size_t i = 0; i < n; ++i) inverse[i][col] = v[i];
  }
  return true;
}

void log_parameter_standard_errors(const Objective& mean_objective, const std::vector<double>& x, double weight,
                                   const double* theta, double* errors) {
  const Objective total_objective = [&](const std::vector<double>& v, std::vector<double>& g) {
    const double value = mean_objective(v, g);
    for (double& gi : g) gi *= weight;
    return value * weight;
  };
  std::vector<std::vector<double>> covariance;
  if (!invert_spd(numeric_hessian(total_objective, x, 1e-4), covariance)) return;
  for (size_t i = 0; i < x.size(); ++i) errors[i] = theta[i] * std::sqrt(covariance[i][i]);
}

}  // namespace huike
