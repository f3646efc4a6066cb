// profile: cosine between the candidate's and the reference's idiosyncrasy profiles (how
// often each model uses each common phrase, opener, closer and markdown habit, relative to
// the population: profiles.hpp).
#include "scorers/lineage/components/registry_entries.hpp"

namespace ds::scorers::lineage {

ComponentValues profile_component(const ComponentInput& in) {
  ComponentValues out;
  out.value.assign(in.models.size(), NAN);
  if (in.profiles.rows.cols() == 0) return out;
  for (size_t i = 0; i < in.models.size(); ++i)
    if (in.corpus.answered(in.models[i])) out.value[i] = in.profiles.cosine(in.models[i], in.reference);
  return out;
}

}  // namespace ds::scorers::lineage
