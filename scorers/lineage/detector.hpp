#pragma once
// The lineage test: was candidate C distilled from reference R? Evidence components, each
// measured for every model against R and standardised by the panel's median and MAD:
//   pair     mean per-prompt similarity to R (word 1-3-gram and character 5-gram Jaccard),
//            each prompt standardised against the panel's similarity to R on that prompt;
//   profile  cosine between C's and R's idiosyncrasy profiles (profiles.hpp);
//   identity share of C's answers claiming R's identity (R's own claimed maker/name, or a
//            claimed name containing R's name stem);
//   errors   identical wrong final answers with R beyond chance (only where scores exist);
//   choices  agreement of choice distributions with R (1 - Jensen–Shannon; where present);
//   mmd      mean log10 p of per-prompt two-sample MMD tests (Hamming kernel on characters)
//            between C's and R's samples (only on prompts where both have >= 2 samples).
// The statistic T is the sum of the component z-scores; its null is the panel itself: for a
// model unrelated to R, (T - median) / (1.4826 MAD) of the panel's T (candidate left out)
// follows a Student t with 0.37 (n - 1) degrees of freedom (the MAD's efficiency: small
// panels give uncertain scales). Robust estimates keep other distilled panel members from
// dragging the null.
#include <cmath>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "scorers/lineage/corpus.hpp"
#include "scorers/lineage/profiles.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers::lineage {

struct Evidence {
  std::string kind;    // pair | profile | identity | shared-error | choices | mmd | shared-phrase
  std::string detail;  // what a person can check
  std::vector<std::string> prompt_ids;
  double statistic = 0;
};

struct CandidateResult {
  std::string model;
  double statistic = 0;  // T
  double z = 0;          // T standardised against the panel
  double score = 0;      // 1 - p_value, in [0, 1]
  double p_value = 1;
  double p_adjusted = 1;  // Holm across the candidates
  std::string verdict;    // distilled | inconclusive | independent
  std::map<std::string, double> components;  // component z-scores
  std::optional<double> p_permutation;       // per-prompt permutation p of the pair component
  size_t prompts = 0;                        // prompts both answered
  double mean_similarity = NAN;              // raw mean per-prompt answer similarity to R
  std::vector<Evidence> evidence;
};

struct DetectOptions {
  std::string reference;
  std::vector<std::string> candidates;  // empty: every other model with answers
  std::vector<std::string> panel;       // empty: every other model with answers
  std::vector<std::string> components;  // empty: all
  int permutations = 0;
  uint64_t seed = 1;
  double alpha = 0.05;             // distilled when p_adjusted <= alpha
  double independent_above = 0.2; // independent when p_value > this
};

struct DetectResult {
  std::string reference;
  std::string method;
  std::string null_hypothesis;
  std::vector<CandidateResult> candidates;  // sorted by score, highest first
};

// Text of one model's first answer to a prompt ("suite/item_id"), for quoting evidence;
// may return "" when unavailable.
using TextLookup = std::function<std::string(const std::string& model, const std::string& prompt)>;

class Detector {
 public:
  explicit Detector(const Corpus& corpus);
  const Corpus& corpus() const { return corpus_; }
  const Profiles& profiles() const { return profiles_; }

  // Throws InputError naming the known models when a name is unknown.
  DetectResult detect(const DetectOptions& options, const TextLookup& text = {}) const;

  // Mean raw per-prompt similarity of two models' answers (prompts both answered).
  double mean_similarity(int a, int b) const;

  // Computes every pair's answer similarity on every prompt once (for `lineage`, which asks
  // for all of them): P x M x M floats, filled prompt by prompt on `threads` threads.
  void precompute_similarities(unsigned threads);

 private:
  double similarity(int a, int b, size_t prompt) const;  // NaN when either did not answer
  const Corpus& corpus_;
  Profiles profiles_;
  std::vector<float> similarity_cache_;  // empty unless precomputed
};

// Similarity of two answers: mean of word 1-3-gram and character 5-gram Jaccard estimates.
double answer_similarity(const TextFeatures& a, const TextFeatures& b);

// Longest word sequences (>= min_words) shared by two texts, longest first.
std::vector<std::string> shared_phrases(const std::string& a, const std::string& b,
                                        size_t min_words, size_t max_phrases);

}  // namespace ds::scorers::lineage
