#pragma once

namespace huike {

// ψ(x) = d/dx ln Γ(x); NaN at the poles (0, −1, −2, …).
double digamma(double x);

// Gauss hypergeometric function 2F1(a, b; c; z) for real parameters and real z ≤ 1.
// Chooses per call between the power series, the Euler and Pfaff transformations
// (z < 0 is mapped into (0, 1)) and the 1 − z expansions (Abramowitz & Stegun
// 15.3.6, and 15.3.10/15.3.11 when c − a − b is an integer), keeping whichever has
// the smallest error estimate. On 0 ≤ z < 1 the relative error stays below about
// 1e-12 (3,000 random cases against mpmath, parameters up to 120); c − a − b within
// 1e-9 of an integer is treated as that integer. For z < 0 with large a and b and a
// small c the terms cancel and digits are lost. Returns NaN for z > 1, for c a pole
// (0, −1, …) that no numerator cancels, at z = 1 when c − a − b ≤ 0 (divergent), and
// when the best error estimate is worse than 1e-6.
double hyp2f1(double a, double b, double c, double z);
// The same with 1 − z given by the caller, for z near 1 where 1 − z is known more exactly.
double hyp2f1(double a, double b, double c, double z, double one_minus_z);

}  // namespace huike
