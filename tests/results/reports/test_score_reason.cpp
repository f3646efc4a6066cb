#include <doctest/doctest.h>

#include "results/reports/score_reason.hpp"

using namespace ds::results;

TEST_CASE("a creativity answer scored 0 for not doing the task shows why") {
  const json details = {{"task", "constrained"}, {"zero", "off topic: uses none of the subject's words (sea, ocean)"}};
  const ScoreReason r = score_reason("creativity", json::object(), "", details, true);
  REQUIRE(r.failed_checks.size() == 1);
  CHECK(reason_line(r, 0.0).find("off topic: uses none of the subject's words") != std::string::npos);
}
