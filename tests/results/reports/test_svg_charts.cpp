#include <doctest/doctest.h>

#include "results/reports/svg_charts.hpp"
#include "tests/results/reports/report_sample.hpp"

using namespace ds::results;
namespace test = ds::test;

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

TEST_CASE("the detection forest plot shows each candidate's z, its interval, its threshold and the verdict words") {
  const ReportData d = test::sample_report();
  const std::string svg = svg_detection_strip(*d.detection);
  CHECK(count(svg, "<g class=\"candidate\"") == 2);
  CHECK(count(svg, "class=\"threshold\"") == 2);  // each candidate's detectable z
  CHECK(count(svg, "class=\"ci\"") == 1);         // only sim-b has a bootstrap interval
  CHECK(count(svg, "<circle class=\"distilled\"") == 1);
  CHECK(count(svg, "<circle class=\"not-detected\"") == 1);
  CHECK(svg.find(">distilled<") != std::string::npos);
  CHECK(svg.find(">not detected<") != std::string::npos);
  CHECK(svg.find("(holm, 2 candidates)") != std::string::npos);
}

TEST_CASE("the forest plot puts a distilled candidate right of its threshold, as the verdict says") {
  const ReportData d = test::sample_report();
  const std::string svg = svg_detection_strip(*d.detection);
  // Row 0 is sim-b (z 4.2, threshold 2.5): the dot's cx exceeds the threshold's x.
  const size_t row = svg.find("<g class=\"candidate\" data-model=\"0\">");
  const auto attr = [&](const std::string& tag, const std::string& name) {
    const size_t at = svg.find(name + "=\"", svg.find(tag, row)) + name.size() + 2;
    return std::stod(svg.substr(at, svg.find('"', at) - at));
  };
  CHECK(attr("<circle", "cx") > attr("class=\"threshold\"", "x1"));
}
