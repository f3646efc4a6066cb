#pragma once
// Detection as a step of `run`, `report` and `demo`: the lineage detector against one
// reference, every other model in the store a candidate and the panel.
#include <string>

#include "harness/core/json.hpp"
#include "results/store.hpp"

namespace ds {

// Returns the `detect --json` document; `table` receives the readable table.
json detect_against(Store& store, const std::string& reference, std::string* table = nullptr);

// The store name of a --reference given either as a model spec or as a stored name.
std::string reference_model_name(const std::string& reference);

}  // namespace ds
