#pragma once
// Asks an endpoint's model list whether a model is simulated, so that results from
// `distillscope serve --simulate` are labelled as simulation wherever they are shown.
#include "core/model_spec.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

// GET {base_url}/models with a short timeout; true only when the endpoint lists the model
// with "simulated": true. Any failure means "not known to be simulated".
bool endpoint_says_simulated(const ModelSpec& spec);

}  // namespace ds::harness
