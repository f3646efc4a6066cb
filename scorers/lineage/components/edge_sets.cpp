// opener, closer, skeleton: per-prompt Jaccard of small sets of an answer's features with the
// reference's answer to the same prompt: the word 1-3-grams of the first and of the last 25
// tokens (how a model habitually starts and ends), and the 1-3-grams of the markdown skeleton
// (one symbol per line: headers, bullets with bold-lead and colon flags, paragraph lengths...).
#include "scorers/lineage/components/registry_entries.hpp"

namespace ds::scorers::lineage {

namespace {

template <class Field>
ComponentValues set_component(const ComponentInput& in, Field field) {
  return paired_component(in, [&](int m, size_t p) -> double {
    const auto* a = first_answer(in.corpus, m, p);
    const auto* r = first_answer(in.corpus, in.reference, p);
    if (!a || !r) return NAN;
    return set_jaccard(a->*field, r->*field);
  });
}

}  // namespace

ComponentValues opener_component(const ComponentInput& in) { return set_component(in, &TextFeatures::opener); }
ComponentValues closer_component(const ComponentInput& in) { return set_component(in, &TextFeatures::closer); }
ComponentValues skeleton_component(const ComponentInput& in) { return set_component(in, &TextFeatures::skeleton); }

}  // namespace ds::scorers::lineage
