#pragma once
// Answer similarity on the same prompt (the sketches' word 1-3-gram and character 5-gram
// Jaccard, averaged), and the models x models matrix of its mean over prompts. Both are
// reference-independent: one SimilarityIndex serves every detection on a corpus.
#include <mutex>
#include <vector>

#include "scorers/lineage/corpus.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers::lineage {

// Similarity of two answers: mean of word 1-3-gram and character 5-gram Jaccard estimates.
double answer_similarity(const TextFeatures& a, const TextFeatures& b);

const TextFeatures* first_answer(const Corpus& corpus, int model, size_t prompt);

class SimilarityIndex {
 public:
  explicit SimilarityIndex(const Corpus& corpus) : corpus_(corpus) {}
  const Corpus& corpus() const { return corpus_; }

  // Similarity of the first answers of two models to one prompt; NaN when either is missing.
  double similarity(int a, int b, size_t prompt) const;

  // Mean per-prompt similarity over the prompts both answered (NaN when none).
  double mean_similarity(int a, int b) const;

  // mean_similarity of every pair of corpus models (NaN on the diagonal and for models without
  // answers), computed once on first use with `threads` threads; thread-safe.
  const std::vector<std::vector<double>>& mean_matrix(unsigned threads = 2) const;

  // Computes every pair's similarity on every prompt once (for `lineage`, which asks for all
  // of them): P x M x M floats, filled prompt by prompt on `threads` threads.
  void precompute(unsigned threads);

 private:
  const Corpus& corpus_;
  std::vector<float> cache_;  // empty unless precomputed
  mutable std::once_flag matrix_once_;
  mutable std::vector<std::vector<double>> matrix_;
};

}  // namespace ds::scorers::lineage
