// opener, closer, skeleton: per-prompt Jaccard of small sets of an answer's features with the
// reference's answer to the same prompt: the word 1-3-grams of the first and of the last 25
// tokens (how a model habitually starts and ends), and the 1-3-grams of the markdown skeleton
// (one symbol per line: headers, bullets with bold-lead and colon flags, paragraph lengths...).
#include <cstdint>
#include <vector>

#include "scorers/lineage/components/registry_entries.hpp"

namespace ds::scorers::lineage {

namespace {

// The reference's set on the current prompt as a 65,536-bit membership table: each model's
// set is then intersected with it by lookups (exact, and several times faster than merging
// sorted sets; `lineage` asks for ~10^8 of them).
class ReferenceSet {
 public:
  ReferenceSet() : bits_(65536 / 64, 0) {}
  void load(const uint16_t* begin, const uint16_t* end) {
    if (begin == begin_ && end == end_) return;
    for (const uint16_t* h = begin_; h != end_; ++h) bits_[*h >> 6] = 0;
    begin_ = begin;
    end_ = end;
    for (const uint16_t* h = begin_; h != end_; ++h) bits_[*h >> 6] |= uint64_t{1} << (*h & 63);
  }
  double jaccard(const uint16_t* begin, const uint16_t* end) const {
    const size_t mine = static_cast<size_t>(end - begin), theirs = static_cast<size_t>(end_ - begin_);
    if (mine == 0 && theirs == 0) return 0.0;
    size_t both = 0;
    for (const uint16_t* h = begin; h != end; ++h) both += (bits_[*h >> 6] >> (*h & 63)) & 1;
    return static_cast<double>(both) / static_cast<double>(mine + theirs - both);
  }

 private:
  std::vector<uint64_t> bits_;
  const uint16_t* begin_ = nullptr;
  const uint16_t* end_ = nullptr;
};

ComponentValues set_component(const ComponentInput& in, SetFeature feature) {
  const FlatSets& sets = in.similarity.sets(feature);
  const size_t R = static_cast<size_t>(in.reference);
  ReferenceSet reference;
  return paired_component(in, [&](int model, size_t p) -> double {
    const size_t m = static_cast<size_t>(model);
    if (!sets.answered(p, m) || !sets.answered(p, R)) return NAN;
    reference.load(sets.begin(p, R), sets.end(p, R));
    return reference.jaccard(sets.begin(p, m), sets.end(p, m));
  });
}

}  // namespace

ComponentValues opener_component(const ComponentInput& in) { return set_component(in, SetFeature::Opener); }
ComponentValues closer_component(const ComponentInput& in) { return set_component(in, SetFeature::Closer); }
ComponentValues skeleton_component(const ComponentInput& in) { return set_component(in, SetFeature::Skeleton); }

}  // namespace ds::scorers::lineage
