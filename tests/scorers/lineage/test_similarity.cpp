#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <iterator>

#include "results/lineage_features.hpp"
#include "scorers/lineage/similarity.hpp"
#include "tests/support/lineage_store.hpp"
#include "tests/support/process.hpp"

using namespace ds::results;
using namespace ds::scorers::lineage;

namespace {

bool same(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

}  // namespace

TEST_CASE("precomputed similarities and their means equal the ones computed pair by pair") {
  ds::test::TempDir dir;
  Store store(dir.file("s.db"));
  ds::test::fill_lineage_store(store, 4);
  const Corpus corpus = load_corpus(store);
  const SimilarityIndex direct(corpus);
  SimilarityIndex cached(corpus);
  cached.precompute(2);
  const int M = static_cast<int>(corpus.models.size());
  for (int a = 0; a < M; ++a)
    for (int b = 0; b < M; ++b) {
      for (size_t p = 0; p < corpus.prompts.size(); ++p) CHECK(same(direct.similarity(a, b, p), cached.similarity(a, b, p)));
      if (a != b) CHECK(same(direct.mean_similarity(a, b), cached.mean_similarity(a, b)));
    }
}

TEST_CASE("precomputed set overlaps are the exact intersection sizes of every pair") {
  ds::test::TempDir dir;
  Store store(dir.file("o.db"));
  ds::test::fill_lineage_store(store, 3);
  const Corpus corpus = load_corpus(store);
  SimilarityIndex index(corpus);
  CHECK(index.overlaps(SetFeature::Opener) == nullptr);  // only after precompute
  index.precompute(2);
  const size_t M = corpus.models.size();
  for (const auto feature : {SetFeature::Opener, SetFeature::Closer}) {
    const uint8_t* overlaps = index.overlaps(feature);
    REQUIRE(overlaps != nullptr);
    const auto field = feature == SetFeature::Opener ? &TextFeatures::opener : &TextFeatures::closer;
    for (size_t p = 0; p < corpus.prompts.size(); ++p)
      for (size_t a = 0; a < M; ++a)
        for (size_t b = 0; b < M; ++b) {
          const auto* fa = first_answer(corpus, static_cast<int>(a), p);
          const auto* fb = first_answer(corpus, static_cast<int>(b), p);
          if (!fa || !fb) continue;
          std::vector<uint16_t> both;
          std::set_intersection((fa->*field).begin(), (fa->*field).end(), (fb->*field).begin(), (fb->*field).end(),
                                std::back_inserter(both));
          CHECK(overlaps[(p * M + a) * M + b] == both.size());
        }
  }
}
