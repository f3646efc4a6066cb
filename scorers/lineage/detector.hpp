#pragma once
// The lineage test: was candidate C distilled from reference R? Each evidence component
// (components/registry.cpp) gives every measured model a raw value against R; the detector
// standardises each component the same way (robust z against the panel models, clipped at
// +-10) and sums them into the statistic T. The per-candidate test (candidate_test.hpp)
// compares T(C) with the panel's T (C left out), the correction runs over the candidates the
// user named (or the whole store), and the verdict is `distilled`, `not detected` or
// `insufficient evidence`. A reference can be a family of versions: each model's statistic
// is its highest over the members, computed the same way for the panel.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "scorers/lineage/detect_result.hpp"
#include "scorers/lineage/corpus.hpp"
#include "scorers/lineage/profiles.hpp"
#include "scorers/lineage/similarity.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers::lineage {

struct DetectOptions {
  std::vector<std::string> reference;   // model names or globs ("gpt-3.5-turbo*"); several = a family
  std::vector<std::string> candidates;  // empty: every other model with answers
  std::vector<std::string> panel;       // empty: every other model with answers
  std::string panel_source;             // how the panel was named, for the output ("--panel-file F")
  std::vector<std::string> components;  // empty: the default components
  // Across the candidates of a sweep (no candidates named), or across the named candidates
  // with family_wise; a named candidate is otherwise its own question (no correction), so its
  // verdict does not depend on which others are named.
  Correction correction = Correction::BenjaminiHochberg;
  bool family_wise = false;
  NullMethod null_method = NullMethod::Parametric;
  double alpha = 0.05;
  int permutations = 0;  // > 0: also a per-prompt permutation test of the pair component
  int bootstrap = 200;   // prompt-bootstrap resamples for the interval of z (0: none)
  bool evidence = true;  // quote verbatim evidence (needs a TextLookup)
  uint64_t seed = 1;
};

// Text of one model's first answer to a prompt ("suite/item_id"), for quoting evidence;
// may return "" when unavailable.
using TextLookup = std::function<std::string(const std::string& model, const std::string& prompt)>;

class Detector {
 public:
  explicit Detector(const Corpus& corpus);
  const Corpus& corpus() const { return corpus_; }
  const Profiles& profiles() const { return profiles_; }
  const SimilarityIndex& similarity() const { return similarity_; }

  // Throws InputError naming the known models when a name is unknown, a glob matches nothing,
  // a component is unknown, or a candidate or panel model is a member of the reference family.
  DetectResult detect(const DetectOptions& options, const TextLookup& text = {}) const;

  // The members of a reference family: names and globs, in store order, without duplicates.
  std::vector<std::string> resolve_reference(const std::vector<std::string>& patterns) const;

  // Mean raw per-prompt similarity of two models' answers (prompts both answered).
  double mean_similarity(int a, int b) const { return similarity_.mean_similarity(a, b); }

  // Computes every pair's answer similarity on every prompt once (for `lineage`).
  void precompute_similarities(unsigned threads) { similarity_.precompute(threads); }

 private:
  const Corpus& corpus_;
  Profiles profiles_;
  SimilarityIndex similarity_;
};

}  // namespace ds::scorers::lineage
