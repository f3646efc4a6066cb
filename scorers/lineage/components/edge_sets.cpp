// opener, closer, skeleton: per-prompt Jaccard of small sets of an answer's features with the
// reference's answer to the same prompt: the word 1-3-grams of the first and of the last 25
// tokens (how a model habitually starts and ends), and the 1-3-grams of the markdown skeleton
// (one symbol per line: headers, bullets with bold-lead and colon flags, paragraph lengths...).
#include <cstdint>
#include <vector>

#include "scorers/lineage/components/registry_entries.hpp"

namespace ds::scorers::lineage {

namespace {

double jaccard_of(size_t both, size_t mine, size_t theirs) {
  if (mine == 0 && theirs == 0) return 0.0;
  return static_cast<double>(both) / static_cast<double>(mine + theirs - both);
}

ComponentValues set_component(const ComponentInput& in, SetFeature feature) {
  const FlatSets& sets = in.similarity.sets(feature);
  const size_t R = static_cast<size_t>(in.reference);
  if (const uint8_t* overlaps = in.similarity.overlaps(feature)) {
    // `lineage`: every pair's intersection is counted once, read here along the reference's row.
    const size_t M = sets.models;
    return paired_component(in, [&](int model, size_t p) -> double {
      const size_t m = static_cast<size_t>(model);
      if (!sets.answered(p, m) || !sets.answered(p, R)) return NAN;
      return jaccard_of(overlaps[(p * M + R) * M + m], sets.size(p, m), sets.size(p, R));
    });
  }
  SetMembership reference;
  return paired_component(in, [&](int model, size_t p) -> double {
    const size_t m = static_cast<size_t>(model);
    if (!sets.answered(p, m) || !sets.answered(p, R)) return NAN;
    reference.load(sets.begin(p, R), sets.end(p, R));
    return jaccard_of(reference.common(sets.begin(p, m), sets.end(p, m)), sets.size(p, m), reference.size());
  });
}

}  // namespace

ComponentValues opener_component(const ComponentInput& in) { return set_component(in, SetFeature::Opener); }
ComponentValues closer_component(const ComponentInput& in) { return set_component(in, SetFeature::Closer); }
ComponentValues skeleton_component(const ComponentInput& in) { return set_component(in, SetFeature::Skeleton); }

}  // namespace ds::scorers::lineage
