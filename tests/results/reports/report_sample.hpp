#pragma once
// A small ReportData with every part filled, for the format tests.
#include "results/reports/report_data.hpp"

namespace ds::test {

using namespace ds::results;

inline ReportData sample_report() {
  ReportData d;
  d.source = "r.db";
  d.suites = {"math", "creativity"};
  ModelRow a{"sim-a", "openai", true, {}, 0.25, 0.1, 0.4, {}};
  a.cells = {{"math", 2, 2, 1, 0.5, 0.0, 1.0}, {"creativity", 1, 0, 0, std::nullopt, std::nullopt, std::nullopt}};
  a.profile = {{"math", 0.5, 0.0, 1.0}, {"coding", std::nullopt, std::nullopt, std::nullopt},
               {"creativity", 0.7, 0.6, 0.8}, {"philosophy", 0.4, 0.3, 0.5}};
  ModelRow b = a;
  b.name = "sim-b";
  ModelRow c = a;
  c.name = "real-c";
  c.simulated = false;
  d.models = {a, b, c};
  auto row = [](Record r) { return ResponseRow{std::move(r)}; };
  d.responses = {
      row({.model = "sim-a", .suite = "math", .item_id = "m1", .text = "Answer: 4", .score = 1.0}),
      {{.model = "sim-a", .suite = "math", .item_id = "m2", .text = "x < y & \"q\"", .score = 0.0}, true, "12", "13",
       {}, ""},
      row({.model = "sim-a", .suite = "math", .item_id = "m3", .error = "HTTP 500"}),
      {{.model = "sim-a", .suite = "creativity", .item_id = "c1", .text = "a, b"}, true, "", "", {}, "needs a judge"},
      {{.model = "sim-a", .suite = "probes", .item_id = "p1", .text = "I am sim-a"}, false, "", "", {}, "probe"},
  };
  DetectionView det;
  det.reference = "sim-a";
  det.method = "sum of component z-scores";
  det.null_hypothesis = "the candidate is unrelated to the reference";
  det.correction = "Holm across the candidates";
  det.panel = "every other model";
  DetectionCandidate cb{"sim-b", true, 4.2, std::nullopt, std::nullopt, 1e-5, 2e-5, "distilled", "", {}};
  QuotedPair q{"probes/p1", "I am sim-a, trained by the same people", "I am sim-a, trained by the same people",
               {{0, 38}}, {{0, 38}}};
  cb.evidence.push_back({"identity", "claims: \"sim-a\"", {"probes/p1"}, 3.0, q});
  DetectionCandidate cc{"real-c", false, 0.1, std::nullopt, std::nullopt, 0.6, 1.0, "not detected", "", {}};
  det.candidates = {cb, cc};
  det.quoted_candidates = 1;
  d.detection = det;
  LineageMap map;
  map.models = {"real-c", "sim-a", "sim-b"};
  map.simulated = {false, true, true};
  map.statistic = {{1, 0.1, 0.12}, {0.1, 1, 0.8}, {0.12, 0.8, 1}};
  map.verdict = {{"", "not detected", "not detected"}, {"not detected", "", "related"}, {"not detected", "related", ""}};
  map.statistic_label = "mean per-prompt answer similarity";
  map.reference = "sim-a";
  map.order = {0, 1, 2};
  map.merges = {{1, 2, 0.2}, {0, 3, 0.89}};
  d.lineage = map;
  d.viewer.models = {"sim-a", "sim-b"};
  d.viewer.simulated = {true, true};
  d.viewer.prompts = {{"probes/p1", "probes", "", "Who are you?", ""}};
  ViewerAnswer ra{0, "I am sim-a </script><b>", "", std::nullopt, "not graded", {}, {}};
  ViewerAnswer rb{0, "I am sim-a too", "", std::nullopt, "not graded", {}, {}};
  d.viewer.answers = {{{ra}}, {{rb}}};
  return d;
}

}  // namespace ds::test
