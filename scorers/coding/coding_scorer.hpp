#pragma once
// The coding scorer: the answer's code runs in the coding sandbox (coding_sandbox.hpp) against
// the item's Python tests, which only the judge holds; each top-level statement containing an
// assert is one test, so partial passes show. value = 1 when every test passes.
#include <string>

#include "core/json.hpp"
#include "scorers/coding/sandbox.hpp"
#include "scorers/scorer.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers {

// Throws SandboxUnavailable when bubblewrap is missing (the caller reports it, unscored).
Score score_coding(const json& item_data, const std::string& response, const SandboxLimits& limits);

// Unbiased pass@k (Chen et al. 2021): 1 - C(n-c, k) / C(n, k) for n samples, c correct.
double pass_at_k(int n, int c, int k);

}  // namespace ds::scorers
