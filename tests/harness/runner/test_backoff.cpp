#include <doctest/doctest.h>

#include "harness/runner/backoff.hpp"

using namespace ds::harness;

TEST_CASE("Go durations from x-ratelimit-reset headers") {
  CHECK(parse_duration_seconds("1s") == doctest::Approx(1.0));
  CHECK(parse_duration_seconds("6m0s") == doctest::Approx(360.0));
  CHECK(parse_duration_seconds("20ms") == doctest::Approx(0.02));
  CHECK(parse_duration_seconds("1h2m3.5s") == doctest::Approx(3723.5));
  CHECK(parse_duration_seconds("250us") == doctest::Approx(0.00025));
  CHECK(parse_duration_seconds(" 2.5 ") == doctest::Approx(2.5));
  CHECK_FALSE(parse_duration_seconds("").has_value());
  CHECK_FALSE(parse_duration_seconds("soon").has_value());
  CHECK_FALSE(parse_duration_seconds("5x").has_value());
  CHECK_FALSE(parse_duration_seconds("-1s").has_value());
  CHECK_FALSE(parse_duration_seconds("s").has_value());
}

TEST_CASE("Retry-After as seconds or HTTP date") {
  CHECK(parse_retry_after("3", 0) == doctest::Approx(3.0));
  CHECK(parse_retry_after("0.5", 0) == doctest::Approx(0.5));
  // Sun, 06 Nov 1994 08:49:37 GMT is 784111777 seconds after the epoch.
  CHECK(parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", 784111777 - 30) == doctest::Approx(30));
  CHECK(parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", 784111777 + 30) == doctest::Approx(0));
  CHECK_FALSE(parse_retry_after("whenever", 0).has_value());
}

TEST_CASE("server hint: retry-after-ms first, then Retry-After, then the exhausted reset") {
  using H = std::map<std::string, std::string>;
  CHECK(server_retry_delay(H{{"retry-after-ms", "250"}, {"retry-after", "9"}}, 0, true) ==
        doctest::Approx(0.25));
  CHECK(server_retry_delay(H{{"retry-after", "2"}}, 0, false) == doctest::Approx(2));
  const H resets = {{"x-ratelimit-reset-requests", "1s"}, {"x-ratelimit-reset-tokens", "6m0s"}};
  CHECK(server_retry_delay(resets, 0, true) == doctest::Approx(360));  // unknown which: longer
  H requests_out = resets;
  requests_out["x-ratelimit-remaining-requests"] = "0";
  requests_out["x-ratelimit-remaining-tokens"] = "5000";
  CHECK(server_retry_delay(requests_out, 0, true) == doctest::Approx(1));
  // Reset headers come with every reply: they do not delay a retry after a 500.
  CHECK_FALSE(server_retry_delay(resets, 0, false).has_value());
  CHECK_FALSE(server_retry_delay(H{}, 0, true).has_value());
  CHECK(server_retry_delay(H{{"retry-after", "86400"}}, 0, true) == doctest::Approx(600));
}

TEST_CASE("full jitter stays within [0, min(cap, base*2^retry)) and spreads out") {
  std::mt19937_64 rng(1);
  for (int retry = 0; retry < 12; ++retry) {
    const double ceiling = std::min(8.0, 0.5 * (1 << retry));
    double lo = 1e9, hi = 0;
    for (int i = 0; i < 200; ++i) {
      const double d = full_jitter_delay(retry, 0.5, 8.0, rng);
      CHECK(d >= 0);
      CHECK(d < ceiling);
      lo = std::min(lo, d);
      hi = std::max(hi, d);
    }
    CHECK(hi - lo > ceiling * 0.5);  // not a constant
  }
}

TEST_CASE("a server hint is honoured: never shorter, at most 10% longer") {
  std::mt19937_64 rng(2);
  for (int i = 0; i < 100; ++i) {
    const double d = retry_delay(0, 2.0, 0.5, 60, rng);
    CHECK(d >= 2.0);
    CHECK(d <= 2.2);
  }
}
