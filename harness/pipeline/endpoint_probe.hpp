#pragma once
// The model list of a loopback endpoint (our own `distillscope serve`), for the demo. Whether a
// run's model is simulated is read by the pre-flight check (endpoint_check.hpp).
#include <string>
#include <vector>

#include "core/json.hpp"
#include "core/model_spec.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

// GET {base_url}/models of a loopback endpoint (3 s timeout): the "data" array, or an empty
// array on any failure or for a non-loopback URL.
json loopback_model_list(const std::string& base_url);
// The model ids in that list, in the endpoint's order.
std::vector<std::string> loopback_model_ids(const std::string& base_url);

}  // namespace ds::harness
