#pragma once
#include <functional>
#include <string>
#include <vector>

namespace huike {

// f(x, gradient) → value; fills gradient (same size as x). Non-finite values are
// treated as "outside the feasible region" by the line search.
using Objective = std::function<double(const std::vector<double>& x, std::vector<double>& gradient)>;

struct OptimizerOptions {
  int max_iterations = 400;
  double gradient_tolerance = 1e-9;   // target on max |projected gradient|
  double accept_tolerance = 1e-6;     // still "converged" if progress stalls below this
  double max_step = 2.0;              // largest change of one coordinate per step
  int restarts = 3;                   // fresh quasi-Newton restarts after a stall
  int max_evaluations = 1 << 30;      // of f, in all
  bool stop_at_bound = false;         // stop once a coordinate reaches its bound (no interior optimum there)
};

struct OptimizerResult {
  std::vector<double> x;
  double value = 0;
  double gradient_norm = 0;    // max |projected gradient| at x
  bool converged = false;      // gradient_norm ≤ tolerance and no coordinate at a bound
  std::vector<bool> at_bound;  // coordinates that ended on their bound
  int iterations = 0;
  int evaluations = 0;
  std::string message;
};

// Minimises f over the box lower ≤ x ≤ upper with projected BFGS (inverse-Hessian
// updates, backtracking Armijo line search, bound-active coordinates held fixed),
// restarting from the best point when it stalls. Callers pass well-scaled
// coordinates (e.g. log-parameters, a mean rather than a sum).
OptimizerResult minimize_bounded(const Objective& f, std::vector<double> x0, const std::vector<double>& lower,
                                 const std::vector<double>& upper, const OptimizerOptions& options = {});

// Hessian by central differences of the analytic gradient (symmetrised).
std::vector<std::vector<double>> numeric_hessian(const Objective& f, const std::vector<double>& x, double step);

// Inverse of a symmetric positive-definite matrix (Cholesky); false if not positive definite.
bool invert_spd(std::vector<std::vector<double>> matrix, std::vector<std::vector<double>>& inverse);

// Standard errors of the parameters θ at the optimum x (log-parameters) of `mean_objective`,
// a mean negative log-likelihood over `weight` customers: Var(θ) = D H⁻¹ D with H the
// Hessian of the total in log-parameters and D = diag(θ) (the gradient vanishes there).
// Leaves `errors` untouched when H is not positive definite.
void log_parameter_standard_errors(const Objective& mean_objective, const std::vector<double>& x, double weight,
                                   const double* theta, double* errors);

}  // namespace huike
