// profile: cosine between the candidate's and the reference's idiosyncrasy profiles (how
// often each model uses each common phrase, opener, closer and markdown habit, relative to
// the population: profiles.hpp).
#include "scorers/lineage/components/registry_entries.hpp"

namespace ds::scorers::lineage {

ComponentValues profile_component(const ComponentInput& in) {
  ComponentValues out;
  out.value.assign(in.models.size(), NAN);
  if (in.profiles.rows.cols() == 0) return out;
  // Every model's cosine with the reference at once: one matrix-vector product over the
  // column-major profile matrix (row-by-row dot products would stride through memory).
  const Eigen::VectorXf reference = in.profiles.rows.row(in.reference).transpose();
  const Eigen::VectorXf cosines = in.profiles.rows * reference;
  for (size_t i = 0; i < in.models.size(); ++i)
    if (in.corpus.answered(in.models[i])) out.value[i] = static_cast<double>(cosines(in.models[i]));
  return out;
}

}  // namespace ds::scorers::lineage
