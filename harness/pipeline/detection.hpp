#pragma once
// Detection as a step of `run`, `report` and `demo`: the lineage detector against one
// reference, every other model in the store a candidate and the panel.
#include <string>

#include "scorers/lineage/detector.hpp"
#include "core/progress_fn.hpp"
#include "results/store.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

// The detection result; the callers format it (detect --json, the table, reports).
lineage::DetectResult detect_against(Store& store, const std::string& reference,
                                     const ProgressFn& progress = {});

// The store name of a --reference given either as a model spec or as a stored name.
std::string reference_model_name(const std::string& reference);

// The reference the store's runs named: the latest run recorded with `run --reference` (or
// `demo`) whose reference model is in the store. `report` uses it when given none.
struct RecordedReference {
  std::string model;   // "" = no run named one
  std::string origin;  // "named with --reference by the run of 2026-01-02T10:00:00Z"
};
RecordedReference recorded_reference(Store& store);

}  // namespace ds::harness
