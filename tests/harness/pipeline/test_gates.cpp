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

TEST_CASE("the distilled gate fails on a distilled verdict, on insufficient evidence, and without a detection") {
  lineage::DetectResult detection;
  detection.reference = {"t"};
  detection.reference_label = "t";
  lineage::CandidateResult student, other;
  student.model = "s";
  student.closest_reference = "t";
  student.verdict = lineage::Verdict::Distilled;
  student.p_adjusted = 0.001;
  other.model = "i";
  other.verdict = lineage::Verdict::NotDetected;
  detection.candidates = {student, other};
  const Summary none;
  CHECK(evaluate_gates({parse_gate("distilled")}, none, &detection).size() == 1);
  CHECK(evaluate_gates({parse_gate("distilled")}, none, nullptr).size() == 1);
  detection.candidates[0].verdict = lineage::Verdict::NotDetected;
  CHECK(evaluate_gates({parse_gate("distilled")}, none, &detection).empty());
  detection.candidates[0].verdict = lineage::Verdict::InsufficientEvidence;
  detection.candidates[0].insufficient_reason = "the panel has 1 model";
  const auto fails = evaluate_gates({parse_gate("distilled")}, none, &detection);
  REQUIRE(fails.size() == 1);
  CHECK(fails[0].find("the panel has 1 model") != std::string::npos);
  CHECK(evaluate_gates({parse_gate("distilled")}, none, &detection, true).empty());
}

TEST_CASE("gates are checked before the run: suites of the run, a reference for 'distilled'") {
  CHECK(parse_gate(" math < 0.8 ").suite == "math");
  CHECK(parse_gate("math < 0.8").threshold == doctest::Approx(0.8));
  CHECK(check_gates({"math<0.5", "coding < 0.2"}, {"coding", "math"}, false).size() == 2);
  CHECK_THROWS_WITH_AS(check_gates({"mth<0.9"}, {"coding", "math"}, false),
                       doctest::Contains("'mth' is not a suite of this run (suites: coding, math)"), InputError);
  CHECK_THROWS_WITH_AS(check_gates({"distilled"}, {"math"}, false), doctest::Contains("--reference"), InputError);
  CHECK(check_gates({"distilled"}, {"math"}, true).front().distilled);
  CHECK_THROWS_AS(check_gates({"math<"}, {"math"}, false), InputError);
}
