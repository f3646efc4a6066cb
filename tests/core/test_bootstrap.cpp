#include <doctest/doctest.h>

#include "core/bootstrap.hpp"

using namespace ds::core;

TEST_CASE("bootstrap interval of a mean") {
  const auto constant = bootstrap_mean({0.5, 0.5, 0.5}, 1);
  CHECK(constant.mean == 0.5);
  CHECK(constant.low == 0.5);
  CHECK(constant.high == 0.5);

  std::vector<double> coin(100, 0.0);
  for (size_t i = 0; i < 60; ++i) coin[i] = 1.0;
  const auto ci = bootstrap_mean(coin, 42);
  CHECK(ci.mean == doctest::Approx(0.6));
  // The normal approximation: 0.6 ± 1.96·sqrt(0.24/100) = [0.504, 0.696].
  CHECK(ci.low == doctest::Approx(0.504).epsilon(0.04));
  CHECK(ci.high == doctest::Approx(0.696).epsilon(0.04));
  // Seeded: the same seed gives the same interval, fewer items a wider one.
  CHECK(bootstrap_mean(coin, 42).low == ci.low);
  const auto small = bootstrap_mean({1, 1, 1, 0, 0}, 42);
  CHECK(small.high - small.low > ci.high - ci.low);
  CHECK(bootstrap_seed("a/math") != bootstrap_seed("b/math"));
}
