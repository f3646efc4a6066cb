#pragma once
// Builds a leaderboard from one or more results stores: the scorers' summary per store, the
// suites every store shares, and each model's closest model from the lineage detector.
#include <string>
#include <vector>

#include "results/reports/leaderboard_data.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

// sort_by: a compared suite, or "" for the mean of the compared suites. InputError when
// sort_by is not a suite every store has.
Leaderboard build_leaderboard(const std::vector<std::string>& stores, const std::string& sort_by);

}  // namespace ds::harness
