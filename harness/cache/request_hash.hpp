#pragma once
#include <string>

#include "core/model_spec.hpp"
#include "core/types.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

// The cache key: SHA-256 (hex) of the canonical JSON of base URL, model, the canonical
// request body and the sample index. Headers, and so API keys, are never part of it.
std::string request_hash(const ModelSpec& spec, const Request& request);

}  // namespace ds::harness
