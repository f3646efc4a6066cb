#include <doctest/doctest.h>

#include "core/errors.hpp"
#include "harness/pipeline/gates.hpp"

using namespace ds::harness;

TEST_CASE("gates parse and reject malformed text") {
  CHECK(parse_gate("math<0.8").suite == "math");
  CHECK(parse_gate("math<0.8").threshold == doctest::Approx(0.8));
  CHECK(parse_gate("distilled").distilled);
  CHECK_THROWS_AS(parse_gate("math>0.8"), InputError);
  CHECK_THROWS_AS(parse_gate("math<high"), InputError);
  CHECK_THROWS_AS(parse_gate("<0.3"), InputError);
}

namespace {
SuiteSummary scored(double mean) {
  SuiteSummary s;
  s.score.interval = Interval{mean, mean, mean};
  s.score.items = 1;
  return s;
}
}  // namespace

TEST_CASE("suite gates fail below the threshold and on unscored suites") {
  Summary summary;
  summary.models["a"].suites["math"] = scored(0.9);
  summary.models["a"].suites["creativity"] = SuiteSummary{};  // answered, nothing scored
  summary.models["b"].suites["math"] = scored(0.5);
  CHECK(evaluate_gates({parse_gate("math<0.4")}, summary, nullptr).empty());
  const auto fails = evaluate_gates({parse_gate("math<0.6")}, summary, nullptr);
  REQUIRE(fails.size() == 1);
  CHECK(fails[0].find("b: math mean 0.500") == 0);
  CHECK(evaluate_gates({parse_gate("creativity<0.1")}, summary, nullptr).size() == 1);
}

TEST_CASE("the distilled gate fails on a distilled verdict and without a detection") {
  lineage::DetectResult detection;
  detection.reference = "t";
  detection.candidates.push_back({.model = "s", .p_adjusted = 0.001, .verdict = "distilled"});
  detection.candidates.push_back({.model = "i", .verdict = "independent"});
  const Summary none;
  CHECK(evaluate_gates({parse_gate("distilled")}, none, &detection).size() == 1);
  CHECK(evaluate_gates({parse_gate("distilled")}, none, nullptr).size() == 1);
  detection.candidates[0].verdict = "inconclusive";
  CHECK(evaluate_gates({parse_gate("distilled")}, none, &detection).empty());
}
