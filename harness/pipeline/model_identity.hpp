#pragma once
// A model in the results store is its name plus provider plus base URL. A run may add
// answers to a stored model only from the same endpoint; any other endpoint needs its own
// name (`--as NAME`), so answers of two endpoints are never mixed under one name.
#include <vector>

#include "harness/config/run_config.hpp"
#include "core/model_spec.hpp"
#include "results/store.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

// The run's model specs: --model in order, each renamed by the matching --as, plus a
// --reference given as a spec when it is not already among them. InputError for bad specs,
// more --as names than models, or two specs under one name.
std::vector<ModelSpec> run_model_specs(const RunConfig& config);

// InputError, before anything is sent or written, when a spec disagrees with the model of
// that name in the store (another provider or base URL, or imported answers).
void check_model_identities(Store& store, const std::vector<ModelSpec>& specs);

ModelInfo model_info(const ModelSpec& spec, bool simulated);

}  // namespace ds::harness
