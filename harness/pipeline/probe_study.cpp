#include "harness/pipeline/probe_study.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "core/errors.hpp"
#include "scorers/lineage/probe_distributions.hpp"
#include "scorers/lineage/probe_power.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

namespace {

using lineage::ProbeAnswers;

size_t median_size(std::vector<size_t> v) {
  if (v.empty()) return 0;
  std::nth_element(v.begin(), v.begin() + static_cast<long>(v.size() / 2), v.end());
  return v[v.size() / 2];
}

bool has_answers(const ProbeAnswers& a, size_t m) {
  for (const auto& row : a.answers)
    if (!row[m].empty()) return true;
  return false;
}

size_t resolve(const ProbeAnswers& a, const std::string& name) {
  const auto it = std::find(a.models.begin(), a.models.end(), name);
  if (it == a.models.end() || !has_answers(a, static_cast<size_t>(it - a.models.begin()))) {
    std::string known;
    for (size_t m = 0; m < a.models.size(); ++m)
      if (has_answers(a, m)) known += (known.empty() ? "" : ", ") + a.models[m];
    throw InputError(fmt::format("probe: '{}' has no probe answers in the store; models with probe answers: {}. "
                                 "Collect them with `distillscope run --suite probes --samples 20 "
                                 "--temperature 1` or `distillscope probe --model SPEC...`",
                                 name, known.empty() ? "(none)" : known));
  }
  return static_cast<size_t>(it - a.models.begin());
}

std::vector<size_t> resolve_all(const ProbeAnswers& a, const std::vector<std::string>& names, size_t reference) {
  std::vector<size_t> out;
  if (names.empty()) {
    for (size_t m = 0; m < a.models.size(); ++m)
      if (m != reference && has_answers(a, m)) out.push_back(m);
  } else {
    for (const auto& n : names) out.push_back(resolve(a, n));
  }
  std::erase(out, reference);
  return out;
}

ProbeSampleAdvice sample_advice(const ProbeAnswers& answers, size_t reference, const std::vector<size_t>& panel,
                                const ProbeStudyOptions& o) {
  ProbeSampleAdvice advice;
  advice.lambda = o.lambda;
  advice.target = o.target_power;
  advice.simulations = static_cast<size_t>(o.power_simulations);
  advice.basis = fmt::format(
      "simulated from the stored answer distributions: a student answers from lambda x {}'s "
      "distribution + (1 - lambda) x one panel model's (each in turn), tested against the other {} "
      "panel models at alpha = {}; distributions estimated from few samples are narrower than the "
      "real ones, so the advice is optimistic for small stores",
      answers.models[reference], panel.size() - 1, o.alpha);
  const auto worlds = lineage::stored_probe_worlds(answers, reference, panel);
  const auto found = lineage::samples_for_power(worlds, o.lambda, o.target_power, o.max_samples,
                                                advice.simulations, o.alpha, o.seed);
  if (found) {
    advice.samples = found->samples;
    advice.power = found->power.rate();
    advice.interval = found->power.interval;
  } else {
    const auto at_max = lineage::estimate_probe_power(worlds, o.lambda, o.max_samples, advice.simulations,
                                                      o.alpha, o.seed);
    advice.power = at_max.rate();
    advice.interval = at_max.interval;
  }
  return advice;
}

}  // namespace

ProbeStudy run_probe_study(const lineage::Corpus& corpus, const ProbeStudyOptions& o) {
  const ProbeAnswers answers = lineage::probe_answers(corpus);
  const size_t R = resolve(answers, o.reference);
  const std::vector<size_t> candidates = resolve_all(answers, o.candidates, R);
  const std::vector<size_t> panel = resolve_all(answers, o.panel, R);

  lineage::ProbeOptions po;
  po.permutations = o.permutations;
  po.seed = o.seed;
  const auto results = lineage::compare_probe_distributions(answers, R, po);
  std::vector<double> values;
  for (const auto& r : results) values.push_back(r.value);

  ProbeStudy study;
  study.reference = o.reference;
  for (size_t m : panel) study.panel.push_back(answers.models[m]);
  std::vector<size_t> reference_counts;
  for (const auto& row : answers.answers)
    if (!row[R].empty()) reference_counts.push_back(row[R].size());
  study.prompts = reference_counts.size();
  study.reference_samples = median_size(reference_counts);
  study.null_hypothesis = fmt::format(
      "the candidate's probe answers are as close to {}'s as an unrelated panel model's (value = mean over "
      "probe prompts of 1 - JSD of the answer distributions); tested like a detect candidate: exact conformal "
      "rank among the panel (candidate left out) where the panel can reach alpha / k, else z = (value - "
      "median) / (1.4826 MAD), z / sqrt(1 + 1/n) against a Student t with min(3, 0.37 (n - 1)) degrees of "
      "freedom (detect's calibrated parametric null; each candidate's null_description says which applied)",
      o.reference);
  study.correction = candidates.size() == 1 ? "none (one candidate)"
                                             : fmt::format("Holm across the {} candidates", candidates.size());
  std::vector<double> ps;
  std::vector<lineage::NullTest> tests;
  for (size_t m : candidates) {
    const auto& r = results[m];
    ProbeCandidate c;
    c.model = answers.models[m];
    c.prompts = r.comparisons.size();
    std::vector<size_t> n;
    for (const auto& cmp : r.comparisons) n.push_back(cmp.samples);
    c.samples = median_size(n);
    c.closeness = r.value;
    tests.push_back(lineage::probe_panel_test(values, m, panel, o.alpha, candidates.size()));
    c.z = tests.back().z;
    c.p_value = tests.back().p;
    c.null_kind = std::string(lineage::null_kind_name(tests.back().kind));
    c.null_description = tests.back().description;
    c.p_same = r.p_same;
    auto closest = r.comparisons;
    std::stable_sort(closest.begin(), closest.end(), [](const auto& a, const auto& b) { return a.jsd < b.jsd; });
    for (size_t k = 0; k < closest.size() && k < 5; ++k) c.closest_prompts.push_back(answers.prompts[closest[k].prompt]);
    ps.push_back(c.p_value);
    study.candidates.push_back(std::move(c));
  }
  const auto adjusted = lineage::adjust_p_values(ps, lineage::Correction::Holm);
  for (size_t k = 0; k < study.candidates.size(); ++k) {
    auto& c = study.candidates[k];
    c.p_adjusted = adjusted[k];
    if (tests[k].kind == lineage::NullKind::Unavailable)
      c.reading = "insufficient evidence: " + tests[k].insufficient;
    else
      c.reading = std::string(lineage::verdict_word(c.p_adjusted <= o.alpha ? lineage::Verdict::Distilled : lineage::Verdict::NotDetected));
  }
  std::stable_sort(study.candidates.begin(), study.candidates.end(),
                   [](const auto& a, const auto& b) { return a.z > b.z; });
  if (panel.size() >= 3)
    study.advice = sample_advice(answers, R, panel, o);
  else
    study.advice_missing = fmt::format("the panel has {} model(s) with probe answers; the power simulation needs "
                                       "at least 3 (one plays the student's own answers, >= 2 the panel)",
                                       panel.size());
  return study;
}

json probe_study_to_json(const ProbeStudy& s) {
  json out = {{"reference", s.reference},
              {"panel", s.panel},
              {"prompts", s.prompts},
              {"reference_samples_per_prompt", s.reference_samples},
              {"null_hypothesis", s.null_hypothesis},
              {"correction", s.correction},
              {"candidates", json::array()}};
  auto number = [](double v) { return std::isfinite(v) ? json(v) : json(nullptr); };
  for (const auto& c : s.candidates)
    out["candidates"].push_back({{"model", c.model},
                                 {"prompts", c.prompts},
                                 {"samples_per_prompt", c.samples},
                                 {"closeness", number(c.closeness)},
                                 {"z", number(c.z)},
                                 {"p_value", number(c.p_value)},
                                 {"null", c.null_kind},
                                 {"null_description", c.null_description},
                                 {"p_adjusted", number(c.p_adjusted)},
                                 {"p_same_distribution", number(c.p_same)},
                                 {"reading", c.reading},
                                 {"closest_prompts", c.closest_prompts}});
  if (s.advice) {
    const auto& a = *s.advice;
    out["sample_advice"] = {{"lambda", a.lambda},
                            {"target_power", a.target},
                            {"samples_per_probe", a.samples ? json(*a.samples) : json(nullptr)},
                            {"power", a.power},
                            {"power_interval", {a.interval.low, a.interval.high}},
                            {"simulations", a.simulations},
                            {"basis", a.basis}};
  } else {
    out["sample_advice"] = {{"unavailable", s.advice_missing}};
  }
  return out;
}

}  // namespace ds::harness
