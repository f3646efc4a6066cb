#include <doctest/doctest.h>

#include "harness/runner/token_bucket.hpp"

using namespace ds::harness;

TEST_CASE("unlimited bucket never waits") {
  TokenBucket b(0);
  CHECK(b.unlimited());
  for (int i = 0; i < 1000; ++i) CHECK(b.try_take(1e6, 0));
}

TEST_CASE("60 per minute: a burst of ten seconds' worth, then one a second") {
  TokenBucket b(60, 0);
  int taken = 0;
  while (b.try_take(1, 0)) ++taken;
  CHECK(taken == 10);
  CHECK(b.seconds_until(1, 0) == doctest::Approx(1.0));
  CHECK_FALSE(b.try_take(1, 0.5));
  CHECK(b.try_take(1, 1.0));
  CHECK_FALSE(b.try_take(1, 1.0));
  // Over a long stretch the rate is the configured one.
  int later = 0;
  for (double t = 1.0; t <= 61.0; t += 0.01) {
    if (b.try_take(1, t)) ++later;
  }
  CHECK(later == doctest::Approx(60).epsilon(0.05));
}

TEST_CASE("a cost above the capacity passes once the bucket is full, leaving a debt") {
  TokenBucket b(600, 0);  // capacity 100
  CHECK(b.try_take(250, 0));
  CHECK(b.available(0) == doctest::Approx(-150));
  CHECK(b.seconds_until(1, 0) == doctest::Approx(15.1));  // 151 tokens at 10/s
  CHECK(b.try_take(1, 15.1));
}

TEST_CASE("adjust returns an overestimate") {
  TokenBucket b(600, 0);
  CHECK(b.try_take(100, 0));
  b.adjust(40);
  CHECK(b.available(0) == doctest::Approx(40));
  b.adjust(1000);
  CHECK(b.available(0) == doctest::Approx(100));  // never above capacity
}
