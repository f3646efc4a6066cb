#include <doctest/doctest.h>

#include "harness/core/errors.hpp"
#include "harness/pipeline/gates.hpp"

using namespace ds;

TEST_CASE("gates parse and reject malformed text") {
  CHECK(parse_gate("math<0.8").suite == "math");
  CHECK(parse_gate("math<0.8").threshold == doctest::Approx(0.8));
  CHECK(parse_gate("distilled").distilled);
  CHECK_THROWS_AS(parse_gate("math>0.8"), InputError);
  CHECK_THROWS_AS(parse_gate("math<high"), InputError);
  CHECK_THROWS_AS(parse_gate("<0.3"), InputError);
}

TEST_CASE("suite gates fail below the threshold and on unscored suites") {
  const json summary = {{"models",
                         {{"a", {{"suites", {{"math", {{"mean", 0.9}}}, {"creativity", {{"mean", nullptr}}}}}}},
                          {"b", {{"suites", {{"math", {{"mean", 0.5}}}}}}}}}};
  CHECK(evaluate_gates({parse_gate("math<0.4")}, summary, nullptr).empty());
  const auto fails = evaluate_gates({parse_gate("math<0.6")}, summary, nullptr);
  REQUIRE(fails.size() == 1);
  CHECK(fails[0].find("b: math mean 0.500") == 0);
  CHECK(evaluate_gates({parse_gate("creativity<0.1")}, summary, nullptr).size() == 1);
}

TEST_CASE("the distilled gate fails on a distilled verdict and without a detection") {
  const json detection = {{"reference", "t"},
                          {"candidates", {{{"model", "s"}, {"verdict", "distilled"}, {"p_adjusted", 0.001}},
                                          {{"model", "i"}, {"verdict", "independent"}}}}};
  CHECK(evaluate_gates({parse_gate("distilled")}, json::object(), detection).size() == 1);
  CHECK(evaluate_gates({parse_gate("distilled")}, json::object(), nullptr).size() == 1);
  json clean = detection;
  clean["candidates"][0]["verdict"] = "inconclusive";
  CHECK(evaluate_gates({parse_gate("distilled")}, json::object(), clean).empty());
}
