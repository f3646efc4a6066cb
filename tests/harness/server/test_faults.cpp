#include <doctest/doctest.h>

#include "core/errors.hpp"
#include "harness/server/faults.hpp"

using namespace ds::harness;
using namespace ds::harness::server;

TEST_CASE("token bucket: a burst, then one token per 1/rate seconds") {
  const auto t0 = TokenBucket::Clock::time_point{};
  TokenBucket bucket(10, 2, t0);
  double wait = 0;
  CHECK(bucket.try_take(t0, wait));
  CHECK(bucket.try_take(t0, wait));
  CHECK_FALSE(bucket.try_take(t0, wait));
  CHECK(wait == doctest::Approx(0.1));
  CHECK_FALSE(bucket.try_take(t0 + std::chrono::milliseconds(50), wait));
  CHECK(wait == doctest::Approx(0.05));
  CHECK(bucket.try_take(t0 + std::chrono::milliseconds(101), wait));
}

TEST_CASE("fault decisions depend on seed, body and attempt, and follow the rates") {
  FaultConfig c;
  c.error_rate = 0.3;
  c.seed = 5;
  FaultInjector a(c), b(c);
  int errors = 0;
  for (int i = 0; i < 1000; ++i) {
    const auto da = a.decide("body" + std::to_string(i));
    const auto db = b.decide("body" + std::to_string(i));
    CHECK(da.fault == db.fault);
    errors += da.fault == Fault::error;
  }
  CHECK(errors > 240);
  CHECK(errors < 360);
  // A retry of the same body is a fresh draw: not every body fails forever.
  int recovered = 0;
  for (int i = 0; i < 100; ++i)
    if (a.decide("x" + std::to_string(i)).fault == Fault::error) recovered += a.decide("x" + std::to_string(i)).fault == Fault::none;
  CHECK(recovered > 10);
  FaultConfig all;
  all.drop_rate = 1.0;
  CHECK(FaultInjector(all).decide("q").fault == Fault::drop);
}

TEST_CASE("latency and rate-limit flags parse, and bad values are InputErrors") {
  FaultConfig c;
  parse_latency("50,10", c);
  CHECK(c.latency_mean_ms == 50);
  CHECK(c.latency_jitter_ms == 10);
  parse_latency("20", c);
  CHECK(c.latency_jitter_ms == 0);
  CHECK_THROWS_AS(parse_latency("fast", c), InputError);
  CHECK(parse_rate_limit("20/s") == 20);
  CHECK(parse_rate_limit("120/m") == doctest::Approx(2));
  CHECK(parse_rate_limit("5") == 5);
  CHECK_THROWS_AS(parse_rate_limit("5/h"), InputError);
  FaultConfig jitter;
  jitter.latency_mean_ms = 50;
  jitter.latency_jitter_ms = 10;
  FaultInjector f(jitter);
  for (int i = 0; i < 50; ++i) {
    const double ms = f.decide(std::to_string(i)).latency_ms;
    CHECK(ms >= 40);
    CHECK(ms <= 60);
  }
}
