#pragma once
// The active probe battery as lineage evidence. Each probe prompt (identity, idiosyncratic
// choice, refusal wording, knowledge cutoff) is answered several times at temperature > 0; the
// probe scorer reduces each answer to a category (the claimed maker, the chosen number, colour
// or joke, the refusal's first words, the stated date). Per prompt, a model's categories form
// an answer distribution, compared with the reference's:
//
//   value(C) = mean over the prompts both answered of 1 - JSD(P_C, P_R)   (base 2, in [0, 1])
//
// using each side's first n = min(n_C, n_R) samples, so that a comparison is between samples
// of one size (run every model with the same --samples). The detector standardises the value
// against its panel like any other component.
//
// Beside it, per prompt, a homogeneity test. Null: C's and R's answers to the prompt are draws
// from one distribution. Statistic: the JSD; p from permutations of the pooled answers with ties
// broken uniformly at random, so that p is exactly Uniform(0, 1) under the null (not merely
// conservative, although answers are discrete). Fisher's method combines the prompts into
// p_same. A small p_same says C does not answer like R (C is no pure copy; a partial copy is
// still possible); a large one says the probes cannot tell C's answers from R's.
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "scorers/layer.hpp"
#include "scorers/lineage/corpus.hpp"

namespace ds::scorers::lineage {

// answers[prompt][model]: that model's answer categories for the prompt, one per sample.
struct ProbeAnswers {
  std::vector<std::string> prompts;
  std::vector<size_t> corpus_prompts;  // each prompt's index in the corpus it came from (if any)
  std::vector<std::string> models;
  std::vector<std::vector<std::vector<std::string>>> answers;
};

// The probe answers in a corpus (models in the corpus's order): every prompt of suite kind
// `probes` on which some model has a fingerprint.
ProbeAnswers probe_answers(const Corpus& corpus);

struct ProbePromptComparison {
  size_t prompt = 0;   // index into ProbeAnswers::prompts
  size_t samples = 0;  // n compared on each side
  double jsd = NAN;
  double p_same = NAN;  // homogeneity permutation p (NaN when not tested)
};

struct ProbeModelResult {
  double value = NAN;  // mean 1 - JSD over `comparisons`; NaN when no prompt was compared
  double p_same = NAN;  // Fisher combination of the per-prompt p_same (NaN when not tested)
  std::vector<ProbePromptComparison> comparisons;
};

struct ProbeOptions {
  int permutations = 0;  // per prompt for the homogeneity test; 0 = no test
  uint64_t seed = 1;
  std::vector<size_t> only;  // compare only these models (empty: all); the others stay empty
};

// One result per model of `answers.models`, each compared with model `reference`.
std::vector<ProbeModelResult> compare_probe_distributions(const ProbeAnswers& answers, size_t reference,
                                                          const ProbeOptions& options = {});

// 1 - JSD of the empirical distributions of two samples of category ids (ids are 0, 1, ...).
double probe_closeness(const std::vector<int>& x, const std::vector<int>& y);

// The homogeneity permutation p of two samples of category ids (see above): Uniform(0, 1) when
// both are draws from one distribution.
double probe_homogeneity_p(const std::vector<int>& x, const std::vector<int>& y, int permutations,
                           uint64_t seed);

// Fisher's combination of independent p-values: P(chi^2 with 2k df >= -2 sum ln p).
double fisher_combined_p(const std::vector<double>& p);

}  // namespace ds::scorers::lineage
