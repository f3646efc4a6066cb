// pair: how similar the candidate's answer is to the reference's on the same prompt (the
// word 1-3-gram and character 5-gram sketches' Jaccard, averaged), relative to every other
// measured model's answer to that prompt.
#include "scorers/lineage/components/registry_entries.hpp"

namespace ds::scorers::lineage {

ComponentValues pair_component(const ComponentInput& in) {
  // Similarity is symmetric: asked as (reference, model), the precomputed matrix is read
  // along one row, in memory order.
  return paired_component(in, [&](int m, size_t p) { return in.similarity.similarity(in.reference, m, p); });
}

}  // namespace ds::scorers::lineage
