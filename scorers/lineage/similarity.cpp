#include "scorers/lineage/similarity.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <thread>

namespace ds::scorers::lineage {

double answer_similarity(const TextFeatures& a, const TextFeatures& b) {
  return 0.5 * sketch_jaccard(a.word_sketch, b.word_sketch) +
         0.5 * sketch_jaccard(a.char_sketch, b.char_sketch);
}

const TextFeatures* first_answer(const Corpus& c, int m, size_t p) {
  const auto& cell = c.cells[static_cast<size_t>(m)][p];
  return cell.empty() ? nullptr : &cell.front().features;
}

double SimilarityIndex::similarity(int a, int b, size_t p) const {
  const size_t M = corpus_.models.size();
  if (!cache_.empty()) return cached_value(cache_[(p * M + static_cast<size_t>(a)) * M + static_cast<size_t>(b)]);
  const auto* fa = first_answer(corpus_, a, p);
  const auto* fb = first_answer(corpus_, b, p);
  return fa && fb ? answer_similarity(*fa, *fb) : NAN;
}

double SimilarityIndex::mean_similarity(int a, int b) const {
  // Precomputed (`lineage`): the matrix holds the same means. Every similarity is a multiple
  // of 1/256, so its sums are exact whatever the order of addition, and reading the matrix
  // spares a pass over all prompts (one cache miss each) per pair.
  if (!cache_.empty() && a != b) return mean_matrix(threads_)[static_cast<size_t>(a)][static_cast<size_t>(b)];
  double sum = 0;
  size_t n = 0;
  for (size_t p = 0; p < corpus_.prompts.size(); ++p) {
    const double s = similarity(a, b, p);
    if (!std::isfinite(s)) continue;
    sum += s;
    ++n;
  }
  return n ? sum / static_cast<double>(n) : NAN;
}

namespace {

// One prompt's sketches side by side (the M x M loop then stays in cache). present[m]: 0 no
// answer, 1 sketched answer, 2 answered with empty text (similarity 0 to everything).
struct PromptSketches {
  std::vector<uint16_t> words, chars;
  std::vector<char> present;
  void load(const Corpus& c, size_t p) {
    const size_t M = c.models.size();
    words.resize(M * kSketchSize);
    chars.resize(M * kSketchSize);
    present.assign(M, 0);
    for (size_t m = 0; m < M; ++m) {
      const auto* f = first_answer(c, static_cast<int>(m), p);
      if (!f) continue;
      const bool full = f->word_sketch.size() == kSketchSize && f->char_sketch.size() == kSketchSize;
      present[m] = full ? 1 : 2;
      if (!full) continue;
      std::copy(f->word_sketch.begin(), f->word_sketch.end(), words.begin() + static_cast<long>(m * kSketchSize));
      std::copy(f->char_sketch.begin(), f->char_sketch.end(), chars.begin() + static_cast<long>(m * kSketchSize));
    }
  }
  // Calls out(a, b, similarity) for every answered pair a < b.
  template <class Out>
  void pairs(Out&& out) const {
    const size_t M = present.size();
    for (size_t a = 0; a < M; ++a) {
      if (!present[a]) continue;
      for (size_t b = a + 1; b < M; ++b) {
        if (!present[b]) continue;
        double sim = 0;
        if (present[a] == 1 && present[b] == 1)
          sim = 0.5 * sketch_jaccard_raw(words.data() + a * kSketchSize, words.data() + b * kSketchSize) +
                0.5 * sketch_jaccard_raw(chars.data() + a * kSketchSize, chars.data() + b * kSketchSize);
        out(a, b, sim);
      }
    }
  }
};

template <class Work>
void on_threads(unsigned threads, Work&& work) {
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < std::max(1u, threads); ++t) pool.emplace_back([&, t] { work(t); });
  for (auto& t : pool) t.join();
}

}  // namespace

void SimilarityIndex::precompute(unsigned threads) {
  const size_t M = corpus_.models.size(), P = corpus_.prompts.size();
  std::vector<uint16_t> cache(P * M * M, kNoSimilarity);
  std::atomic<size_t> next{0};
  on_threads(threads, [&](unsigned) {
    PromptSketches s;
    for (size_t p = next++; p < P; p = next++) {
      s.load(corpus_, p);
      uint16_t* out = cache.data() + p * M * M;
      for (size_t a = 0; a < M; ++a)
        if (s.present[a]) out[a * M + a] = kSimilarityScale;
      s.pairs([&](size_t a, size_t b, double sim) {
        out[a * M + b] = out[b * M + a] = static_cast<uint16_t>(std::lround(sim * kSimilarityScale));
      });
    }
  });
  cache_ = std::move(cache);
  threads_ = std::max(1u, threads);
}

SetMembership::SetMembership() : bits_(65536 / 64, 0) {}

void SetMembership::load(const uint16_t* begin, const uint16_t* end) {
  if (begin == begin_ && end == end_) return;
  for (const uint16_t* h = begin_; h != end_; ++h) bits_[*h >> 6] = 0;
  begin_ = begin;
  end_ = end;
  for (const uint16_t* h = begin_; h != end_; ++h) bits_[*h >> 6] |= uint64_t{1} << (*h & 63);
}

size_t SetMembership::common(const uint16_t* begin, const uint16_t* end) const {
  size_t both = 0;
  for (const uint16_t* h = begin; h != end; ++h) both += (bits_[*h >> 6] >> (*h & 63)) & 1;
  return both;
}

const uint8_t* SimilarityIndex::overlaps(SetFeature feature) const {
  if (threads_ == 0) return nullptr;
  const size_t k = static_cast<size_t>(feature);
  std::call_once(overlaps_once_[k], [&] {
    const FlatSets& sets = this->sets(feature);
    const size_t M = corpus_.models.size(), P = corpus_.prompts.size();
    for (size_t at = 0; at < P * M; ++at)
      if (sets.offset[at + 1] - sets.offset[at] > 255) return;  // a count would not fit
    std::vector<uint8_t> out(P * M * M, 0);
    std::atomic<size_t> next{0};
    on_threads(threads_, [&](unsigned) {
      SetMembership a_set;
      for (size_t p = next++; p < P; p = next++) {
        uint8_t* counts = out.data() + p * M * M;
        for (size_t a = 0; a < M; ++a) {
          if (!sets.answered(p, a)) continue;
          a_set.load(sets.begin(p, a), sets.end(p, a));
          counts[a * M + a] = static_cast<uint8_t>(sets.size(p, a));
          for (size_t b = a + 1; b < M; ++b)
            if (sets.answered(p, b))
              counts[a * M + b] = counts[b * M + a] =
                  static_cast<uint8_t>(a_set.common(sets.begin(p, b), sets.end(p, b)));
        }
      }
    });
    overlaps_[k] = std::move(out);
  });
  return overlaps_[k].empty() ? nullptr : overlaps_[k].data();
}

const FlatSets& SimilarityIndex::sets(SetFeature feature) const {
  const size_t k = static_cast<size_t>(feature);
  std::call_once(sets_once_[k], [&] {
    const auto field = feature == SetFeature::Opener   ? &TextFeatures::opener
                       : feature == SetFeature::Closer ? &TextFeatures::closer
                                                       : &TextFeatures::skeleton;
    const size_t M = corpus_.models.size(), P = corpus_.prompts.size();
    FlatSets& out = sets_[k];
    out.models = M;
    out.offset.assign(P * M + 1, 0);
    out.present.assign(P * M, 0);
    for (size_t p = 0; p < P; ++p)
      for (size_t m = 0; m < M; ++m) {
        const size_t at = p * M + m;
        const auto* f = first_answer(corpus_, static_cast<int>(m), p);
        if (f) {
          out.present[at] = 1;
          out.values.insert(out.values.end(), (f->*field).begin(), (f->*field).end());
        }
        out.offset[at + 1] = static_cast<uint32_t>(out.values.size());
      }
  });
  return sets_[k];
}

const std::vector<std::vector<double>>& SimilarityIndex::mean_matrix(unsigned threads) const {
  std::call_once(matrix_once_, [&] {
    const size_t M = corpus_.models.size(), P = corpus_.prompts.size();
    const unsigned T = std::max(1u, threads);
    // Per thread: sums and counts over the upper triangle, merged at the end.
    std::vector<std::vector<double>> sums(T, std::vector<double>(M * M, 0.0));
    std::vector<std::vector<uint32_t>> counts(T, std::vector<uint32_t>(M * M, 0));
    std::atomic<size_t> next{0};
    on_threads(T, [&](unsigned t) {
      PromptSketches s;
      for (size_t p = next++; p < P; p = next++) {
        if (!cache_.empty()) {
          const uint16_t* row = cache_.data() + p * M * M;
          for (size_t a = 0; a < M; ++a)
            for (size_t b = a + 1; b < M; ++b)
              if (row[a * M + b] != kNoSimilarity) {
                sums[t][a * M + b] += cached_value(row[a * M + b]);
                ++counts[t][a * M + b];
              }
          continue;
        }
        s.load(corpus_, p);
        s.pairs([&](size_t a, size_t b, double sim) {
          sums[t][a * M + b] += sim;
          ++counts[t][a * M + b];
        });
      }
    });
    matrix_.assign(M, std::vector<double>(M, NAN));
    for (size_t a = 0; a < M; ++a)
      for (size_t b = a + 1; b < M; ++b) {
        double sum = 0;
        uint32_t n = 0;
        for (unsigned t = 0; t < T; ++t) {
          sum += sums[t][a * M + b];
          n += counts[t][a * M + b];
        }
        if (n) matrix_[a][b] = matrix_[b][a] = sum / n;
      }
  });
  return matrix_;
}

}  // namespace ds::scorers::lineage
