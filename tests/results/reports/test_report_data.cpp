#include <doctest/doctest.h>

#include "core/json.hpp"
#include "results/reports/format_json.hpp"
#include "results/reports/report_data.hpp"

using namespace ds::results;

TEST_CASE("a suite with too few items scored is shown as insufficient, not as a number") {
  SuiteCell cell;
  cell.suite = "creativity";
  cell.responses = 62;
  cell.scored = 20;
  cell.asked = 62;
  cell.insufficient = true;
  CHECK(format_score_with_ci(cell) == "insufficient (20 of 62 items)");
  ReportData d;
  d.suites = {"creativity"};
  ModelRow m;
  m.name = "judgeless";
  m.cells = {cell};
  d.models = {m};
  const auto j = ds::core::json::parse(format_json(d));
  const auto& c = j["models"][0]["scores"]["creativity"];
  CHECK(c["mean"] == "insufficient");
  CHECK(c["asked"] == 62);
  CHECK(c["scored"] == 20);
}
