#pragma once
// The run summary as people read it on a terminal.
#include <string>
#include <vector>

#include "harness/pipeline/summary.hpp"
#include "harness/layer.hpp"

namespace ds::harness::cli {

// The humanity profile and gap index per model (simulated models labelled), then every suite
// with n, unscored counts and pass@k.
// With `only`, just those models (a run's, in a store that also holds others, such as
// imported leaderboards), and a line saying how many others the store holds.
std::string summary_table(const Summary& summary, const std::vector<std::string>& only = {});

// Why the store's unscored answers have no score, commonest reason first:
// "72 fingerprint probe: recorded for lineage, not graded; 4 needs a judge model (--judge SPEC)".
std::string unscored_breakdown(const Summary& summary);

}  // namespace ds::harness::cli
