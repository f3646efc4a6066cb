// The power study's machinery: the null is calibrated (>= 500 null simulations), power grows
// with lambda and with samples per probe, and the sample-size advice is the smallest size
// that reaches the target. Seeded throughout (SplitMix64), so deterministic; the margins are
// several binomial standard deviations wide.
#include <doctest/doctest.h>

#include "scorers/lineage/probe_power.hpp"

using namespace ds::scorers::lineage;

namespace {
auto worlds(size_t panel, uint64_t base) {
  return [panel, base](size_t k) { return synthetic_probe_world({30, 50, panel}, base + k); };
}
}  // namespace

TEST_CASE("false-positive rate over 600 null simulations is at most the level") {
  // lambda = 0: the candidate is one more unrelated model. Expected <= 30 of 600 at alpha 0.05
  // (sd 5.3); 48 would be 3.4 sd above it.
  const auto fpr = estimate_probe_power(worlds(10, 9000), 0.0, 10, 600, 0.05, 1);
  MESSAGE("FPR " << fpr.rate() << " [" << fpr.interval.low << ", " << fpr.interval.high << "]");
  CHECK(fpr.simulations == 600);
  CHECK(fpr.detected <= 48);
  CHECK(fpr.interval.low <= fpr.rate());
  CHECK(fpr.interval.high >= fpr.rate());
}

TEST_CASE("power grows with the mixing weight and with samples per probe") {
  const auto at = [](double lambda, int samples) {
    return estimate_probe_power(worlds(10, 4000), lambda, samples, 150, 0.05, 2).rate();
  };
  const double weak = at(0.1, 5), mid = at(0.5, 5), full = at(1.0, 20);
  MESSAGE("power lambda 0.1/N 5: " << weak << ", 0.5/5: " << mid << ", 1.0/20: " << full);
  CHECK(full >= 0.95);
  CHECK(mid > weak + 0.2);
  CHECK(at(0.3, 20) > at(0.3, 2) + 0.2);
}

TEST_CASE("the sample-size advice is the smallest grid size that reaches the target") {
  const auto w = worlds(10, 7000);
  const auto advice = samples_for_power(w, 0.5, 0.8, 256, 150, 0.05, 3);
  REQUIRE(advice);
  MESSAGE("lambda 0.5: " << advice->samples << " samples, power " << advice->power.rate());
  CHECK(advice->power.rate() >= 0.8);
  if (advice->samples > 2)
    CHECK(estimate_probe_power(w, 0.5, advice->samples / 2, 150, 0.05, 3).rate() < 0.8);
  // A student that copies nothing cannot be detected at any size.
  CHECK_FALSE(samples_for_power(w, 0.0, 0.8, 16, 100, 0.05, 3));
}

TEST_CASE("worlds built from stored answers") {
  ProbeAnswers a;
  a.models = {"r", "p1", "p2", "p3"};
  a.prompts = {"probes/a", "probes/b"};
  a.answers = {{{"x", "x", "y"}, {"x", "z"}, {"z", "z"}, {"y"}}, {{"1"}, {"2"}, {}, {"1", "2"}}};
  const auto make = stored_probe_worlds(a, 0, {1, 2, 3});
  const ProbeWorld w0 = make(0), w1 = make(1);
  REQUIRE(w0.reference.size() == 2);
  CHECK(w0.panel.size() == 2);
  CHECK(w0.reference[0][0] == doctest::Approx(2.0 / 3));  // "x" twice of three
  CHECK(w0.candidate_own != w1.candidate_own);            // each panel model plays the student in turn
  CHECK(w1.candidate_own[1].empty());                     // p2 never answered prompt b
}
