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
  // A detection as the detector returns it (scorers/lineage/detect_result.hpp).
  namespace L = ds::scorers::lineage;
  L::DetectResult r;
  r.reference = {"sim-a"};
  r.reference_label = "sim-a";
  r.components = {"pair", "identity"};
  r.method = "sum of component z-scores";
  r.null_hypothesis = "the candidate is unrelated to the reference";
  r.correction_note = "Holm across 2 candidates";
  r.family_size = 2;
  r.panel = {"real-c", "sim-b"};
  r.panel_source = "default: every other model";
  r.scope_note = "related beyond the panel";
  L::CandidateResult cb;
  cb.model = "sim-b";
  cb.closest_reference = "sim-a";
  cb.z = 4.2;
  cb.z_interval = {4.2, 3.1, 5.3};
  cb.p_value = 1e-5;
  cb.p_adjusted = 2e-5;
  cb.verdict = L::Verdict::Distilled;
  cb.null_kind = L::NullKind::Parametric;
  cb.null_description = "parametric: a t with 3 df";
  cb.panel_size = 1;
  cb.detectable_z = 2.5;
  L::Evidence identity;
  identity.kind = "identity";
  identity.detail = "claims R's identity";
  identity.prompt_ids = {"probes/p1"};
  identity.statistic = 3.0;
  identity.quote = "I am sim-a, trained by the same people";
  identity.reference_quote = "I am sim-a, trained by the same people";
  cb.evidence = {identity};
  L::CandidateResult cc;
  cc.model = "real-c";
  cc.closest_reference = "sim-a";
  cc.z = 0.1;
  cc.p_value = 0.6;
  cc.p_adjusted = 1.0;
  cc.verdict = L::Verdict::NotDetected;
  cc.null_kind = L::NullKind::Parametric;
  cc.detectable_z = 2.6;
  r.candidates = {cb, cc};
  DetectionView det;
  det.result = r;
  det.simulated = {true, false};
  QuotedPair q{"probes/p1", "I am sim-a, trained by the same people", "I am sim-a, trained by the same people",
               {{0, 38}}, {{0, 38}}};
  det.quotes = {{q}, {}};
  det.quoted_candidates = 1;
  d.detection = det;
  LineageMap map;
  map.models = {"real-c", "sim-a", "sim-b"};
  map.simulated = {false, true, true};
  map.statistic = {{1, 0.1, 0.12}, {0.1, 1, 0.8}, {0.12, 0.8, 1}};
  map.verdict = {{"", "not detected", "not detected"}, {"not detected", "", "related"}, {"not detected", "related", ""}};
  map.statistic_label = "mean per-prompt answer similarity";
  map.reference = {"sim-a"};
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
