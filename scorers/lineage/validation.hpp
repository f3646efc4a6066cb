#pragma once
// Detector quality against known lineage (labels shaped like data/mtbench/lineage.json and
// data/arenahard/lineage.json). For each labelled teacher with a `distilled` student in the
// store (a teacher that is not itself a stored model, e.g. "gpt-3.5-turbo" when the store holds
// "gpt-3.5-turbo-0613", is the family of stored models named "<teacher>-*"):
//   positives  its `distilled` students;
//   negatives  `independent`, `base` and `proprietary` models of another developer (`family`)
//              that are not related to it as below;
//   related    reported apart, never as positives or negatives: the same model served twice
//              (`same_model_as`), fine-tunes of the reference or of its developer's models
//              (`fine-tune` with `parent`), the developer's other versions and sizes
//              (same `family`), and siblings (models sharing the reference's parent).
// Each candidate is tested alone (no correction, as if named with --candidate), once against
// the default panel and once against a curated panel (the negatives; each negative is left
// out of its own null). Verdict rates carry exact Clopper–Pearson intervals; AUROC and TPR at
// 5% FPR a stratified bootstrap over models.
#include <string>
#include <vector>

#include "core/json.hpp"
#include "scorers/lineage/detector.hpp"
#include "core/statistics.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers::lineage {

struct Rate {
  size_t hits = 0, total = 0;
  Interval ci{NAN, NAN, NAN};  // Clopper–Pearson 95%
  double value() const { return total ? static_cast<double>(hits) / static_cast<double>(total) : NAN; }
};

struct RelatedGroup {
  std::string relation;  // same-model | fine-tune | version | sibling
  std::vector<std::string> models;
  std::vector<std::string> called_distilled;
  Rate distilled;
};

struct PanelValidation {
  std::string panel;  // default | curated
  double auroc = NAN;
  Interval auroc_ci{NAN, NAN, NAN};
  double tpr_at_5_fpr = NAN;
  Interval tpr_ci{NAN, NAN, NAN};
  Rate verdict_fpr;  // negatives called distilled (each tested alone, as if named)
  Rate verdict_tpr;  // positives called distilled (each tested alone, as if named)
  std::vector<std::string> caught, missed, false_positives;  // by name, tested alone
  Rate sweep_fpr;    // the same in a sweep of every model (Benjamini-Hochberg, the default)
  Rate sweep_tpr;
  size_t insufficient = 0;  // positives and negatives with insufficient evidence
  std::vector<RelatedGroup> related;
  DetectResult detection;
};

struct ValidationRow {
  std::string reference;             // the teacher as labelled
  std::vector<std::string> members;  // the stored models standing for it
  std::vector<std::string> positives, negatives;
  std::vector<PanelValidation> panels;  // default, then curated
};

// Throws InputError when the labels are malformed or no labelled teacher is in the store.
std::vector<ValidationRow> validate_lineage(const Detector& detector, const json& labels,
                                            const DetectOptions& base, int resamples, uint64_t seed);

json validation_to_json(const std::vector<ValidationRow>& rows);
// One line per reference and panel, in words: the students caught and missed by name, the
// unrelated models wrongly called distilled, and the same in a sweep.
std::string validation_summary(const std::vector<ValidationRow>& rows);
std::string validation_table(const std::vector<ValidationRow>& rows);

}  // namespace ds::scorers::lineage
