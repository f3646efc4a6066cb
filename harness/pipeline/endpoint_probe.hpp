#pragma once
// Asks an endpoint's model list whether a model is simulated, so that results from
// `distillscope serve --simulate` are labelled as simulation wherever they are shown.
#include <string>
#include <vector>

#include "core/json.hpp"
#include "core/model_spec.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

// GET {base_url}/models with a short timeout; true only when the endpoint lists the model
// with "simulated": true. Any failure means "not known to be simulated".
bool endpoint_says_simulated(const ModelSpec& spec);

// GET {base_url}/models of a loopback endpoint (3 s timeout): the "data" array, or an empty
// array on any failure or for a non-loopback URL.
json loopback_model_list(const std::string& base_url);
// The model ids in that list, in the endpoint's order.
std::vector<std::string> loopback_model_ids(const std::string& base_url);

}  // namespace ds::harness
