#pragma once
// Answer similarity on the same prompt (the sketches' word 1-3-gram and character 5-gram
// Jaccard, averaged), and the models x models matrix of its mean over prompts. Both are
// reference-independent: one SimilarityIndex serves every detection on a corpus.
#include <cmath>
#include <cstdint>
#include <mutex>
#include <vector>

#include "scorers/lineage/corpus.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers::lineage {

// Similarity of two answers: mean of word 1-3-gram and character 5-gram Jaccard estimates.
double answer_similarity(const TextFeatures& a, const TextFeatures& b);

const TextFeatures* first_answer(const Corpus& corpus, int model, size_t prompt);

// One small per-answer set (opener, closer, skeleton) of every model, laid out prompt by
// prompt in one array: a detection scans every model's set on every prompt, and `lineage`
// does so once per reference, so the sets must be read in memory order, not by chasing
// each answer's own vector.
struct FlatSets {
  size_t models = 0;
  std::vector<uint32_t> offset;  // [p * models + m] .. [p * models + m + 1] into values
  std::vector<uint16_t> values;
  std::vector<char> present;     // [p * models + m]: the model answered the prompt
  const uint16_t* begin(size_t p, size_t m) const { return values.data() + offset[p * models + m]; }
  const uint16_t* end(size_t p, size_t m) const { return values.data() + offset[p * models + m + 1]; }
  size_t size(size_t p, size_t m) const { return offset[p * models + m + 1] - offset[p * models + m]; }
  bool answered(size_t p, size_t m) const { return present[p * models + m] != 0; }
};

enum class SetFeature { Opener, Closer, Skeleton };

// One set of 16-bit hashes as a 65,536-bit membership table: other sets are intersected
// with it by lookups (exact, and several times faster than merging sorted sets; `lineage`
// asks for ~10^8 intersections).
class SetMembership {
 public:
  SetMembership();
  void load(const uint16_t* begin, const uint16_t* end);  // a no-op when it holds that set
  size_t size() const { return static_cast<size_t>(end_ - begin_); }
  size_t common(const uint16_t* begin, const uint16_t* end) const;  // |loaded ∩ [begin, end)|

 private:
  std::vector<uint64_t> bits_;
  const uint16_t* begin_ = nullptr;
  const uint16_t* end_ = nullptr;
};

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

  // The flat layout of one set feature, built on first use; thread-safe.
  const FlatSets& sets(SetFeature feature) const;

  // After precompute: the size of every pair's set intersection on every prompt,
  // [(p * M + a) * M + b] (symmetric), built on first use with the precompute's threads, so
  // `lineage` intersects each pair's sets once instead of once per direction. nullptr
  // without precompute, or when some set holds more than 255 elements; thread-safe.
  const uint8_t* overlaps(SetFeature feature) const;

 private:
  const Corpus& corpus_;
  // Precomputed similarities, [(p * M + a) * M + b]. A similarity is the mean of two sketch
  // Jaccards, each a count of equal bins over kSketchSize = 128: a multiple of 1/256, kept
  // exactly as its numerator (half the memory of a float; kNoSimilarity: not answered).
  static constexpr uint16_t kSimilarityScale = 2 * kSketchSize;
  static constexpr uint16_t kNoSimilarity = UINT16_MAX;
  static double cached_value(uint16_t v) {
    return v == kNoSimilarity ? NAN : static_cast<double>(v) / kSimilarityScale;
  }
  std::vector<uint16_t> cache_;  // empty unless precomputed
  unsigned threads_ = 0;      // precompute's threads (0: not precomputed)
  mutable std::once_flag overlaps_once_[3];
  mutable std::vector<uint8_t> overlaps_[3];
  mutable std::once_flag matrix_once_;
  mutable std::vector<std::vector<double>> matrix_;
  mutable std::once_flag sets_once_[3];
  mutable FlatSets sets_[3];
};

}  // namespace ds::scorers::lineage
