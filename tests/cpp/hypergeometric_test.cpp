#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "analysis/predictive/hypergeometric.h"

namespace huike {
namespace {

struct Case {
  double a, b, c, z, expected;
};

// Reference values computed with mpmath 1.3 (hyp2f1 at 40 digits). Chosen for the hard
// corners: z near 1 (integer and non-integer c − a − b), z very negative, large
// parameters, the parameter sets the BG/NBD expectation uses (a + b − 1 − r, a − 1;
// a + b + x − 1) for small and large x, negative c, terminating series.
const std::vector<Case> kReference = {
    {1, 1, 2, 0.3, 1.1889164797957745875},
    {1, 1, 2, 0.5, 1.3862943611198906188},
    {1, 1, 2, 0.9, 2.5584278811044953881},
    {1, 1, 2, 0.99, 4.6516870565536267891},
    {1, 1, 2, 0.999999, 13.815524373459892297},
    {1, 1, 2, -0.5, 0.81093021621632876396},
    {1, 1, 2, -10, 0.23978952727983705441},
    {1, 1, 2, -1000, 0.0069087547793152205852},
    {2.5, 3.3, 3.3, 0.95, 1788.8543819998277851},
    {0.5, 0.5, 1.5, 0.81, 1.2441883499984824642},
    {1, 1, 3, 0.97, 1.8382469190783303301},
    {1.5, 2, 3.5, 0.999, 19.921754297725048115},
    {0.3, 0.7, 1.0, 0.9, 1.5295042158423403834},
    {0.3, 0.7, 1.0, 0.999999, 4.476599516555332193},
    {200.24, 202.43, 401.2, 0.6, 4.8390349545848175207e+35},
    {50, 60, 120.5, 0.95, 33602439452993860426.0},
    {-0.2, 1000.3, 1100.7, 0.99, 0.63096827352258899824},
    {1.5, -0.2, 1000, 0.9, 0.99972975678356272174},
    {10000.3, -0.2, 10003.1, 0.9, 0.63127481483932545384},
    {1.976, -0.207, 0.219, 0.999, -29572.91741132566776},
    {1.976, -0.207, 1.219, 0.999, -10.984747544522649924},
    {1.976, -0.207, 50.219, 0.999, 0.99166679075786229574},
    {1.976, -0.207, 500.219, 0.5, 0.99959066466846102997},
    {1.976, -0.207, 0.219, 0.6, -1.9393163583816279356},
    {1.5, 2.5, 3.7, -0.7, 0.57165100815071003419},
    {0.3, 4.2, 1.9, -50, 0.22713281655168485956},
    {2, 3, 5, -1000000.0, 5.9997044272252504533e-12},
    {0.5, 0.7, 2.20000000001, 0.9, 1.2622971429521201539},
    {1.2, 0.8, -2.5, 0.3, 0.14803844215770107116},
    {1.2, 0.8, -2.5, 0.9, -225211.82081672866915},
    {-3, 2.5, 1.5, 0.7, -0.099000000000000017319},
    {-3, 2.5, 1.5, -4, 325.0},
    {2, 2, 3, 0.9, 16.536826930878903664},
    {0.3, 0.4, 1.5, 1, 1.1811918510948157747},
    {3.5, -1.5, 2.25, 0.98, -0.041962250165098577526},
    {20.5, 30.25, 5.5, 0.2, 26083814.444876473473},
    {0.1, 0.2, 0.3, 0.9999, 1.6280649772509280667},
    {100.5, 0.5, 2.5, 0.7, 5.0013398582639273799e+47},
    {-50.5, 2.5, 1.5, 0.3, -2.0206022595483896309e-7},
};

double relative_error(double got, double expected) {
  return std::abs(got - expected) / std::max(std::abs(expected), 1e-300);
}

TEST(Hyp2f1, MatchesHighPrecisionReference) {
  for (const Case& k : kReference) {
    const double got = hyp2f1(k.a, k.b, k.c, k.z);
    EXPECT_LT(relative_error(got, k.expected), 1e-11)
        << "2F1(" << k.a << ", " << k.b << "; " << k.c << "; " << k.z << ") = " << got
        << ", expected " << k.expected;
  }
}

TEST(Hyp2f1, LogarithmClosedForm) {
  // 2F1(1, 1; 2; z) = −ln(1 − z) / z: c − a − b = 0, the logarithmic case at z → 1.
  for (double z : {1e-9, 0.1, 0.5, 0.75, 0.9, 0.999, 1 - 1e-9, 1 - 1e-14, -1e-3, -0.9, -7.0, -1e8}) {
    const double expected = -std::log1p(-z) / z;
    EXPECT_LT(relative_error(hyp2f1(1, 1, 2, z), expected), 1e-12) << "z = " << z;
  }
}

TEST(Hyp2f1, PowerClosedForm) {
  // 2F1(a, b; b; z) = (1 − z)^−a, also for large a and z close to 1 or very negative.
  for (double a : {0.37, 2.5, 17.25, 120.0}) {
    for (double b : {0.6, 3.3, 250.5}) {
      for (double z : {-20.0, -0.4, 0.3, 0.8, 0.99}) {
        const double expected = std::pow(1 - z, -a);
        EXPECT_LT(relative_error(hyp2f1(a, b, b, z), expected), 1e-12)
            << "a = " << a << " b = " << b << " z = " << z;
      }
    }
  }
}

TEST(Hyp2f1, TrigonometricClosedForms) {
  // 2F1(1/2, 1/2; 3/2; x²) = asin(x)/x and 2F1(1/2, 1; 3/2; −x²) = atan(x)/x.
  for (double x : {0.1, 0.7, 0.95, 0.9999}) {
    EXPECT_LT(relative_error(hyp2f1(0.5, 0.5, 1.5, x * x), std::asin(x) / x), 1e-12) << x;
  }
  for (double x : {0.1, 1.0, 30.0, 1e4}) {
    EXPECT_LT(relative_error(hyp2f1(0.5, 1, 1.5, -x * x), std::atan(x) / x), 1e-12) << x;
  }
}

TEST(Hyp2f1, IntegerGapClosedForm) {
  // 2F1(1, 1; 3; z) = 2[(1 − z) ln(1 − z) + z] / z² (c − a − b = 1, A&S 15.3.11).
  for (double z : {0.2, 0.6, 0.9, 0.999, 1 - 1e-10}) {
    const double expected = 2 * ((1 - z) * std::log1p(-z) + z) / (z * z);
    EXPECT_LT(relative_error(hyp2f1(1, 1, 3, z), expected), 1e-11) << z;
  }
  // 2F1(2, 2; 3; z) = (1 − z)^−1 2F1(1, 1; 3; z) (c − a − b = −1).
  const double z = 0.95;
  EXPECT_LT(relative_error(hyp2f1(2, 2, 3, z), 2 * ((1 - z) * std::log1p(-z) + z) / (z * z) / (1 - z)),
            1e-11);
}

TEST(Hyp2f1, EdgesAndDomain) {
  EXPECT_EQ(hyp2f1(3.2, 1.1, 2.0, 0.0), 1.0);
  EXPECT_EQ(hyp2f1(0.0, 1.1, 2.0, 0.7), 1.0);
  // Polynomial: 2F1(−2, b; c; z) = 1 − 2bz/c + b(b+1)z²/(c(c+1)).
  const double b = 1.7, c = 0.4, z = -3.5;
  EXPECT_NEAR(hyp2f1(-2, b, c, z), 1 - 2 * b * z / c + b * (b + 1) * z * z / (c * (c + 1)), 1e-12);
  // Gauss's sum at z = 1 when c − a − b > 0: 2F1(1, 1; 3; 1) = Γ(3)Γ(1)/(Γ(2)Γ(2)) = 2.
  EXPECT_NEAR(hyp2f1(1, 1, 3, 1), 2.0, 1e-14);
  EXPECT_TRUE(std::isnan(hyp2f1(1, 1, 2, 1)));    // diverges
  EXPECT_TRUE(std::isnan(hyp2f1(1, 1, 2, 1.5)));  // complex
  EXPECT_TRUE(std::isnan(hyp2f1(1, 1, -2, 0.5))); // pole in c
  EXPECT_FALSE(std::isnan(hyp2f1(-1, 1, -2, 0.5)));  // terminates before the pole
  EXPECT_NEAR(hyp2f1(-1, 1, -2, 0.5), 1 + 0.5 * (-1.0) / (-2.0), 1e-15);
}

TEST(Digamma, KnownValues) {
  // mpmath 1.3 digamma at 40 digits; includes the reflection branch for x < 0.5.
  const std::vector<std::pair<double, double>> reference = {
    {1e-08, -100000000.57721564636},
    {0.25, -4.2274535333762654081},
    {1, -0.57721566490153286061},
    {1.5, 0.036489973978576520559},
    {7.3, 1.9178203356379860723},
    {1000.5, 6.9077553206487964271},
    {-0.5, 0.036489973978576520559},
    {-3.7, -0.84507685887041935462},
    {-1000.25, 10.050097693066705875},
  };
  for (const auto& [x, expected] : reference) {
    EXPECT_LT(relative_error(digamma(x), expected), 1e-13) << "x = " << x;
  }
  EXPECT_TRUE(std::isnan(digamma(0.0)));
  EXPECT_TRUE(std::isnan(digamma(-3.0)));
}

}  // namespace
}  // namespace huike
