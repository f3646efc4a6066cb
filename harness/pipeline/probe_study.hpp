#pragma once
// `distillscope probe`: the active probe battery on its own. Reads the probe answers in a
// store (collected with `run --suite probes --samples N --temperature 1`, or by `probe --model`),
// compares each candidate's answer distributions with the reference's
// (scorers/lineage/probe_distributions.hpp), tests each candidate against the panel, and
// estimates how many samples per probe 80% power needs at a chosen mixing weight lambda
// (scorers/lineage/probe_power.hpp).
#include <optional>
#include <string>
#include <vector>

#include "core/json.hpp"
#include "core/bootstrap.hpp"
#include "harness/layer.hpp"
#include "scorers/lineage/corpus.hpp"

namespace ds::harness {

struct ProbeStudyOptions {
  std::string reference;
  std::vector<std::string> candidates;  // empty: every other model with probe answers
  std::vector<std::string> panel;       // empty: every other model with probe answers
  int permutations = 999;               // per prompt, for the homogeneity test
  uint64_t seed = 1;
  double alpha = 0.05;
  double lambda = 0.3;       // the mixing weight the sample-size advice is for
  double target_power = 0.8;
  int power_simulations = 200;  // per sample size tried
  int max_samples = 256;
};

struct ProbeCandidate {
  std::string model;
  size_t prompts = 0;     // probe prompts compared with the reference
  size_t samples = 0;     // median samples per compared prompt
  double closeness = 0;   // mean 1 - JSD with the reference
  double z = 0;           // against the panel (candidate left out)
  double p_value = 1;     // the per-candidate null (conformal or parametric; NaN: none possible)
  std::string null_kind;  // conformal | parametric | unavailable
  std::string null_description;  // that null in words, with the panel size
  double p_adjusted = 1;  // Holm across the candidates
  double p_same = 1;      // Fisher-combined homogeneity permutation p (null: R's distribution)
  std::string reading;    // "distilled" (answers like the reference beyond the panel) | "not detected" |
                          // "insufficient evidence: <why>"
  std::vector<std::string> closest_prompts;  // where its answers are distributed most like R's
};

struct ProbeSampleAdvice {
  double lambda = 0;
  double target = 0;
  std::optional<int> samples;  // none: not reached within max_samples
  double power = 0;            // estimated at `samples` (or at max_samples when not reached)
  Interval interval;  // 95% Clopper–Pearson over the simulations
  size_t simulations = 0;
  std::string basis;           // what the simulation assumed
};

struct ProbeStudy {
  std::string reference;
  std::vector<std::string> panel;
  size_t prompts = 0;           // probe prompts the reference answered
  size_t reference_samples = 0;  // median samples per prompt of the reference
  std::string null_hypothesis;
  std::string correction;
  std::vector<ProbeCandidate> candidates;  // highest z first
  std::optional<ProbeSampleAdvice> advice;  // absent when the panel is too small to simulate
  std::string advice_missing;               // why it is absent
};

// Throws InputError naming the model when a name is unknown or has no probe answers.
ProbeStudy run_probe_study(const lineage::Corpus& corpus, const ProbeStudyOptions& options);

json probe_study_to_json(const ProbeStudy& study);

}  // namespace ds::harness
