#pragma once
// The run summary: every suite score per model with a bootstrap 95% interval over items, the
// humanity profile (math, coding, creativity, philosophy) and its gap index.
#include <string>

#include "harness/core/json.hpp"
#include "results/store.hpp"

namespace ds {

// {"bootstrap": {...}, "normalisation": {...}, "models": {NAME: {"simulated", "suites":
//   {SUITE: {"mean", "ci_low", "ci_high", "n", "n_responses", "n_unscored", ...}},
//   "profile": {"math"|"coding"|"creativity"|"philosophy": {"mean", "ci_low", "ci_high", "n"}
//   or null}, "gap_index": {"value", "ci_low", "ci_high"} or null}}}.
// `mean` is null for a suite with no scored item. Coding adds "pass_at_k"; creativity adds
// "by_task" and "diversity".
json suite_summary(Store& store);

// A plain-text table of the profile and gap per model (simulated models labelled), then the
// other suites, with n and unscored counts.
std::string format_summary_table(const json& summary);

}  // namespace ds
