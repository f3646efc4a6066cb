#pragma once
// Model-level idiosyncrasy profiles: how often each model uses each common phrase, opener,
// closer and markdown habit, relative to the population of models in the store. Students
// inherit their teacher's habits (apology and hedge templates, list skeletons), so teacher
// and student deviate from the population in the same directions.
#include <Eigen/Dense>
#include <vector>

#include "scorers/lineage/corpus.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers::lineage {

struct Profiles {
  // One unit-length row per corpus model (zero row when the model has no answers), columns
  // = the habits used by at least a quarter of the models, as log usage rates centred by the
  // population mean. (Removing the population's first principal axis was tried and made the
  // profile worse on the development set: it is not done.)
  Eigen::MatrixXf rows;
  std::vector<uint32_t> features;  // habit hash per column
  double cosine(int a, int b) const { return static_cast<double>(rows.row(a).dot(rows.row(b))); }
};

Profiles build_profiles(const Corpus& corpus);

}  // namespace ds::scorers::lineage
