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

}  // namespace ds::harness
