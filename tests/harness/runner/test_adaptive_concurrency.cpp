#include <doctest/doctest.h>

#include "harness/runner/adaptive_concurrency.hpp"

using namespace ds::harness;

TEST_CASE("halves on 429, once per burst") {
  AdaptiveConcurrency c(64);
  CHECK(c.limit() == 64);
  c.on_rate_limited(/*started*/ 1.0, /*now*/ 2.0);
  CHECK(c.limit() == 32);
  // More 429s answering requests sent before the cut do not cut again.
  c.on_rate_limited(1.5, 2.1);
  c.on_rate_limited(1.9, 2.2);
  CHECK(c.limit() == 32);
  // A request sent under the new limit that is still refused cuts again.
  c.on_rate_limited(2.5, 3.0);
  CHECK(c.limit() == 16);
  for (int i = 0; i < 10; ++i) c.on_rate_limited(10.0 + i, 10.0 + i);
  CHECK(c.limit() == 1);  // never below one
}

TEST_CASE("grows by one per window of successes, up to the maximum") {
  AdaptiveConcurrency c(8);
  c.on_rate_limited(0, 0);
  c.on_rate_limited(1, 1);
  CHECK(c.limit() == 2);
  c.on_success();
  CHECK(c.limit() == 2);
  c.on_success();
  CHECK(c.limit() == 3);
  for (int i = 0; i < 3; ++i) c.on_success();
  CHECK(c.limit() == 4);
  for (int i = 0; i < 1000; ++i) c.on_success();
  CHECK(c.limit() == 8);
}
