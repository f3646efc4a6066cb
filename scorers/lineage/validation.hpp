#pragma once
// Detector quality against known lineage (labels shaped like data/mtbench/lineage.json).
// For each labelled teacher present in the store: positives = its `distilled` students;
// negatives = `independent` and `base` models and `proprietary` models of another family.
// `mixed` models and students of other teachers are left out: their truth is partial.
#include <string>
#include <vector>

#include "core/json.hpp"
#include "scorers/lineage/detector.hpp"
#include "core/statistics.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers::lineage {

struct ValidationRow {
  std::string reference;
  std::vector<std::string> positives, negatives;
  double auroc = NAN;
  Interval auroc_ci;
  double tpr_at_5_fpr = NAN;
  Interval tpr_ci;
  double verdict_fpr = NAN;  // share of negatives with verdict "distilled"
  Interval verdict_fpr_ci;
  double verdict_tpr = NAN;  // share of positives with verdict "distilled"
  Interval verdict_tpr_ci;
  DetectResult detection;
};

// Throws InputError when the labels are malformed or no labelled teacher is in the store.
std::vector<ValidationRow> validate_lineage(const Detector& detector, const json& labels,
                                            const DetectOptions& base, int resamples,
                                            uint64_t seed);

json validation_to_json(const std::vector<ValidationRow>& rows);
std::string validation_table(const std::vector<ValidationRow>& rows);

}  // namespace ds::scorers::lineage
