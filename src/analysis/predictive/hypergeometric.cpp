#include "analysis/predictive/hypergeometric.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace huike {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kEps = std::numeric_limits<double>::epsilon();
constexpr double kPi = 3.14159265358979323846;
constexpr double kEulerGamma = 0.57721566490153286061;
constexpr double kGoodRelativeError = 1e-13;

bool is_nonpositive_integer(double v) { return v <= 0 && v == std::nearbyint(v); }

// A value with an estimate of its absolute error (infinite when the method failed).
struct Estimate {
  double value = kNaN;
  double error = kInf;
  double relative_error() const {
    return std::isfinite(value) ? error / std::max(std::abs(value), 1e-300) : kInf;
  }
  bool good() const { return relative_error() <= kGoodRelativeError; }
};

Estimate better_of(const Estimate& x, const Estimate& y) {
  return y.relative_error() < x.relative_error() ? y : x;
}

// ln|Γ(x)| with the sign of Γ(x); sign 0 at the poles, where 1/Γ(x) = 0.
struct SignedLog {
  double log_abs;
  int sign;
};
SignedLog log_gamma(double x) {
  if (is_nonpositive_integer(x)) return {kInf, 0};
  const int sign = (x > 0 || std::fmod(std::floor(x), 2.0) == 0) ? 1 : -1;
  return {std::lgamma(x), sign};
}

// Bound on |ratio of consecutive terms| for every k ≥ n of Σ (a)_k (b)_k / ((c)_k k!) z^k.
// Each factor (a+k)/(c+k) and (b+k)/(k+1) is monotone in k once c + n > 0, so its
// supremum is at k = n or at k → ∞ (where it tends to 1).
double ratio_bound(double a, double b, double c, double z, double n) {
  if (c + n <= 0) return kInf;
  return std::abs(z) * std::max(1.0, std::abs((a + n) / (c + n))) *
         std::max(1.0, std::abs((b + n) / (n + 1)));
}

// The defining power series; the error counts rounding over Σ|terms| (cancellation)
// and a rigorous bound on the tail left off.
Estimate power_series(double a, double b, double c, double z, int max_terms) {
  double term = 1, sum = 1, abs_sum = 1;
  for (int n = 0; n < max_terms; ++n) {
    term *= (a + n) * (b + n) / ((c + n) * (n + 1.0)) * z;
    sum += term;
    abs_sum += std::abs(term);
    if (!std::isfinite(sum) || !std::isfinite(abs_sum)) return {};
    if (term == 0) return {sum, 4 * kEps * abs_sum};
    const double q = ratio_bound(a, b, c, z, n + 1.0);
    if (q < 1) {
      const double tail = std::abs(term) * q / (1 - q);
      if (tail <= kEps * std::abs(sum)) return {sum, 4 * kEps * abs_sum + tail};
    }
  }
  return {};
}

// A series that stops at n = −a or −b (a non-positive integer numerator).
Estimate terminating_series(double a, double b, double c, double z) {
  const double degree = std::min(is_nonpositive_integer(a) ? -a : kInf, is_nonpositive_integer(b) ? -b : kInf);
  double term = 1, sum = 1, abs_sum = 1;
  for (int n = 0; n < degree; ++n) {
    term *= (a + n) * (b + n) / ((c + n) * (n + 1.0)) * z;
    sum += term;
    abs_sum += std::abs(term);
  }
  return {sum, 4 * kEps * (degree + 1) * abs_sum};
}

// exp(log) with a relative error that grows with |log| (rounding of lgamma sums).
double coefficient_error(double log_abs) { return 2 * kEps * (1 + std::abs(log_abs)); }

// A&S 15.3.6, for c − a − b not an integer:
// F = Γ(c)Γ(m)/(Γ(c−a)Γ(c−b)) F(a,b;1−m;w) + w^m Γ(c)Γ(−m)/(Γ(a)Γ(b)) F(c−a,c−b;1+m;w),
// m = c − a − b, w = 1 − z.
Estimate one_minus_z_general(double a, double b, double c, double w, int max_terms) {
  const double m = c - a - b;
  const SignedLog gc = log_gamma(c);
  Estimate total{0, 0};
  const SignedLog gca = log_gamma(c - a), gcb = log_gamma(c - b), gm = log_gamma(m);
  if (gca.sign != 0 && gcb.sign != 0) {
    const double log_coef = gc.log_abs + gm.log_abs - gca.log_abs - gcb.log_abs;
    const double coef = gc.sign * gm.sign * gca.sign * gcb.sign * std::exp(log_coef);
    const Estimate s = power_series(a, b, 1 - m, w, max_terms);
    if (!std::isfinite(s.error)) return {};
    total.value += coef * s.value;
    total.error += std::abs(coef) * (s.error + std::abs(s.value) * coefficient_error(log_coef));
  }
  const SignedLog ga = log_gamma(a), gb = log_gamma(b), gmm = log_gamma(-m);
  if (ga.sign != 0 && gb.sign != 0) {
    const double log_coef = gc.log_abs + gmm.log_abs - ga.log_abs - gb.log_abs + m * std::log(w);
    const double coef = gc.sign * gmm.sign * ga.sign * gb.sign * std::exp(log_coef);
    if (coef != 0) {
      const Estimate s = power_series(c - a, c - b, 1 + m, w, max_terms);
      if (!std::isfinite(s.error)) return {};
      total.value += coef * s.value;
      total.error += std::abs(coef) * (s.error + std::abs(s.value) * coefficient_error(log_coef));
    }
  }
  if (!std::isfinite(total.value) || !std::isfinite(total.error)) return {};
  return total;
}

// A&S 15.3.10 (m = 0) and 15.3.11 (m = 1, 2, …) for c = a + b + m; neither a nor b
// may be a non-positive integer (those are polynomials, summed directly).
// F = Γ(m)Γ(a+b+m)/(Γ(a+m)Γ(b+m)) Σ_{n<m} (a)_n(b)_n/(n!(1−m)_n) w^n
//   − (−w)^m Γ(a+b+m)/(Γ(a)Γ(b)) Σ_{n≥0} (a+m)_n(b+m)_n/(n!(n+m)!) w^n
//       × [ln w − ψ(n+1) − ψ(n+m+1) + ψ(a+n+m) + ψ(b+n+m)]
Estimate one_minus_z_integer(double a, double b, int m, double w, int max_terms) {
  const double log_w = std::log(w), c = a + b + m;
  const SignedLog gc = log_gamma(c);
  Estimate total{0, 0};
  if (m > 0) {
    const SignedLog gam = log_gamma(a + m), gbm = log_gamma(b + m);
    const double log_coef = std::lgamma(static_cast<double>(m)) + gc.log_abs - gam.log_abs - gbm.log_abs;
    const double coef = gc.sign * gam.sign * gbm.sign * std::exp(log_coef);
    double term = 1, sum = 1, abs_sum = 1;
    for (int n = 0; n + 1 < m; ++n) {
      term *= (a + n) * (b + n) / ((1.0 - m + n) * (n + 1.0)) * w;
      sum += term;
      abs_sum += std::abs(term);
    }
    total.value += coef * sum;
    total.error += std::abs(coef) * (4 * kEps * abs_sum + std::abs(sum) * coefficient_error(log_coef));
  }
  const SignedLog ga = log_gamma(a), gb = log_gamma(b);
  const double log_coef = gc.log_abs - ga.log_abs - gb.log_abs + m * log_w - std::lgamma(m + 1.0);
  const double coef = -((m % 2 == 0) ? 1 : -1) * gc.sign * ga.sign * gb.sign * std::exp(log_coef);
  double term = 1;  // (a+m)_n (b+m)_n / (n! (n+m)!) w^n × m!, the 1/m! sits in coef
  double psi_n1 = -kEulerGamma, psi_nm1 = digamma(m + 1.0);
  double psi_a = digamma(a + m), psi_b = digamma(b + m);
  double sum = 0, abs_sum = 0;
  bool converged = false;
  for (int n = 0; n < max_terms; ++n) {
    const double bracket = log_w - psi_n1 - psi_nm1 + psi_a + psi_b;
    const double piece = term * bracket;
    sum += piece;
    abs_sum += std::abs(piece);
    if (!std::isfinite(sum)) return {};
    const double ratio = (a + m + n) * (b + m + n) / ((n + 1.0) * (n + m + 1.0)) * w;
    term *= ratio;
    psi_n1 += 1 / (n + 1.0);
    psi_nm1 += 1 / (n + m + 1.0);
    psi_a += 1 / (a + m + n);
    psi_b += 1 / (b + m + n);
    // The bracket grows like ln n only; bound the tail with twice its current size.
    const double q = ratio_bound(a + m, b + m, m + 1.0, w, n + 1.0);
    if (term == 0 || (q < 1 && 2 * std::abs(term) * (std::abs(bracket) + 1) / (1 - q) <=
                                   kEps * std::abs(sum))) {
      converged = true;
      break;
    }
  }
  if (!converged) return {};
  total.value += coef * sum;
  total.error += std::abs(coef) * (8 * kEps * abs_sum + std::abs(sum) * coefficient_error(log_coef));
  if (!std::isfinite(total.value) || !std::isfinite(total.error)) return {};
  return total;
}

// Expansions in w = 1 − z (passed separately: it is often known more exactly than z).
Estimate one_minus_z(double a, double b, double c, double z, double w, int max_terms) {
  const double m = c - a - b;
  const double rounded = std::nearbyint(m);
  if (std::abs(m - rounded) > 1e-9 * std::max(1.0, std::abs(m))) {
    return one_minus_z_general(a, b, c, w, max_terms);
  }
  if (std::abs(rounded) > 1e6) return {};
  const int mi = static_cast<int>(rounded);
  if (mi >= 0) return one_minus_z_integer(a, b, mi, w, max_terms);
  // c − a − b = −k: Euler's F = (1−z)^{−k} F(c−a, c−b; c; z) has c − a' − b' = k.
  const Estimate e = is_nonpositive_integer(c - a) || is_nonpositive_integer(c - b)
                         ? terminating_series(c - a, c - b, c, z)
                         : one_minus_z_integer(c - a, c - b, -mi, w, max_terms);
  const double factor = std::pow(w, rounded);
  return {e.value * factor, e.error * factor};
}

Estimate scaled(const Estimate& e, double log_factor) {
  const double factor = std::exp(log_factor);
  const double value = e.value * factor;
  return {value, e.error * factor + std::abs(value) * coefficient_error(log_factor)};
}

// 0 < z < 1, w = 1 − z, c not a pole: the series in z, then the expansion in 1 − z.
Estimate unit_interval(double a, double b, double c, double z, double w) {
  if (is_nonpositive_integer(a) || is_nonpositive_integer(b)) return terminating_series(a, b, c, z);
  constexpr int kBudget = 100000;
  Estimate best = z <= 0.75 ? power_series(a, b, c, z, kBudget) : one_minus_z(a, b, c, z, w, kBudget);
  if (best.good()) return best;
  return better_of(best, z <= 0.75 ? one_minus_z(a, b, c, z, w, kBudget) : power_series(a, b, c, z, kBudget));
}

// Every route for z < 1 except z = 0, 1 and terminating series (handled by the caller).
Estimate evaluate(double a, double b, double c, double z, double w) {
  constexpr double kAccept = 1e-11;
  if (z < 0) {
    // Pfaff: F = (1−z)^{−a} F(a, c−b; c; z/(z−1)) = (1−z)^{−b} F(c−a, b; c; z/(z−1)),
    // into (0, 1); there 1 − z/(z−1) = 1/(1−z) exactly.
    const double z2 = -z / w, w2 = 1 / w, log_w = std::log(w);
    Estimate best = scaled(unit_interval(a, c - b, c, z2, w2), -a * log_w);
    if (best.relative_error() <= kAccept) return best;
    best = better_of(best, scaled(unit_interval(c - a, b, c, z2, w2), -b * log_w));
    if (best.relative_error() <= kAccept || z <= -1) return best;
    return better_of(best, power_series(a, b, c, z, 100000));
  }
  // Euler: F = (1−z)^{c−a−b} F(c−a, c−b; c; z); first whichever has smaller numerators.
  const bool euler_first = std::abs((c - a) * (c - b)) < std::abs(a * b);
  const auto euler = [&] { return scaled(unit_interval(c - a, c - b, c, z, w), (c - a - b) * std::log(w)); };
  Estimate best = euler_first ? euler() : unit_interval(a, b, c, z, w);
  if (best.relative_error() <= kAccept) return best;
  best = better_of(best, euler_first ? unit_interval(a, b, c, z, w) : euler());
  if (best.relative_error() <= kAccept) return best;
  // Last resort for large parameters close to z = 1: a long plain series, if affordable.
  if (-std::log1p(-w) * 5e6 > 40) best = better_of(best, power_series(a, b, c, z, 5000000));
  return best;
}

}  // namespace

double digamma(double x) {
  if (std::isnan(x)) return x;
  if (is_nonpositive_integer(x)) return kNaN;
  if (x < 0.5) {
    // Reflection ψ(1−x) − ψ(x) = π cot(πx); reduce the angle first so cot stays exact.
    const double frac = x - std::floor(x);
    return digamma(1 - x) - kPi / std::tan(kPi * frac);
  }
  double result = 0;
  while (x < 10) {
    result -= 1 / x;
    x += 1;
  }
  const double f = 1 / (x * x);
  // ln x − 1/(2x) − Σ B_2k / (2k x^2k), Bernoulli numbers up to B_12.
  const double series =
      f * (1.0 / 12 - f * (1.0 / 120 - f * (1.0 / 252 - f * (1.0 / 240 - f * (1.0 / 132 - f * 691.0 / 32760)))));
  return result + std::log(x) - 0.5 / x - series;
}

double hyp2f1(double a, double b, double c, double z) { return hyp2f1(a, b, c, z, 1 - z); }

double hyp2f1(double a, double b, double c, double z, double one_minus_z) {
  const double w = one_minus_z;
  if (std::isnan(a) || std::isnan(b) || std::isnan(c) || std::isnan(z) || z > 1) return kNaN;
  if (a == 0 || b == 0 || z == 0) return 1;
  const bool a_poly = is_nonpositive_integer(a), b_poly = is_nonpositive_integer(b);
  if (is_nonpositive_integer(c) && !(a_poly && a > c) && !(b_poly && b > c)) return kNaN;
  if (a_poly || b_poly) return terminating_series(a, b, c, z).value;
  if (z == 1) {
    // Gauss: Γ(c)Γ(c−a−b)/(Γ(c−a)Γ(c−b)), finite only for c − a − b > 0.
    if (c - a - b <= 0) return kNaN;
    const SignedLog gc = log_gamma(c), gm = log_gamma(c - a - b);
    const SignedLog gca = log_gamma(c - a), gcb = log_gamma(c - b);
    if (gca.sign == 0 || gcb.sign == 0) return 0;
    return gc.sign * gm.sign * gca.sign * gcb.sign *
           std::exp(gc.log_abs + gm.log_abs - gca.log_abs - gcb.log_abs);
  }
  const Estimate e = evaluate(a, b, c, z, w);
  return e.relative_error() < 1e-6 ? e.value : kNaN;
}

}  // namespace huike
