#include <doctest/doctest.h>

#include "results/reports/svg_charts.hpp"
#include "tests/results/reports/report_sample.hpp"

using namespace ds::results;

namespace {
size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}
}  // namespace

TEST_CASE("the heatmap has a cell per pair, a dendrogram link per merge, the reference outlined") {
  const ReportData d = test::sample_report();
  const std::string svg = svg_lineage_heatmap(*d.lineage, true);
  CHECK(count(svg, "<rect x=") - 10 == 9);  // 10 legend swatches
  CHECK(count(svg, "<path d=") == 2);
  CHECK(count(svg, "class=\"ref\"") == 2);
  CHECK(count(svg, "class=\"simmark\"") == 2);
  CHECK(svg.find("<title>sim-a × sim-b: 0.800 (related)</title>") != std::string::npos);
  // Rows follow the dendrogram order: the pair that merges first is adjacent.
  CHECK(svg.find("sim-a  (reference)") != std::string::npos);
}

TEST_CASE("the profile chart draws an interval per scored dimension and says unscored otherwise") {
  const ReportData d = test::sample_report();
  const std::string svg = svg_profile_chart(d.models);
  CHECK(count(svg, "<g class=\"model\"") == 3);
  CHECK(count(svg, "class=\"ci\"") == 3 * 4);  // math, creativity, philosophy and the gap
  CHECK(count(svg, ">unscored<") == 3);         // coding
  CHECK(svg.find("sim-a (simulated)") != std::string::npos);
}

TEST_CASE("the detection strip shows each candidate, the null, the threshold and the verdict words") {
  const ReportData d = test::sample_report();
  const std::string svg = svg_detection_strip(*d.detection);
  CHECK(count(svg, "<g class=\"candidate\"") == 2);
  CHECK(svg.find("class=\"null\"") != std::string::npos);
  CHECK(svg.find("class=\"threshold\"") != std::string::npos);
  CHECK(svg.find(">distilled<") != std::string::npos);
  CHECK(svg.find(">not detected<") != std::string::npos);
  CHECK(svg.find("Holm across the candidates") != std::string::npos);
}
